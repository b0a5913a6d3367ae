import { type Label, label } from "./text";

export const severities = ["error", "warning"] as const;
export type Severity = (typeof severities)[number];

/** R00 is the document's own shape (fields outside the tables); R01–R25 are report-format.md §6. */
export const ruleIds = [
  "R00",
  "R01",
  "R02",
  "R03",
  "R04",
  "R05",
  "R06",
  "R07",
  "R08",
  "R09",
  "R10",
  "R11",
  "R12",
  "R13",
  "R14",
  "R15",
  "R16",
  "R17",
  "R18",
  "R19",
  "R20",
  "R21",
  "R22",
  "R23",
  "R24",
  "R25",
] as const;
export type RuleId = (typeof ruleIds)[number];

export const provenances = ["format", "derived", "heuristic"] as const;
export type Provenance = (typeof provenances)[number];

export interface RuleInfo {
  id: RuleId;
  /** Default severity; some rules also emit the other one (see `description`). */
  severity: Severity;
  provenance: Provenance;
  title: Label;
  description: Label;
  crossYear: boolean;
  editions: readonly (2019 | 2021)[];
}

const both = [2019, 2021] as const;
const rule = (
  id: RuleId,
  severity: Severity,
  provenance: Provenance,
  title: Label,
  description: Label,
  extra: Partial<Pick<RuleInfo, "crossYear" | "editions">> = {},
): RuleInfo => ({ id, severity, provenance, title, description, crossYear: false, editions: both, ...extra });

