import type { Report } from "@gongkai/schema";
import { type CellValue, getCell, type Locale, type MoneyValue } from "@gongkai/schema/meta";
import type { GridCell } from "./grid";
import { isMoney, moneyUnit } from "./long";

export function gridValue(report: Report, cell: GridCell): CellValue {
  return cell.path ? (getCell(report, cell.path) ?? null) : null;
}

/**
 * The unit to print beside a money value: none when the column header already states it
 * (2021: 本年收费金额（单位：万元）), else the unit the report wrote (2019 采购总金额 has none).
 */
export function printedUnit(money: MoneyValue, cell: GridCell, locale: Locale): string | null {
  return cell.unit === money.unit ? null : moneyUnit(money.unit, locale);
}

/** A value as printed on paper: "—" for not reported, money with its unit where needed. */
export function printValue(value: CellValue, cell: GridCell, locale: Locale, blank: string): string {
  if (value === null) return blank;
  if (isMoney(value)) {
    const unit = printedUnit(value, cell, locale);
    return unit ? `${value.amount}${locale === "zh" ? "" : " "}${unit}` : value.amount;
  }
  return String(value);
}

/**
 * A money amount as a spreadsheet number, with the number format that shows exactly its decimals.
 * Returns null when a double cannot hold the amount exactly (more than ~15 significant digits):
 * the caller then writes the decimal string.
 */
export function moneyAsNumber(amount: string): { value: number; decimals: number } | null {
  const decimals = amount.split(".")[1]?.length ?? 0;
  const value = Number(amount);
  if (!Number.isFinite(value) || value.toFixed(decimals) !== amount) return null;
  return { value, decimals };
}
