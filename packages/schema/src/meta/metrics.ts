import { addDecimals, shiftDecimal } from "../decimal";
import type { Report } from "../report";
import { type CellDef, cellDefs, cellName, getCell, type TableId } from "./catalog";
import type { MoneyValue } from "./cells";
import type { Edition } from "./edition";
import { deniedKeys, notProcessedKeys, otherHandlingKeys2021, t3ApplicantKeys, unableKeys } from "./t3";
import { type Label, label } from "./text";

export const metricUnits = [
  "applications",
  "cases",
  "documents",
  "items",
  "decisions",
  "projects",
  "yuan",
  "wanYuan",
  "share",
] as const;
export type MetricUnit = (typeof metricUnits)[number];
export const metricUnitLabels: Record<MetricUnit, Label> = {
  applications: label("件", "applications"),
  cases: label("件", "cases"),
  documents: label("件", "documents"),
  items: label("项", "items"),
  decisions: label("件", "decisions"),
  projects: label("个", "projects"),
  yuan: label("元", "yuan"),
  wanYuan: label("万元", "10,000 yuan"),
  share: label("%", "%"),
};

/**
 * same: identical definition in both editions. approximate: close but not identical (the note
 * says how). single_edition: exists in one edition only; `counterpart` names the nearest metric of
 * the other edition, which is NOT comparable unless its own entry says so.
 */
export const comparabilities = ["same", "approximate", "single_edition"] as const;
export type Comparability = (typeof comparabilities)[number];

/** Sum of cells (as metric values), or a ratio of two sums. Cells are paths of the edition. */
export type Formula =
  | { op: "sum"; terms: readonly string[] }
  | { op: "ratio"; numerator: readonly string[]; denominator: readonly string[] };

export interface MetricDef {
  key: string;
  kind: "cell" | "derived";
  label: Label;
  description: Label;
  unit: MetricUnit;
  table: TableId | null;
  editions: readonly Edition[];
  /** How to compute it per edition. Cell metrics are a sum of one cell. */
  formula: Partial<Record<Edition, Formula>>;
  comparability: Comparability;
  comparabilityNote?: Label;
  counterpart?: string;
  /** sum: add values across agencies; ratio: recompute from summed numerator and denominator. */
  aggregation: "sum" | "ratio";
  /** Exact decimal strings rather than numbers (money). */
  decimal: boolean;
}

const unitOf = (def: CellDef): MetricUnit => {
  if (def.type === "money") return def.edition === 2021 ? "wanYuan" : "yuan";
  if (def.table === "t3") return "applications";
  if (def.table === "t4") return "cases";
  if (def.columnKey === "decisions") return "decisions";
  if (def.columnKey === "projects") return "projects";
  if (def.columnKey === "prevItems" || def.columnKey === "delta") return "items";
  return "documents";
};

const notes = {
  decisions: label(
    "2021年版明确处理决定数量包括依法不予公开的决定，且以12月31日为准；2019年版未作说明。两者可近似比较。",
    "The 2021 edition counts all decisions, including those lawfully not published, as at 31 Dec; the 2019 edition did not say. Roughly comparable.",
  ),
  docs2019: label(
    "2019年版按制作、公开统计；2021年版按制发、废止、现行有效统计，口径不同，不可比较。",
    "2019 counts documents made and published; 2021 counts issued, repealed and in force. Different definitions: not comparable.",
  ),
  fees: label(
    "2019年版为收费项目数量，2021年版为收费金额（万元），不可比较。",
    "2019 counts fee items; 2021 reports the amount collected (10,000 yuan). Not comparable.",
  ),
  otherServices: label("2021年版已取消“其他对外管理服务事项”。", "Dropped in the 2021 edition."),
  procurement: label(
    "2021年版已取消第二十条第（九）项政府集中采购。",
    "Article 20 item (9), procurement, was dropped in 2021.",
  ),
  other2019: label(
    "2019年版“其他处理”为单独一行；2021年版拆分为三项，其合计约等于2019年口径。",
    "2019 has a single “other handling” row; 2021 splits it in three whose sum approximates it.",
  ),
  other2021: label("2021年版新增的细分项，2019年版无对应数据。", "A 2021 sub-row with no 2019 equivalent."),
};

