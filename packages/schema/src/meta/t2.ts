import type { CellType } from "./cells";
import { type Label, label } from "./text";

/** Table 二 — 主动公开政府信息情况. Two very different editions. */

export interface T2Column {
  key: string;
  label: Label;
  type: CellType;
  /** Official unit of the column, where the format states one. */
  unit?: string;
}
export interface T2Row {
  key: string;
  label: Label;
}
/** One of the small tables under section 二, headed by its article reference. */
export interface T2SubTable {
  key: string;
  caption: Label;
  columns: readonly T2Column[];
  rows: readonly T2Row[];
}

export const t2ContentHeader = label("信息内容", "Information");

const col = (key: string, zh: string, en: string, type: CellType = "count", unit?: string): T2Column =>
  unit === undefined ? { key, label: label(zh, en), type } : { key, label: label(zh, en), type, unit };
const r = (key: string, zh: string, en: string): T2Row => ({ key, label: label(zh, en) });

const itemCols: readonly T2Column[] = [
  col("prevItems", "上一年项目数量", "Items last year"),
  col("delta", "本年增/减", "Change this year (+/−)", "signed"),
  col("decisions", "处理决定数量", "Decisions made"),
];

export const t2Layout2019: readonly T2SubTable[] = [
  {
    key: "art20item1",
    caption: label("第二十条第（一）项", "Article 20, item (1)"),
    columns: [
      col("madeNew", "本年新制作数量", "Newly made this year"),
      col("publishedNew", "本年新公开数量", "Newly published this year"),
      col("publishedTotal", "对外公开总数量", "Total published"),
    ],
    rows: [r("rules", "规章", "Government rules"), r("normativeDocs", "规范性文件", "Normative documents")],
  },
  {
    key: "art20item5",
    caption: label("第二十条第（五）项", "Article 20, item (5)"),
    columns: itemCols,
    rows: [
      r("licensing", "行政许可", "Administrative licensing"),
      r("otherServices", "其他对外管理服务事项", "Other external administrative services"),
    ],
  },
  {
    key: "art20item6",
    caption: label("第二十条第（六）项", "Article 20, item (6)"),
    columns: itemCols,
    rows: [
      r("penalties", "行政处罚", "Administrative penalties"),
      r("coercion", "行政强制", "Administrative coercion"),
    ],
  },
  {
    key: "art20item8",
    caption: label("第二十条第（八）项", "Article 20, item (8)"),
    columns: itemCols.slice(0, 2),
    rows: [r("fees", "行政事业性收费", "Administrative fees (items)")],
  },
  {
    key: "art20item9",
    caption: label("第二十条第（九）项", "Article 20, item (9)"),
    columns: [
      col("projects", "采购项目数量", "Procurement projects"),
      col("amount", "采购总金额", "Total procurement amount", "money"),
    ],
    rows: [r("procurement", "政府集中采购", "Centralised government procurement")],
  },
];

const decisionsCol = col("decisions", "本年处理决定数量", "Decisions this year");

export const t2Layout2021: readonly T2SubTable[] = [
  {
    key: "art20item1",
    caption: label("第二十条第（一）项", "Article 20, item (1)"),
    columns: [
      col("made", "本年制发件数", "Issued this year"),
      col("repealed", "本年废止件数", "Repealed this year"),
      col("inForce", "现行有效件数", "In force"),
    ],
    rows: [
      r("rules", "规章", "Government rules"),
      r("normativeDocs", "行政规范性文件", "Administrative normative documents"),
    ],
  },
  {
    key: "art20item5",
    caption: label("第二十条第（五）项", "Article 20, item (5)"),
    columns: [decisionsCol],
    rows: [r("licensing", "行政许可", "Administrative licensing")],
  },
  {
    key: "art20item6",
    caption: label("第二十条第（六）项", "Article 20, item (6)"),
    columns: [decisionsCol],
    rows: [
      r("penalties", "行政处罚", "Administrative penalties"),
      r("coercion", "行政强制", "Administrative coercion"),
    ],
  },
  {
    key: "art20item8",
    caption: label("第二十条第（八）项", "Article 20, item (8)"),
    columns: [col("amount", "本年收费金额（单位：万元）", "Fees collected this year (10,000 yuan)", "money", "万元")],
    rows: [r("fees", "行政事业性收费", "Administrative fees")],
  },
];
