import { cellValues, setCell } from "../catalog";
import type { Report } from "../report";
import { type T3Node, t3ApplicantKeys, t3ColumnKeys, t3Layout2019, t3Layout2021 } from "../tables/t3";
import { t4BlockKeys } from "../tables/t4";
import { leafOutcomeRows } from "./arithmetic";

const dataRows = (nodes: readonly T3Node[]): string[] =>
  nodes.flatMap((n) => (n.kind === "row" ? [n.path] : dataRows(n.children)));
const rowsOf = { 2019: dataRows(t3Layout2019), 2021: dataRows(t3Layout2021) };
const T4_PARTS = ["upheld", "corrected", "other", "pending"] as const;

/**
 * "Compute totals" in the editor: fills the 总计 cells the format defines as sums — each row of
 * table 三 (the six applicant columns), （七）总计 (the outcome rows, per column) and each block
 * of table 四 (upheld + corrected + other + pending). A total is written only when at least one of
 * its parts is filled: blanks stay blanks (not reported is not 0). Returns the new report and the
 * cells it changed; the rules (R07, R08, R13) then agree with it by construction.
 */
export function computeTotals<R extends Report>(report: R): { report: R; changed: string[] } {
  let next = report;
  const changed: string[] = [];
  const values = () => cellValues(next);
  const num = (v: ReturnType<typeof cellValues> extends Map<string, infer V> ? V : never) =>
    typeof v === "number" ? v : null;
  const write = (path: string, parts: readonly string[]) => {
    const current = values();
    const nums = parts.map((p) => num(current.get(p) ?? null));
    if (nums.every((n) => n === null)) return;
    const sum = nums.reduce<number>((s, n) => s + (n ?? 0), 0);
    if (current.get(path) !== sum) {
      next = setCell(next, path, sum);
      changed.push(path);
    }
  };
  // Leaf rows first, then （七）总计 per column, then the row totals of the rows that remain.
  const rows = rowsOf[report.edition];
  for (const row of rows)
    write(
      `t3.${row}.total`,
      t3ApplicantKeys.map((c) => `t3.${row}.${c}`),
    );
  const leaves = leafOutcomeRows(next);
  for (const col of t3ColumnKeys)
    write(
      `t3.handledTotal.${col}`,
      leaves.map((r) => `t3.${r}.${col}`),
    );
  for (const block of t4BlockKeys)
    write(
      `t4.${block}.total`,
      T4_PARTS.map((k) => `t4.${block}.${k}`),
    );
  return { report: next, changed };
}
