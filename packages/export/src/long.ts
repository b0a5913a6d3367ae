import type { Report } from "@gongkai/schema";
import {
  type CellDef,
  type CellValue,
  cellDefs,
  cellValues,
  type Locale,
  type MoneyValue,
  tableCaptions,
} from "@gongkai/schema/meta";
import { strings } from "./text";

/** One row of the long ("tidy") format: a cell of the report, or one of its extra metrics. */
export interface LongRow {
  path: string;
  table: string;
  row: string;
  column: string;
  /** A number; money is its exact decimal string; null = not reported. */
  value: number | string | null;
  unit: string;
}

const MONEY_UNITS_EN: Record<MoneyValue["unit"], string> = { 元: "yuan", 万元: "10,000 yuan" };

export function isMoney(value: CellValue | undefined): value is MoneyValue {
  return typeof value === "object" && value !== null;
}

export function moneyUnit(unit: MoneyValue["unit"], locale: Locale): string {
  return locale === "zh" ? unit : MONEY_UNITS_EN[unit];
}

/**
 * The row label with the group that numbers it: "（三）不予公开 1.属于国家秘密",
 * "行政诉讼 未经复议直接起诉". Table 三's outermost group (三、本年度办理结果) is left out: the
 * rows under it are numbered （一）…（七） on their own.
 */
export function rowLabel(def: CellDef, locale: Locale): string {
  const groups = def.table === "t3" ? def.rowGroups.slice(1) : def.rowGroups;
  return [...groups, def.rowLabel].map((l) => l[locale]).join(locale === "zh" ? " " : " — ");
}

/** Every cell of the report's edition in official drawing order, then the extra metrics. */
export function longRows(report: Report, locale: Locale): LongRow[] {
  const values = cellValues(report);
  const rows: LongRow[] = cellDefs(report.edition).map((def) => {
    const value = values.get(def.path) ?? null;
    return {
      path: def.path,
      table: tableCaptions[def.table][locale],
      row: rowLabel(def, locale),
      column: def.columnLabel[locale],
      value: isMoney(value) ? value.amount : value,
      unit: isMoney(value) ? moneyUnit(value.unit, locale) : def.unit[locale],
    };
  });
  for (const m of report.extraMetrics) {
    rows.push({
      path: `extra.${m.key}`,
      table: strings[locale].extraTable,
      row: m.label[locale],
      // The qualifier (余, 约, 不足) is part of what the report says about the figure.
      column: strings[locale].qualifier[m.qualifier],
      value: m.value,
      unit: m.unit,
    });
  }
  return rows;
}
