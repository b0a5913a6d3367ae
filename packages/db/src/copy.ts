/** One value in PostgreSQL's COPY text format (tab-separated, \N for NULL). */
function copyValue(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "\\N";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new RangeError(`Not a finite number: ${v}`);
    return String(v);
  }
  return v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/** Rows as COPY … FROM STDIN text: the cheapest way to get many rows into PostgreSQL. */
export function copyText(rows: readonly (readonly (string | number | null)[])[]): string {
  let out = "";
  for (const row of rows) out += `${row.map(copyValue).join("\t")}\n`;
  return out;
}

/** A tsvector literal of the given lexemes, for COPY (which cannot call to_tsvector). */
export function tsvectorLiteral(tokens: readonly string[]): string {
  return tokens.map((t) => `'${t.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`).join(" ");
}
