import type { Report, Report2019, Report2021 } from "../report";
import type { CellType, MoneyValue } from "./cells";
import type { Edition } from "./edition";
import { type T2SubTable, t2ContentHeader, t2Layout2019, t2Layout2021 } from "./t2";
import { type T3Node, t3ColumnKeys, t3ColumnLabels, t3HeaderLabels, t3Layout2019, t3Layout2021 } from "./t3";
import { t4BlockKeys, t4BlockLabels, t4LitigationLabel, t4OutcomeKeys, t4OutcomeLabels } from "./t4";
import { type Label, label } from "./text";

type PathsOf<T> = {
  [K in Exclude<keyof T & string, "extraRows">]: NonNullable<T[K]> extends { amount: string }
    ? K
    : NonNullable<T[K]> extends number
      ? K
      : `${K}.${PathsOf<NonNullable<T[K]>>}`;
}[Exclude<keyof T & string, "extraRows">];

type TablePaths<R extends { tables: { t2: unknown; t3: unknown; t4: unknown } }> =
  | `t2.${PathsOf<R["tables"]["t2"]>}`
  | `t3.${PathsOf<R["tables"]["t3"]>}`
  | `t4.${PathsOf<R["tables"]["t4"]>}`;

export type CellPath2019 = TablePaths<Report2019>;
export type CellPath2021 = TablePaths<Report2021>;
/** Every cell address of either edition. */
export type CellPath = CellPath2019 | CellPath2021;
export type CellPathOf<E extends Edition> = E extends 2019 ? CellPath2019 : CellPath2021;

export const tableIds = ["t2", "t3", "t4"] as const;
export type TableId = (typeof tableIds)[number];
export const tableCaptions: Record<TableId, Label> = {
  t2: label("主动公开政府信息情况", "Proactive disclosure"),
  t3: label("收到和处理政府信息公开申请情况", "Disclosure requests received and handled"),
  t4: label("政府信息公开行政复议、行政诉讼情况", "Administrative review and litigation"),
};

export interface CellDef {
  edition: Edition;
  path: CellPath;
  table: TableId;
  type: CellType;
  /** e.g. `denied.stateSecret`, `licensing`, `review` */
  rowKey: string;
  columnKey: string;
  rowLabel: Label;
  /** Enclosing row groups, outermost first (三、本年度办理结果 › （三）不予公开). */
  rowGroups: readonly Label[];
  columnLabel: Label;
  /** Enclosing column headers, outermost first (申请人情况 › 法人或其他组织). */
  columnGroups: readonly Label[];
  /** Table 二: the sub-table caption (第二十条第（一）项). */
  subTable?: { key: string; caption: Label };
  unit: Label;
}

const UNIT_DOCS = label("件", "documents");
const UNIT_ITEMS = label("项", "items");
const UNIT_DECISIONS = label("件", "decisions");
const UNIT_APPLICATIONS = label("件", "applications");
const UNIT_CASES = label("件", "cases");
const UNIT_PROJECTS = label("个", "projects");

function t2Unit(columnKey: string, edition: Edition): Label {
  if (columnKey === "amount") return edition === 2021 ? label("万元", "10,000 yuan") : label("元", "yuan");
  if (columnKey === "projects") return UNIT_PROJECTS;
  if (columnKey === "decisions") return UNIT_DECISIONS;
  if (columnKey === "prevItems" || columnKey === "delta") return UNIT_ITEMS;
  return UNIT_DOCS;
}

function t2Cells(edition: Edition, layout: readonly T2SubTable[]): CellDef[] {
  return layout.flatMap((sub) =>
    sub.rows.flatMap((row) =>
      sub.columns.map(
        (col): CellDef => ({
          edition,
          path: `t2.${row.key}.${col.key}` as CellPath,
          table: "t2",
          type: col.type,
          rowKey: row.key,
          columnKey: col.key,
          rowLabel: row.label,
          rowGroups: [],
          columnLabel: col.label,
          columnGroups: [t2ContentHeader],
          subTable: { key: sub.key, caption: sub.caption },
          unit: t2Unit(col.key, edition),
        }),
      ),
    ),
  );
}

function t3Cells(edition: Edition, layout: readonly T3Node[]): CellDef[] {
  const out: CellDef[] = [];
  const walk = (nodes: readonly T3Node[], groups: Label[]) => {
    for (const node of nodes) {
      if (node.kind === "group") {
        walk(node.children, [...groups, node.label]);
        continue;
      }
      for (const col of t3ColumnKeys) {
        out.push({
          edition,
          path: `t3.${node.path}.${col}` as CellPath,
          table: "t3",
          type: "count",
          rowKey: node.path,
          columnKey: col,
          rowLabel: node.label,
          rowGroups: groups,
          columnLabel: t3ColumnLabels[col],
          columnGroups:
            col === "naturalPerson" || col === "total"
              ? [t3HeaderLabels.applicants]
              : [t3HeaderLabels.applicants, t3HeaderLabels.organisations],
          unit: UNIT_APPLICATIONS,
        });
      }
    }
  };
  walk(layout, []);
  return out;
}

