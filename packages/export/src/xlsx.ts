import type { Report } from "@gongkai/schema";
import {
  cellDef,
  cellName,
  type Locale,
  sectionKeys,
  type TableId,
  tableIds,
  tableSections,
} from "@gongkai/schema/meta";
import ExcelJS from "exceljs";
import { type Grid, reportGrids } from "./grid";
import { isMoney, longRows } from "./long";
import { type ExportOptions, reportTitle, sectionHeading, strings } from "./text";
import { gridValue, moneyAsNumber, printedUnit } from "./values";

type Worksheet = ExcelJS.Worksheet;
type Cell = ExcelJS.Cell;

const FONT = "SimSun";
const thin = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };

const LINE_HEIGHT = 13.5; // points, for 10-point text

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Approximate width of a 10-point text in column units (a CJK character is about two). */
function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += WIDE.test(ch) ? 1.9 : 0.85;
  return n;
}

/** Excel's header/footer codes start with &: a literal & is written &&. */
const hf = (text: string) => text.replaceAll("&", "&&");

/**
 * The report as a workbook: tables 二, 三, 四 drawn as the national format draws them (merged
 * headers, blank for not reported), the text of the six sections, the data in long format and,
 * when given, the findings.
 */
export async function reportXlsx(report: Report, options: ExportOptions): Promise<Uint8Array> {
  const { locale } = options;
  const s = strings[locale];
  const title = reportTitle(report);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Gongkai";
  wb.title = title;
  wb.subject = report.agency.name;
  wb.created = new Date(`${report.publicationDate ?? `${report.year + 1}-01-01`}T00:00:00Z`);
  wb.modified = wb.created;

  const grids = reportGrids(report, locale);
  for (const table of tableIds) {
    drawGrid(wb, report, grids[table], s.sheets[table], title, locale);
  }
  textSheet(wb, report, options);
  dataSheet(wb, report, locale);
  if (options.findings) findingsSheet(wb, report, options);

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function drawGrid(wb: ExcelJS.Workbook, report: Report, grid: Grid, name: string, title: string, locale: Locale) {
  const frozen =
    grid.headerRows > 0 ? [{ state: "frozen" as const, xSplit: grid.labelColumns, ySplit: grid.headerRows }] : [];
  const ws = wb.addWorksheet(name, {
    views: frozen,
    pageSetup: {
      paperSize: 9, // A4
      orientation: grid.table === "t2" ? "portrait" : "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: grid.headerRows > 0 ? `1:${grid.headerRows}` : undefined,
    },
    headerFooter: { oddHeader: `&C${hf(title)}`, oddFooter: "&C&P / &N" },
  });
  grid.widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  // Borders on every cell of the table, covered cells of a merge included (Excel draws each).
  for (let r = 1; r <= grid.rows; r++) {
    for (let c = 1; c <= grid.columns; c++) ws.getCell(r, c).border = BORDER;
  }
  // Spreadsheets do not grow a row for wrapped text on their own (LibreOffice and the Excel
  // web viewer keep the default height), so each row gets the height its longest text needs.
  for (let r = 0; r < grid.rows; r++) {
    const lines = grid.cells
      .filter((g) => g.row === r && g.rowSpan === 1 && g.text)
      .map((g) => {
        const width = grid.widths.slice(g.col, g.col + g.colSpan).reduce((a, b) => a + b, 0);
        const bold = g.kind === "header" || g.kind === "caption" ? 1.1 : 1;
        return Math.ceil((displayWidth(g.text ?? "") * bold) / Math.max(1, width - 1));
      });
    const most = Math.max(1, ...lines);
    if (most > 1 || r < grid.headerRows) ws.getRow(r + 1).height = Math.max(18, most * LINE_HEIGHT + 4);
  }
  const footnotes = new Map(report.footnotes.map((f) => [f.cell, locale === "en" && f.en ? f.en : f.text]));
  for (const g of grid.cells) {
    const top = g.row + 1;
    const left = g.col + 1;
    if (g.rowSpan > 1 || g.colSpan > 1) ws.mergeCells(top, left, top + g.rowSpan - 1, left + g.colSpan - 1);
    const cell = ws.getCell(top, left);
    if (g.kind === "value") {
      writeValue(cell, report, g, locale);
      const note = g.path ? footnotes.get(g.path) : undefined;
      if (note) cell.note = note;
      continue;
    }
    cell.value = g.text ?? null;
    const isLabel = g.kind === "label";
    cell.font = { name: FONT, size: 10, bold: g.kind !== "label" };
    cell.alignment = {
      vertical: "middle",
      horizontal: isLabel && g.rowSpan === 1 ? "left" : "center",
      wrapText: true,
      ...(isLabel && g.rowSpan === 1 ? { indent: 1 } : {}),
    };
    if (g.kind === "header" || g.kind === "caption") cell.fill = HEADER_FILL;
  }
}

function writeValue(cell: Cell, report: Report, g: Grid["cells"][number], locale: Locale) {
  const value = gridValue(report, g);
  cell.font = { name: FONT, size: 10 };
  cell.alignment = { vertical: "middle", horizontal: "center" };
  // Not reported stays an empty cell: 0 would claim a figure the report never gave.
  if (value === null) return;
  if (!isMoney(value)) {
    cell.value = value;
    return;
  }
  const unit = printedUnit(value, g, locale);
  const exact = moneyAsNumber(value.amount);
  if (!exact) {
    cell.value = unit ? `${value.amount} ${unit}` : value.amount;
    return;
  }
  cell.value = exact.value;
  const digits = exact.decimals > 0 ? `0.${"0".repeat(exact.decimals)}` : "0";
  cell.numFmt = unit ? `${digits}"${locale === "zh" ? "" : " "}${unit}"` : digits;
}

function headerRow(ws: Worksheet, header: readonly string[]) {
  const row = ws.addRow([...header]);
  row.eachCell((c) => {
    c.font = { name: FONT, bold: true };
    c.fill = HEADER_FILL;
    c.border = BORDER;
  });
}

function textSheet(wb: ExcelJS.Workbook, report: Report, options: ExportOptions) {
  const { locale } = options;
  const s = strings[locale];
  const ws = wb.addWorksheet(s.sheets.text, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.getColumn(1).width = 36;
  ws.getColumn(2).width = 100;
  headerRow(ws, s.textHeader);
  const rows: [string, string][] = [
    [s.title, reportTitle(report)],
    [s.agency, report.agency.name],
    [s.year, String(report.year)],
    [s.editionLabel, s.edition(report.edition)],
  ];
  if (options.version !== undefined) rows.push([s.version, s.versionValue(options.version)]);
  rows.push([s.preamble, report.preamble ?? ""]);
  for (const key of sectionKeys) {
    const table = (tableSections as Partial<Record<string, TableId>>)[key];
    const text = report.sections[key].text ?? "";
    rows.push([sectionHeading(report, key, locale), table && !text ? s.seeSheet(s.sheets[table]) : text]);
  }
  rows.push([s.closing, report.closing ?? ""]);
  for (const [k, v] of rows) {
    const row = ws.addRow([k, v]);
    row.getCell(1).font = { name: FONT, bold: true };
    row.getCell(2).font = { name: FONT };
    row.getCell(1).alignment = { vertical: "top", wrapText: true };
    row.getCell(2).alignment = { vertical: "top", wrapText: true };
  }
}

function dataSheet(wb: ExcelJS.Workbook, report: Report, locale: Locale) {
  const s = strings[locale];
  const ws = wb.addWorksheet(s.sheets.data, { views: [{ state: "frozen", ySplit: 1 }] });
  [28, 28, 44, 24, 14, 12].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  headerRow(ws, s.longHeader);
  for (const r of longRows(report, locale)) {
    const money = typeof r.value === "string" ? moneyAsNumber(r.value) : null;
    const row = ws.addRow([r.path, r.table, r.row, r.column, money ? money.value : r.value, r.unit]);
    if (money) row.getCell(5).numFmt = money.decimals > 0 ? `0.${"0".repeat(money.decimals)}` : "0";
  }
  ws.autoFilter = { from: "A1", to: "F1" };
}

function findingsSheet(wb: ExcelJS.Workbook, report: Report, options: ExportOptions) {
  const { locale } = options;
  const s = strings[locale];
  const ws = wb.addWorksheet(s.sheets.findings, { views: [{ state: "frozen", ySplit: 1 }] });
  [8, 10, 80, 40, 60].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  headerRow(ws, s.findingsHeader);
  for (const f of options.findings ?? []) {
    const names = f.cells.map((p) => {
      const def = cellDef(report.edition, p);
      return def ? cellName(def, locale) : p;
    });
    const row = ws.addRow([f.ruleId, s.severity[f.severity], f.message[locale], f.cells.join("\n"), names.join("\n")]);
    row.eachCell((c) => {
      c.alignment = { vertical: "top", wrapText: true };
    });
  }
  ws.autoFilter = { from: "A1", to: "E1" };
}
