import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "./client";

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
  /** PostgreSQL type of the column, e.g. int, text, numeric, json (values as text), tsvector (a literal). */
  type: string;
}

/**
 * Insert many rows in one statement per chunk with `INSERT … SELECT FROM unnest(…)`: one parameter
 * per column instead of one per value (drizzle's builder costs ~120 µs a row on wide tables). Runs
 * on the database or inside a transaction, on PGlite and PostgreSQL alike.
 */
export async function bulkInsert(
  exec: Executor,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly (string | number | null)[])[],
  options: { chunk?: number; onConflict?: SQL; returning?: SQL } = {},
): Promise<Record<string, unknown>[]> {
  const chunk = options.chunk ?? 20_000;
  const returned: Record<string, unknown>[] = [];
  const names = sql.raw(columns.map((c) => `"${c.name}"`).join(", "));
  const casts = sql.raw(
    columns.map((c, i) => (["json", "jsonb", "tsvector"].includes(c.type) ? `c${i}::${c.type}` : `c${i}`)).join(", "),
  );
  const aliases = sql.raw(columns.map((_, i) => `c${i}`).join(", "));
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    const arrays = columns.map((col, c) => {
      const literal = pgArray(part.map((r) => r[c] ?? null));
      return sql`${literal}::${sql.raw(["json", "jsonb", "tsvector"].includes(col.type) ? "text" : col.type)}[]`;
    });
    const result = await exec.execute(
      sql`INSERT INTO ${sql.raw(`"${table}"`)} (${names}) SELECT ${casts} FROM unnest(${sql.join(arrays, sql`, `)}) AS t(${aliases}) ${options.onConflict ?? sql``} ${options.returning ? sql`RETURNING ${options.returning}` : sql``}`,
    );
    if (options.returning) returned.push(...((result as unknown as { rows: Record<string, unknown>[] }).rows ?? []));
  }
  return returned;
}