function cellMetricMeta(
  def: CellDef,
  inBoth: boolean,
): Pick<MetricDef, "comparability" | "comparabilityNote" | "counterpart"> {
  if (def.table === "t2") {
    if (inBoth) return { comparability: "approximate", comparabilityNote: notes.decisions };
    if (["madeNew", "publishedNew", "publishedTotal"].includes(def.columnKey))
      return {
        comparability: "single_edition",
        comparabilityNote: notes.docs2019,
        counterpart: `t2.${def.rowKey}.made`,
      };
    if (["made", "repealed", "inForce"].includes(def.columnKey))
      return {
        comparability: "single_edition",
        comparabilityNote: notes.docs2019,
        counterpart: `t2.${def.rowKey}.publishedNew`,
      };
    if (def.rowKey === "fees") return { comparability: "single_edition", comparabilityNote: notes.fees };
    if (def.rowKey === "otherServices")
      return { comparability: "single_edition", comparabilityNote: notes.otherServices };
    if (def.rowKey === "procurement") return { comparability: "single_edition", comparabilityNote: notes.procurement };
    return { comparability: "single_edition", comparabilityNote: notes.decisions };
  }
  if (inBoth) return { comparability: "same" };
  if (def.rowKey === "otherHandling")
    return {
      comparability: "single_edition",
      comparabilityNote: notes.other2019,
      counterpart: "derived.otherHandling",
    };
  return { comparability: "single_edition", comparabilityNote: notes.other2021, counterpart: "derived.otherHandling" };
}

function buildCellMetrics(): MetricDef[] {
  const byPath = new Map<string, CellDef[]>();
  for (const e of [2019, 2021] as const) {
    for (const def of cellDefs(e)) byPath.set(def.path, [...(byPath.get(def.path) ?? []), def]);
  }
  return [...byPath.entries()].map(([path, defs]) => {
    const def = defs[defs.length - 1] as CellDef;
    const inBoth = defs.length === 2;
    const group = def.rowGroups.length ? `${def.rowGroups.map((g) => g.zh).join("")}` : "";
    const where = def.subTable ? `${def.subTable.caption.zh} ` : "";
    return {
      key: path,
      kind: "cell",
      label: { zh: cellName(def, "zh"), en: cellName(def, "en") },
      description: {
        zh: `表${def.table === "t2" ? "二" : def.table === "t3" ? "三" : "四"} ${where}${group}${def.rowLabel.zh} × ${[...def.columnGroups, def.columnLabel].map((l) => l.zh).join(" › ")}`,
        en: `Table ${def.table === "t2" ? "2" : def.table === "t3" ? "3" : "4"}: ${def.rowLabel.en} × ${[...def.columnGroups, def.columnLabel].map((l) => l.en).join(" › ")}`,
      },
      unit: unitOf(def),
      table: def.table,
      editions: defs.map((d) => d.edition),
      formula: Object.fromEntries(defs.map((d) => [d.edition, { op: "sum", terms: [path] }])),
      ...cellMetricMeta(def, inBoth),
      aggregation: "sum",
      decimal: def.type === "money",
    } satisfies MetricDef;
  });
}

const T = (row: string, col = "total") => `t3.${row}.${col}`;
const both = (f: Formula): Partial<Record<Edition, Formula>> => ({ 2019: f, 2021: f });
const leaves = (keys: readonly string[], prefix: string) => keys.map((k) => T(`${prefix}.${k}`));

function derived(
  key: string,
  zh: string,
  en: string,
  dzh: string,
  den: string,
  unit: MetricUnit,
  table: TableId,
  formula: Partial<Record<Edition, Formula>>,
  extra: Partial<MetricDef> = {},
): MetricDef {
  const ratio = Object.values(formula).some((f) => f?.op === "ratio");
  return {
    key: `derived.${key}`,
    kind: "derived",
    label: label(zh, en),
    description: label(dzh, den),
    unit,
    table,
    editions: Object.keys(formula).map(Number) as Edition[],
    formula,
    comparability: "same",
    aggregation: ratio ? "ratio" : "sum",
    decimal: false,
    ...extra,
  };
}

const handled = [T("handledTotal")];
const toHandle = [T("newReceived"), T("carriedOver")];
const grantedRows = [T("granted"), T("partiallyGranted")];

