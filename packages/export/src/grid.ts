import type { Report } from "@gongkai/schema";
import {
  type Edition,
  type Locale,
  layouts,
  type T3Node,
  type TableId,
  t2ContentHeader,
  t3ColumnKeys,
  t3ColumnLabels,
  t3HeaderLabels,
  t4BlockKeys,
  t4BlockLabels,
  t4LitigationLabel,
  t4OutcomeKeys,
  t4OutcomeLabels,
} from "@gongkai/schema/meta";

/**
 * Tables 二, 三 and 四 as the national format draws them: a grid of cells with their spans.
 * The XLSX and DOCX writers both render these grids, so the two files cannot disagree on layout.
 */
export interface GridCell {
  /** 0-based position of the top-left corner. */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** `header`: column headers (and table 三's note); `caption`: a table-二 sub-table caption. */
  kind: "header" | "caption" | "label" | "value";
  /** Text of a header, caption or label. */
  text?: string;
  /** Cell path of a value cell. */
  path?: string;
  /** Official unit of a money column, when the header states one (2021 table 二: 万元). */
  unit?: string;
}

export interface Grid {
  table: TableId;
  rows: number;
  columns: number;
  /** Rows at the top that repeat on every page / are frozen. */
  headerRows: number;
  /** Columns at the left that hold row labels. */
  labelColumns: number;
  /** Relative column widths (characters, roughly). */
  widths: number[];
  cells: GridCell[];
}

const cell = (
  row: number,
  col: number,
  kind: GridCell["kind"],
  extra: Partial<GridCell> & { rowSpan?: number; colSpan?: number } = {},
): GridCell => ({ row, col, rowSpan: 1, colSpan: 1, kind, ...extra });

/**
 * Table 二: one block per sub-table — its caption across the table, then 信息内容 and the column
 * headers, then its rows. Every block is 4 columns wide; a block with fewer value columns lets its
 * last column span the rest (2021 第（五）项: 本年处理决定数量 over 3 columns).
 */
export function t2Grid(edition: Edition, locale: Locale): Grid {
  const cells: GridCell[] = [];
  let r = 0;
  for (const sub of layouts.t2[edition]) {
    cells.push(cell(r, 0, "caption", { colSpan: 4, text: sub.caption[locale] }));
    r++;
    const spans = sub.columns.map((_, i) => (i === sub.columns.length - 1 ? 3 - i : 1));
    cells.push(cell(r, 0, "header", { text: t2ContentHeader[locale] }));
    let c = 1;
    sub.columns.forEach((col, i) => {
      cells.push(cell(r, c, "header", { colSpan: spans[i] ?? 1, text: col.label[locale] }));
      c += spans[i] ?? 1;
    });
    r++;
    for (const row of sub.rows) {
      cells.push(cell(r, 0, "label", { text: row.label[locale] }));
      let vc = 1;
      sub.columns.forEach((col, i) => {
        const extra: Partial<GridCell> = { colSpan: spans[i] ?? 1, path: `t2.${row.key}.${col.key}` };
        if (col.unit) extra.unit = col.unit;
        cells.push(cell(r, vc, "value", extra));
        vc += spans[i] ?? 1;
      });
      r++;
    }
  }
  return { table: "t2", rows: r, columns: 4, headerRows: 0, labelColumns: 1, widths: [24, 16, 16, 16], cells };
}

const leafCount = (node: T3Node): number =>
  node.kind === "row" ? 1 : node.children.reduce((n, child) => n + leafCount(child), 0);

/**
 * Table 三: the note over 3 label columns × 3 header rows; 申请人情况 over the 7 value columns;
 * 自然人 and 总计 down 2 header rows; 法人或其他组织 over its 5 columns. Row groups
 * (三、本年度办理结果, （三）不予公开 …) are merged down the rows they hold; a row's label spans
 * the label columns its groups leave free.
 */
export function t3Grid(edition: Edition, locale: Locale): Grid {
  const L = 3;
  const cells: GridCell[] = [
    cell(0, 0, "header", { rowSpan: 3, colSpan: L, text: t3HeaderLabels.note[locale] }),
    cell(0, L, "header", { colSpan: 7, text: t3HeaderLabels.applicants[locale] }),
    cell(1, L, "header", { rowSpan: 2, text: t3ColumnLabels.naturalPerson[locale] }),
    cell(1, L + 1, "header", { colSpan: 5, text: t3HeaderLabels.organisations[locale] }),
    ...(["commercial", "research", "socialWelfare", "legalService", "otherOrg"] as const).map((k, i) =>
      cell(2, L + 1 + i, "header", { text: t3ColumnLabels[k][locale] }),
    ),
    cell(1, L + 6, "header", { rowSpan: 2, text: t3ColumnLabels.total[locale] }),
  ];
  let r = 3;
  const walk = (nodes: readonly T3Node[], depth: number) => {
    for (const node of nodes) {
      if (node.kind === "group") {
        cells.push(cell(r, depth, "label", { rowSpan: leafCount(node), text: node.label[locale] }));
        walk(node.children, depth + 1);
        continue;
      }
      cells.push(cell(r, depth, "label", { colSpan: L - depth, text: node.label[locale] }));
      t3ColumnKeys.forEach((k, i) => {
        cells.push(cell(r, L + i, "value", { path: `t3.${node.path}.${k}` }));
      });
      r++;
    }
  };
  walk(layouts.t3[edition], 0);
  return {
    table: "t3",
    rows: r,
    columns: L + 7,
    headerRows: 3,
    labelColumns: L,
    widths: [8, 12, 34, 11, 11, 11, 11, 11, 11, 11],
    cells,
  };
}

/**
 * Table 四: 行政复议 over 5 columns whose outcome headers run down 2 rows; 行政诉讼 over 10, split
 * into 未经复议直接起诉 and 复议后起诉 over 5 each; one row of 15 values.
 */
export function t4Grid(locale: Locale): Grid {
  const cells: GridCell[] = [
    cell(0, 0, "header", { colSpan: 5, text: t4BlockLabels.review[locale] }),
    cell(0, 5, "header", { colSpan: 10, text: t4LitigationLabel[locale] }),
    cell(1, 5, "header", { colSpan: 5, text: t4BlockLabels.suitDirect[locale] }),
    cell(1, 10, "header", { colSpan: 5, text: t4BlockLabels.suitAfterReview[locale] }),
  ];
  t4BlockKeys.forEach((block, b) => {
    t4OutcomeKeys.forEach((outcome, o) => {
      const col = b * 5 + o;
      cells.push(
        block === "review"
          ? cell(1, col, "header", { rowSpan: 2, text: t4OutcomeLabels[outcome][locale] })
          : cell(2, col, "header", { text: t4OutcomeLabels[outcome][locale] }),
      );
      cells.push(cell(3, col, "value", { path: `t4.${block}.${outcome}` }));
    });
  });
  return {
    table: "t4",
    rows: 4,
    columns: 15,
    headerRows: 3,
    labelColumns: 0,
    widths: Array(15).fill(9),
    cells,
  };
}

export function reportGrids(report: Report, locale: Locale): Record<TableId, Grid> {
  return { t2: t2Grid(report.edition, locale), t3: t3Grid(report.edition, locale), t4: t4Grid(locale) };
}

/** Spreadsheet address of a 0-based position: (0, 0) → "A1". */
export function address(row: number, col: number): string {
  let name = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return `${name}${row + 1}`;
}