function t4Cells(edition: Edition): CellDef[] {
  return t4BlockKeys.flatMap((block) =>
    t4OutcomeKeys.map(
      (outcome): CellDef => ({
        edition,
        path: `t4.${block}.${outcome}` as CellPath,
        table: "t4",
        type: "count",
        rowKey: block,
        columnKey: outcome,
        rowLabel: t4BlockLabels[block],
        rowGroups: block === "review" ? [] : [t4LitigationLabel],
        columnLabel: t4OutcomeLabels[outcome],
        columnGroups: block === "review" ? [t4BlockLabels.review] : [t4LitigationLabel, t4BlockLabels[block]],
        unit: UNIT_CASES,
      }),
    ),
  );
}

const catalogue: Record<Edition, readonly CellDef[]> = {
  2019: [...t2Cells(2019, t2Layout2019), ...t3Cells(2019, t3Layout2019), ...t4Cells(2019)],
  2021: [...t2Cells(2021, t2Layout2021), ...t3Cells(2021, t3Layout2021), ...t4Cells(2021)],
};
const byPath: Record<Edition, ReadonlyMap<string, CellDef>> = {
  2019: new Map(catalogue[2019].map((c) => [c.path, c])),
  2021: new Map(catalogue[2021].map((c) => [c.path, c])),
};
const partsOf = new Map<string, readonly string[]>(
  [...catalogue[2019], ...catalogue[2021]].map((c) => [c.path, c.path.split(".")]),
);

/** Every cell of an edition, in the order the official tables draw them. */
export function cellDefs(edition: Edition): readonly CellDef[] {
  return catalogue[edition];
}

export function cellPaths<E extends Edition>(edition: E): readonly CellPathOf<E>[] {
  return catalogue[edition].map((c) => c.path) as CellPathOf<E>[];
}

export function cellDef(edition: Edition, path: string): CellDef | undefined {
  return byPath[edition].get(path);
}

export function isCellPath(edition: Edition, path: string): boolean {
  return byPath[edition].has(path);
}

/** "（七）总计 · 自然人" / "(7) Total · Natural persons"; table 二 cells name their row and column. */
export function cellName(def: CellDef, locale: "zh" | "en"): string {
  if (def.table === "t4") {
    const block = [...def.rowGroups, def.rowLabel].map((l) => l[locale]).join(locale === "zh" ? "" : " — ");
    return `${block} · ${def.columnLabel[locale]}`;
  }
  return `${def.rowLabel[locale]} · ${def.columnLabel[locale]}`;
}

export type CellValue = number | MoneyValue | null;

/** Read a cell by path. Returns `undefined` if the path does not exist in this report's edition. */
export function getCell(report: Report, path: string): CellValue | undefined {
  if (!byPath[report.edition].has(path)) return undefined;
  let node: unknown = report.tables;
  for (const part of partsOf.get(path) as readonly string[]) {
    node = (node as Record<string, unknown> | undefined)?.[part];
  }
  return node as CellValue;
}

/** Every cell of the report by path, read in one pass (what rules and metric extraction use). */
export function cellValues(report: Report): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  const tables = report.tables as unknown as Record<string, unknown>;
  for (const def of catalogue[report.edition]) {
    let node: unknown = tables;
    for (const part of partsOf.get(def.path) as readonly string[]) {
      node = (node as Record<string, unknown> | undefined)?.[part];
    }
    out.set(def.path, node as CellValue);
  }
  return out;
}

/** A copy of the report with one cell replaced (structural sharing; the input is not modified). */
export function setCell<R extends Report>(report: R, path: string, value: CellValue): R {
  if (!isCellPath(report.edition, path)) {
    throw new RangeError(`No cell ${path} in the ${report.edition} edition`);
  }
  const parts = path.split(".");
  const write = (node: Record<string, unknown>, i: number): Record<string, unknown> => {
    const key = parts[i] as string;
    if (i === parts.length - 1) return { ...node, [key]: value };
    return { ...node, [key]: write(node[key] as Record<string, unknown>, i + 1) };
  };
  return { ...report, tables: write(report.tables as unknown as Record<string, unknown>, 0) } as R;
}

export const layouts = {
  t2: { 2019: t2Layout2019, 2021: t2Layout2021 },
  t3: { 2019: t3Layout2019, 2021: t3Layout2021 },
} as const;
