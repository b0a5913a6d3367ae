import { type CellValue, cellDef, cellName } from "../catalog";
import type { Report } from "../report";
import { t3ApplicantKeys } from "../tables/t3";
import type { Finding, RuleId, Severity } from "./finding";

/**
 * How blanks are read. In a template report a blank was left empty in a published table and
 * counts as 0 (rule 6). In a legacy report a blank means the report never stated the figure, so
 * an equation with a blank term cannot be checked and is skipped.
 */
export type CellValues = ReadonlyMap<string, CellValue>;

export interface RuleContext {
  report: Report;
  /** Every cell by path, read once (rules read cells thousands of times). */
  values: CellValues;
  legacy: boolean;
  out: Finding[];
}

export function makeFinding(
  ruleId: RuleId,
  severity: Severity,
  zh: string,
  en: string,
  cells: readonly string[],
  extra: Omit<Finding, "ruleId" | "severity" | "message" | "cells"> = {},
): Finding {
  return { ruleId, severity, message: { zh, en }, cells: [...cells], ...extra };
}

export function num(values: CellValues, path: string): number | null {
  const v = values.get(path);
  return typeof v === "number" ? v : null;
}

/**
 * Terms of an equation as numbers: blanks are 0 in template reports; in legacy reports any
 * blank makes the whole sum unknown (`null`).
 */
export function sumCells(ctx: RuleContext, paths: readonly string[]): number | null {
  let sum = 0;
  for (const p of paths) {
    const v = num(ctx.values, p);
    if (v === null) {
      if (ctx.legacy) return null;
      continue;
    }
    sum += v;
  }
  return sum;
}

/** A table-三 row's total as the table states it: 总计, or if blank the sum of its applicant cells. */
export function t3RowTotal(ctx: RuleContext, row: string): number | null {
  const total = num(ctx.values, `t3.${row}.total`);
  if (total !== null) return total;
  return sumCells(
    ctx,
    t3ApplicantKeys.map((c) => `t3.${row}.${c}`),
  );
}

export function nameOf(report: Report, path: string): { zh: string; en: string } {
  const def = cellDef(report.edition, path);
  if (!def) return { zh: path, en: path };
  return { zh: cellName(def, "zh"), en: cellName(def, "en") };
}

export function show(v: number | null): string {
  return v === null ? "—" : String(v);
}