const derivedMetrics: MetricDef[] = [
  derived(
    "applicationsToHandle",
    "本年应办理申请数",
    "Applications to handle",
    "本年新收 + 上年结转（总计列）。",
    "New applications plus those carried over (总计 column).",
    "applications",
    "t3",
    both({ op: "sum", terms: toHandle }),
  ),
  derived(
    "organisationApplications",
    "法人或其他组织新收申请数",
    "New applications from organisations",
    "本年新收中商业企业、科研机构、社会公益组织、法律服务机构和其他之和。",
    "New applications from all five kinds of organisation.",
    "applications",
    "t3",
    both({ op: "sum", terms: t3ApplicantKeys.filter((k) => k !== "naturalPerson").map((k) => T("newReceived", k)) }),
  ),
  derived(
    "naturalPersonShare",
    "自然人申请占比",
    "Share of applications from individuals",
    "本年新收中自然人申请 ÷ 本年新收总计。",
    "New applications from natural persons ÷ all new applications.",
    "share",
    "t3",
    both({ op: "ratio", numerator: [T("newReceived", "naturalPerson")], denominator: [T("newReceived")] }),
  ),
  derived(
    "grantedInFullOrPart",
    "予以公开和部分公开数",
    "Disclosed in full or in part",
    "（一）予以公开 + （二）部分公开（总计列）。",
    "Disclosed plus partly disclosed (总计 column).",
    "applications",
    "t3",
    both({ op: "sum", terms: grantedRows }),
  ),
  derived(
    "grantedShare",
    "公开率（含部分公开）",
    "Share disclosed in full or in part",
    "（予以公开 + 部分公开）÷（七）总计。",
    "(Disclosed + partly disclosed) ÷ all outcomes.",
    "share",
    "t3",
    both({ op: "ratio", numerator: grantedRows, denominator: handled }),
  ),
  derived(
    "deniedTotal",
    "不予公开数",
    "Not disclosed",
    "（三）不予公开各项之和。",
    "Sum of the eight reasons for not disclosing.",
    "applications",
    "t3",
    both({ op: "sum", terms: leaves(deniedKeys, "denied") }),
  ),
  derived(
    "deniedShare",
    "不予公开占比",
    "Share not disclosed",
    "（三）不予公开各项之和 ÷（七）总计。",
    "Not disclosed ÷ all outcomes.",
    "share",
    "t3",
    both({ op: "ratio", numerator: leaves(deniedKeys, "denied"), denominator: handled }),
  ),
  derived(
    "unableTotal",
    "无法提供数",
    "Cannot be provided",
    "（四）无法提供各项之和。",
    "Sum of the three reasons information cannot be provided.",
    "applications",
    "t3",
    both({ op: "sum", terms: leaves(unableKeys, "unable") }),
  ),
  derived(
    "notHeldShare",
    "本机关不掌握占比",
    "Share not held by the agency",
    "（四）1.本机关不掌握相关政府信息 ÷（七）总计。",
    "“Not held by this agency” ÷ all outcomes.",
    "share",
    "t3",
    both({ op: "ratio", numerator: [T("unable.notHeld")], denominator: handled }),
  ),
  derived(
    "notProcessedTotal",
    "不予处理数",
    "Not processed",
    "（五）不予处理各项之和。",
    "Sum of the five reasons for not processing.",
    "applications",
    "t3",
    both({ op: "sum", terms: leaves(notProcessedKeys, "notProcessed") }),
  ),
  derived(
    "otherHandling",
    "其他处理数",
    "Other handling",
    "2019年版（六）其他处理；2021年版（六）其他处理三项之和。",
    "2019: （六）其他处理; 2021: the sum of its three sub-rows.",
    "applications",
    "t3",
    {
      2019: { op: "sum", terms: [T("otherHandling")] },
      2021: { op: "sum", terms: leaves(otherHandlingKeys2021, "other") },
    },
    { comparability: "approximate", comparabilityNote: notes.other2019 },
  ),
  derived(
    "otherHandlingShare",
    "其他处理占比",
    "Share of other handling",
    "其他处理 ÷（七）总计（规则11使用2021年版（六）3.其他）。",
    "Other handling ÷ all outcomes.",
    "share",
    "t3",
    {
      2019: { op: "ratio", numerator: [T("otherHandling")], denominator: handled },
      2021: { op: "ratio", numerator: leaves(otherHandlingKeys2021, "other"), denominator: handled },
    },
    { comparability: "approximate", comparabilityNote: notes.other2019 },
  ),
  derived(
    "carriedForwardShare",
    "结转下年度占比",
    "Share carried forward",
    "结转下年度继续办理 ÷（本年新收 + 上年结转）。",
    "Carried forward ÷ applications to handle.",
    "share",
    "t3",
    both({ op: "ratio", numerator: [T("carriedForward")], denominator: toHandle }),
  ),
  derived(
    "litigationTotal",
    "行政诉讼数",
    "Lawsuits",
    "未经复议直接起诉总计 + 复议后起诉总计。",
    "Suits filed directly plus suits filed after review.",
    "cases",
    "t4",
    both({ op: "sum", terms: ["t4.suitDirect.total", "t4.suitAfterReview.total"] }),
  ),
  derived(
    "reviewAndLitigation",
    "行政复议和行政诉讼数",
    "Reviews and lawsuits",
    "行政复议总计 + 行政诉讼总计。",
    "Administrative reviews plus lawsuits.",
    "cases",
    "t4",
    both({ op: "sum", terms: ["t4.review.total", "t4.suitDirect.total", "t4.suitAfterReview.total"] }),
  ),
  derived(
    "reviewCorrectionRate",
    "行政复议纠错率",
    "Review correction rate",
    "结果纠正 ÷（总计 − 尚未审结）：已审结复议中被纠正的比例。",
    "Corrected ÷ (total − pending): the share of concluded reviews that corrected the agency.",
    "share",
    "t4",
    both({
      op: "ratio",
      numerator: ["t4.review.corrected"],
      denominator: ["t4.review.upheld", "t4.review.corrected", "t4.review.other"],
    }),
  ),
  derived(
    "litigationCorrectionRate",
    "行政诉讼纠错率",
    "Litigation correction rate",
    "两类诉讼结果纠正之和 ÷ 已审结诉讼数。",
    "Corrected ÷ concluded lawsuits (both kinds).",
    "share",
    "t4",
    both({
      op: "ratio",
      numerator: ["t4.suitDirect.corrected", "t4.suitAfterReview.corrected"],
      denominator: ["upheld", "corrected", "other"].flatMap((k) => [`t4.suitDirect.${k}`, `t4.suitAfterReview.${k}`]),
    }),
  ),
];

