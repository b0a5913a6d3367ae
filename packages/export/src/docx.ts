import type { Report } from "@gongkai/schema";
import { cellDef, cellName, type Locale, sectionKeys, type TableId, tableSections } from "@gongkai/schema/meta";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { type Grid, reportGrids } from "./grid";
import { type ExportOptions, paragraphs, qualifiedValue, reportTitle, sectionHeading, strings } from "./text";
import { gridValue, printValue } from "./values";

// Chinese needs a CJK font on the East Asian slot, or Word falls back to one that may lack the glyphs.
const BODY_FONT = { ascii: "SimSun", hAnsi: "SimSun", eastAsia: "宋体", cs: "SimSun", hint: "eastAsia" };
const HEADING_FONT = { ascii: "SimHei", hAnsi: "SimHei", eastAsia: "黑体", cs: "SimHei", hint: "eastAsia" };

// A4 portrait in twips (1/1440 inch), 2.54 cm margins.
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1440;
const TEXT_WIDTH = A4.width - 2 * MARGIN;

// Half-points: 9 pt; English labels are longer than the columns the official layout gives them.
const TABLE_TEXT: Record<Locale, number> = { zh: 18, en: 15 };
const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const BORDERS = { top: border, bottom: border, left: border, right: border };

/**
 * The report as a Word document in the official layout: A4 portrait, the title, the preamble, the
 * six sections with their headings and text, tables 二–四 in their sections with the national
 * format's merged headers ("—" where the report gave no figure), extra metrics as an annex table.
 */
export async function reportDocx(report: Report, options: ExportOptions): Promise<Uint8Array> {
  const { locale } = options;
  const s = strings[locale];
  const title = reportTitle(report);
  const grids = reportGrids(report, locale);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(title)] }),
  ];
  if (options.version !== undefined && options.version > 1) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun(`（${s.versionValue(options.version)}）`)],
      }),
    );
  }
  children.push(...body(report.preamble));
  for (const key of sectionKeys) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: sectionHeading(report, key, locale) }));
    children.push(...body(report.sections[key].text));
    const table = (tableSections as Partial<Record<string, TableId>>)[key];
    if (table) {
      children.push(gridTable(report, grids[table], locale));
      children.push(...footnotes(report, table, locale));
    }
  }
  for (const line of paragraphs(report.closing)) {
    children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(line)] }));
  }
  if (report.extraMetrics.length > 0) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: s.annex }));
    children.push(extrasTable(report, locale));
  }

  const doc = new Document({
    creator: "Gongkai",
    title,
    subject: report.agency.name,
    description: s.edition(report.edition),
    ...(options.version !== undefined ? { revision: options.version } : {}),
    styles: {
      default: {
        document: {
          run: { font: BODY_FONT, size: 24, language: { value: "zh-CN", eastAsia: "zh-CN" } },
          paragraph: { spacing: { line: 360 } },
        },
        title: { run: { font: HEADING_FONT, size: 36, bold: false, color: "000000" } },
        heading1: {
          run: { font: HEADING_FONT, size: 28, bold: false, color: "000000" },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        heading2: { run: { font: HEADING_FONT, size: 24, bold: false, color: "000000" } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"] })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

/** Narrative paragraphs, indented two characters as Chinese official documents are. */
function body(text: string | null | undefined): Paragraph[] {
  return paragraphs(text).map((p) => new Paragraph({ indent: { firstLine: 480 }, children: [new TextRun(p)] }));
}

function small(
  text: string,
  align: (typeof AlignmentType)[keyof typeof AlignmentType],
  locale: Locale,
  bold = false,
): Paragraph {
  return new Paragraph({
    alignment: align,
    spacing: { line: 240 },
    children: [new TextRun({ text, size: TABLE_TEXT[locale], ...(bold ? { bold } : {}) })],
  });
}

function gridTable(report: Report, grid: Grid, locale: Locale): Table {
  const total = grid.widths.reduce((a, b) => a + b, 0);
  const widths = grid.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const rows: TableRow[] = [];
  for (let r = 0; r < grid.rows; r++) {
    // Cells covered by a vertical merge are left out: docx adds their vMerge continuations itself.
    const cells = grid.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col);
    rows.push(
      new TableRow({
        tableHeader: r < grid.headerRows,
        cantSplit: true,
        children: cells.map((c) => {
          const text =
            c.kind === "value"
              ? printValue(gridValue(report, c), c, locale, strings[locale].notReported)
              : (c.text ?? "");
          const align = c.kind === "label" && c.rowSpan === 1 ? AlignmentType.LEFT : AlignmentType.CENTER;
          return new TableCell({
            columnSpan: c.colSpan,
            rowSpan: c.rowSpan,
            verticalAlign: VerticalAlignTable.CENTER,
            borders: BORDERS,
            width: {
              size: widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0),
              type: WidthType.DXA,
            },
            margins: { left: 60, right: 60 },
            ...(c.kind === "header" || c.kind === "caption" ? { shading: { fill: "F2F2F2" } } : {}),
            children: [small(text, align, locale, c.kind === "caption")],
          });
        }),
      }),
    );
  }
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
  });
}

function footnotes(report: Report, table: TableId, locale: Locale): Paragraph[] {
  return report.footnotes
    .filter((f) => f.cell.startsWith(`${table}.`))
    .map((f) => {
      const def = cellDef(report.edition, f.cell);
      const text = locale === "en" && f.en ? f.en : f.text;
      return small(
        `${strings[locale].note}${def ? `${cellName(def, locale)}：` : ""}${text}`,
        AlignmentType.LEFT,
        locale,
      );
    });
}

function extrasTable(report: Report, locale: Locale): Table {
  const s = strings[locale];
  const widths = [0.34, 0.14, 0.1, 0.42].map((f) => Math.floor(f * TEXT_WIDTH));
  const row = (texts: string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: texts.map(
        (t, i) =>
          new TableCell({
            borders: BORDERS,
            width: { size: widths[i] ?? 0, type: WidthType.DXA },
            margins: { left: 60, right: 60 },
            ...(header ? { shading: { fill: "F2F2F2" } } : {}),
            children: [small(t, i === 1 || i === 2 ? AlignmentType.CENTER : AlignmentType.LEFT, locale, header)],
          }),
      ),
    });
  return new Table({
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    rows: [
      row([...s.annexHeader], true),
      ...report.extraMetrics.map((m) =>
        row([m.label[locale], qualifiedValue(m.value, m.qualifier, locale), m.unit, m.quote ?? ""], false),
      ),
    ],
  });
}
