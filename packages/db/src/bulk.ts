import type { DbHandle } from "./client";

/** A PostgreSQL array literal, so a whole column travels as one text parameter on both engines. */
export function pgArray(values: readonly (string | number | null | undefined)[]): string {
  const items = values.map((v) => {
    if (v === null || v === undefined) return "NULL";
    if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new RangeError(`Not a finite number: ${v}`);
      return String(v);
    }
    return `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  });
  return `{${items.join(",")}}`;
}

export interface BulkColumn {
  name: string;
  /** PostgreSQL type of the column, e.g. int, text, numeric, jsonb. */
  type: string;
}

/**
 * Insert many rows in one statement per chunk with `INSERT … SELECT FROM unnest(…)`: one parameter
 * per column instead of one per value (drizzle's builder costs ~120 µs a row on wide tables).
 */
export async function bulkInsert(
  run: Pick<DbHandle, "query">,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly (string | number | null)[])[],
  options: { chunk?: number; onConflict?: string } = {},
): Promise<number> {
  const chunk = options.chunk ?? 20_000;
  let written = 0;
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    const params = columns.map((_, c) => pgArray(part.map((r) => r[c] ?? null)));
    const select = columns
      .map((col, i) => (col.type === "jsonb" ? `$${i + 1}::text[]` : `$${i + 1}::${col.type}[]`))
      .join(", ");
    const names = columns.map((c) => `"${c.name}"`).join(", ");
    const casts = columns.map((c, i) => (c.type === "jsonb" ? `c${i}::jsonb` : `c${i}`)).join(", ");
    const aliases = columns.map((_, i) => `c${i}`).join(", ");
    await run.query(
      `INSERT INTO "${table}" (${names}) SELECT ${casts} FROM unnest(${select}) AS t(${aliases}) ${options.onConflict ?? ""}`,
      params,
    );
    written += part.length;
  }
  return written;
}
