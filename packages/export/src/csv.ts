import type { Report } from "@gongkai/schema";
import Papa from "papaparse";
import { longRows } from "./long";
import { type ExportOptions, strings } from "./text";

/** Excel detects UTF-8 (and so reads Chinese correctly) only with a byte-order mark. */
const BOM = "\uFEFF";

/**
 * A CSV file: BOM, CRLF line ends, fields quoted only when needed, text that a spreadsheet would
 * run as a formula (=, +, -, @ …) prefixed with ' (numbers are written as numbers and left alone),
 * null as an empty field.
 */
export function rowsToCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const body = Papa.unparse(
    { fields: [...header], data: rows.map((r) => r.map((v) => (v === null ? "" : v))) },
    { newline: "\r\n", escapeFormulae: true },
  );
  return `${BOM}${body}\r\n`;
}

/** The report in long format, one row per cell of its edition in official order, then extra metrics. */
export function reportCsv(report: Report, options: ExportOptions): string {
  const rows = longRows(report, options.locale).map((r) => [r.path, r.table, r.row, r.column, r.value, r.unit]);
  return rowsToCsv(strings[options.locale].longHeader, rows);
}