/** The 25 rules of the national format (report-format.md §6) plus R00, as data for UIs and docs. */
export const rules: readonly RuleInfo[] = [
  rule(
    "R00",
    "error",
    "derived",
    label("文档结构", "Document shape"),
    label(
      "报告的字段须齐全且类型正确（机构、年度、各部分等）。",
      "The report's fields must be present and of the right type (agency, year, sections …).",
    ),
  ),
  rule(
    "R01",
    "error",
    "format",
    label("格式版本与年度相符", "Edition matches the year"),
    label(
      "2019、2020年度用2019年版格式，2021年度起用2021年版；2019年度未按模板排版仅提示。",
      "2019–2020 reports use the 2019 edition, 2021 onward the 2021 edition; a non-template 2019 report is only a warning.",
    ),
  ),
  rule(
    "R02",
    "error",
    "format",
    label("六个部分齐全", "All six sections present"),
    label(
      "一至六部分须齐全且按序；标题与模板文字不同为提示。",
      "Sections 一–六 must all be present, in order; headings worded differently from the template are a warning.",
    ),
  ),
  rule(
    "R03",
    "error",
    "format",
    label("表格结构符合格式", "Tables have the official shape"),
    label(
      "表格的行列须与格式完全一致；自行增加的行提示并不参与计算；脚注须指向存在的单元格。",
      "Rows and columns exactly as in the format; rows an agency adds are warned about and left out of the arithmetic; footnotes must point at existing cells.",
    ),
  ),
  rule(
    "R04",
    "error",
    "derived",
    label("数量为非负整数", "Counts are whole numbers ≥ 0"),
    label(
      "各数量单元格为不小于0的整数；2019年版“本年增/减”可为负数。",
      "Every count is a whole number ≥ 0; the 2019 “本年增/减” (change) may be negative.",
    ),
  ),
  rule(
    "R05",
    "error",
    "derived",
    label("金额为非负小数", "Amounts are non-negative decimals"),
    label(
      "金额为不小于0的小数；2021年版收费金额以万元计，写作“元”或超过6位小数时提示。",
      "Amounts are decimals ≥ 0; a 2021 fee amount written in 元 or with more than 6 decimals is a warning.",
    ),
  ),
  rule(
    "R06",
    "warning",
    "heuristic",
    label("空白单元格", "Blank cells"),
    label(
      "格式未要求填0，但空白影响核对；计算时空白按0计。",
      "The format never says “write 0”, but blanks break the checks; blanks count as 0 in the arithmetic.",
    ),
  ),
  rule(
    "R07",
    "error",
    "derived",
    label("行合计", "Row totals"),
    label(
      "表三每一行：总计 = 自然人至其他六列之和。",
      "Table 三, every row: 总计 = the sum of the six applicant columns.",
    ),
  ),
  rule(
    "R08",
    "error",
    "derived",
    label("办理结果合计", "Outcome total"),
    label(
      "表三每一列：（七）总计 = 各项办理结果之和。",
      "Table 三, every column: （七）总计 = the sum of the outcome rows.",
    ),
  ),
  rule(
    "R09",
    "error",
    "format",
    label("勾稽关系", "Balance of each column"),
    label(
      "表三每一列：第一项 + 第二项 = 第三项（七）总计 + 第四项。",
      "Table 三, every column: item 1 + item 2 = item 3 (（七）总计) + item 4.",
    ),
  ),
  rule(
    "R10",
    "warning",
    "derived",
    label("上年结转与上年报告衔接", "Carry-over matches last year"),
    label(
      "本年“上年结转”应等于上年报告的“结转下年度继续办理”。",
      "This year's carried-over row should equal last year's carried-forward row.",
    ),
    { crossYear: true },
  ),
  rule(
    "R11",
    "warning",
    "format",
    label("其他处理占比偏高", "High share of “other handling”"),
    label(
      "其他处理（2021年版为（六）3.其他）占办理总数比例超过阈值（默认10%）。",
      "“Other handling” (2021: （六）3.其他) above a share of all outcomes (default 10 %).",
    ),
  ),
  rule(
    "R12",
    "warning",
    "heuristic",
    label("结转与“全部办结”表述矛盾", "Carry-forward contradicts “all completed”"),
    label(
      "有结转下年度的申请，但总体情况称全部办结。",
      "Applications are carried forward, but the overview says all were completed.",
    ),
  ),
  rule(
    "R13",
    "error",
    "derived",
    label("复议诉讼合计", "Review and litigation totals"),
    label(
      "表四每一组：总计 = 维持 + 纠正 + 其他 + 尚未审结。",
      "Table 四, every block: 总计 = upheld + corrected + other + pending.",
    ),
  ),
  rule(
    "R14",
    "warning",
    "heuristic",
    label("正文复议诉讼数与表四一致", "Review and litigation counts in the text"),
    label(
      "正文所述行政复议、行政诉讼件数应与表四一致。",
      "Review and litigation counts quoted in the text should match table 四.",
    ),
  ),
  rule(
    "R15",
    "warning",
    "derived",
    label("现行有效件数不小于本年制发", "In force ≥ issued this year"),
    label(
      "2021年版：现行有效件数应不小于本年制发件数。",
      "2021 edition: documents in force ≥ documents issued this year.",
    ),
    { editions: [2021] },
  ),
  rule(
    "R16",
    "warning",
    "heuristic",
    label("现行有效件数跨年连续", "In-force count carries over"),
    label(
      "2021年版：现行有效件数 = 上年现行有效 + 本年制发 − 本年废止。",
      "2021 edition: in force = last year's in force + issued − repealed.",
    ),
    { crossYear: true, editions: [2021] },
  ),
  rule(
    "R17",
    "warning",
    "derived",
    label("项目数量跨年连续", "Item counts carry over"),
    label(
      "2019年版：上一年项目数量 = 上年报告的上一年项目数量 + 本年增/减。",
      "2019 edition: items last year = last report's items last year + its change.",
    ),
    { crossYear: true, editions: [2019] },
  ),
  rule(
    "R18",
    "warning",
    "derived",
    label("对外公开总数量不小于本年新公开", "Total published ≥ newly published"),
    label(
      "2019年版：对外公开总数量应不小于本年新公开数量。",
      "2019 edition: total published ≥ newly published this year.",
    ),
    { editions: [2019] },
  ),
  rule(
    "R19",
    "warning",
    "format",
    label("总体情况篇幅", "Length of the overview"),
    label("2021年版：总体情况原则上不超过一千字。", "2021 edition: the overview should not exceed 1,000 characters."),
    { editions: [2021] },
  ),
  rule(
    "R20",
    "warning",
    "format",
    label("信息处理费情况", "Statement on processing fees"),
    label(
      "2021年版：第六部分须报告收取信息处理费情况（含“未收取”）。",
      "2021 edition: section 六 must state the processing fees charged (or that none were).",
    ),
    { editions: [2021] },
  ),
  rule(
    "R21",
    "warning",
    "format",
    label("考核、评议、责任追究", "Assessment, public evaluation, accountability"),
    label(
      "人民政府年度报告的总体情况应包括工作考核、社会评议和责任追究结果情况。",
      "A people's government report's overview must cover assessment, public evaluation and accountability results.",
    ),
  ),
  rule(
    "R22",
    "warning",
    "heuristic",
    label("正文数字与表格一致", "Figures in the text match the tables"),
    label(
      "正文引用的申请数、办理结果数、规范性文件数应与表格一致。",
      "Application, outcome and document counts quoted in the text should match the tables.",
    ),
  ),
  rule(
    "R23",
    "warning",
    "format",
    label("与上年报告雷同", "Copied from last year"),
    label(
      "存在的主要问题及改进情况（及全文）与上年高度相似。",
      "Section 五 (or the whole report) is nearly identical to last year's.",
    ),
    { crossYear: true },
  ),
  rule(
    "R24",
    "warning",
    "format",
    label("按时发布", "Published on time"),
    label(
      "发布日期晚于报告主体的法定期限（部门1月31日；县、市、省级政府汇总报告2月20日、3月10日、3月31日）。",
      "Published after the deadline for the reporter (departments 31 Jan; county, prefecture, province consolidated reports 20 Feb, 10 Mar, 31 Mar).",
    ),
  ),
  rule(
    "R25",
    "warning",
    "heuristic",
    label("误用旧版格式", "Old template used"),
    label(
      "2021年版报告引用国办公开办函〔2019〕60号或使用2019年版栏目名称。",
      "A 2021-edition report cites the 2019 notice or uses 2019 column labels.",
    ),
    { editions: [2021] },
  ),
];

export const ruleById: Readonly<Record<RuleId, RuleInfo>> = Object.fromEntries(rules.map((r) => [r.id, r])) as Record<
  RuleId,
  RuleInfo
>;