const allMetrics: readonly MetricDef[] = [...buildCellMetrics(), ...derivedMetrics];
const metricIndex = new Map(allMetrics.map((m) => [m.key, m]));

/** The metric catalogue: every cell of both editions, then the derived metrics. */
export function metricCatalogue(): readonly MetricDef[] {
  return allMetrics;
}

export function metricDef(key: string): MetricDef | undefined {
  return metricIndex.get(key);
}

/** Case- and width-insensitive search over keys and both labels. */
export function searchMetrics(query: string): MetricDef[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, "");
  if (!q) return [...allMetrics];
  return allMetrics.filter((m) =>
    [m.key, m.label.zh, m.label.en, m.description.zh, m.description.en].some((s) =>
      s.toLowerCase().replace(/\s+/g, "").includes(q),
    ),
  );
}

export type MetricValue = number | string | null;

/** A cell as a metric value: money becomes a decimal string in the metric's unit. */
function cellValue(report: Report, path: string): MetricValue {
  const v = getCell(report, path);
  if (v === undefined || v === null) return null;
  if (typeof v === "number") return v;
  const money = v as MoneyValue;
  if (report.edition === 2021 && money.unit === "元") return shiftDecimal(money.amount, -4);
  if (report.edition === 2019 && money.unit === "万元") return shiftDecimal(money.amount, 4);
  return money.amount;
}

function sumTerms(report: Report, terms: readonly string[], decimal: boolean): MetricValue {
  const values = terms.map((t) => cellValue(report, t));
  if (values.every((v) => v === null)) return null;
  if (decimal) return addDecimals(values.filter((v): v is string => typeof v === "string"));
  return values.reduce<number>((s, v) => s + (typeof v === "number" ? v : 0), 0);
}

/**
 * A metric's value for one report: `null` when the edition has no such metric or every cell it
 * reads is blank; ratios are `null` when the denominator is 0 or blank.
 */
export function computeMetric(report: Report, key: string): MetricValue {
  const def = metricIndex.get(key);
  const formula = def?.formula[report.edition];
  if (!def || !formula) return null;
  if (formula.op === "sum") return sumTerms(report, formula.terms, def.decimal);
  const num = sumTerms(report, formula.numerator, false);
  const den = sumTerms(report, formula.denominator, false);
  if (typeof num !== "number" || typeof den !== "number" || den === 0) return null;
  return num / den;
}

/** Every catalogue metric of the report's edition with a non-null value. */
export function reportMetrics(report: Report): { key: string; value: number | string }[] {
  const out: { key: string; value: number | string }[] = [];
  for (const m of allMetrics) {
    if (!m.formula[report.edition]) continue;
    const value = computeMetric(report, m.key);
    if (value !== null) out.push({ key: m.key, value });
  }
  return out;
}
