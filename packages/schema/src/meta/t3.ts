import { type Label, label } from "./text";

/** Table 三 — 收到和处理政府信息公开申请情况. Columns are the same in both editions. */
export const t3ColumnKeys = [
  "naturalPerson",
  "commercial",
  "research",
  "socialWelfare",
  "legalService",
  "otherOrg",
  "total",
] as const;
export type T3ColumnKey = (typeof t3ColumnKeys)[number];
/** The six applicant columns (everything but 总计). */
export const t3ApplicantKeys = t3ColumnKeys.filter((k): k is Exclude<T3ColumnKey, "total"> => k !== "total");
export type T3ApplicantKey = (typeof t3ApplicantKeys)[number];

export const t3ColumnLabels: Record<T3ColumnKey, Label> = {
  naturalPerson: label("自然人", "Natural persons"),
  commercial: label("商业企业", "Commercial enterprises"),
  research: label("科研机构", "Research institutions"),
  socialWelfare: label("社会公益组织", "Public-interest organisations"),
  legalService: label("法律服务机构", "Legal service providers"),
  otherOrg: label("其他", "Other organisations"),
  total: label("总计", "Total"),
};

export const t3HeaderLabels = {
  note: label(
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "(In every column: item 1 + item 2 = item 3 + item 4)",
  ),
  applicants: label("申请人情况", "Applicants"),
  organisations: label("法人或其他组织", "Legal persons and other organisations"),
} as const;

export const deniedKeys = [
  "stateSecret",
  "prohibitedByLaw",
  "securityStability",
  "thirdParty",
  "internalAffairs",
  "processInfo",
  "enforcementFile",
  "adminQuery",
] as const;
export const unableKeys = ["notHeld", "needsCreation", "unclearAfterCorrection"] as const;
export const notProcessedKeys = [
  "petitionComplaint",
  "duplicate",
  "publication",
  "massRepeated",
  "confirmOrReissue",
] as const;
export const otherHandlingKeys2021 = ["noCorrection", "feeUnpaid", "misc"] as const;

/** One node of the row tree as the national format draws it. */
export type T3Node =
  | { kind: "row"; path: string; label: Label }
  | { kind: "group"; key: string; label: Label; children: readonly T3Node[] };

const row = (path: string, zh: string, en: string): T3Node => ({
  kind: "row",
  path,
  label: label(zh, en),
});

const outcomesHead: T3Node[] = [
  row("granted", "（一）予以公开", "(1) Disclosed"),
  row(
    "partiallyGranted",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "(2) Partly disclosed (where separable; counted here only, not under any other outcome)",
  ),
  {
    kind: "group",
    key: "denied",
    label: label("（三）不予公开", "(3) Not disclosed"),
    children: [
      row("denied.stateSecret", "1.属于国家秘密", "1. State secret"),
      row(
        "denied.prohibitedByLaw",
        "2.其他法律行政法规禁止公开",
        "2. Disclosure prohibited by other laws or administrative regulations",
      ),
      row(
        "denied.securityStability",
        "3.危及“三安全一稳定”",
        "3. Would endanger national, public or economic security or social stability",
      ),
      row("denied.thirdParty", "4.保护第三方合法权益", "4. Protecting a third party's lawful rights and interests"),
      row("denied.internalAffairs", "5.属于三类内部事务信息", "5. Internal affairs information (three kinds)"),
      row("denied.processInfo", "6.属于四类过程性信息", "6. Process information (four kinds)"),
      row("denied.enforcementFile", "7.属于行政执法案卷", "7. Administrative law-enforcement case file"),
      row("denied.adminQuery", "8.属于行政查询事项", "8. Administrative enquiry matter"),
    ],
  },
  {
    kind: "group",
    key: "unable",
    label: label("（四）无法提供", "(4) Cannot be provided"),
    children: [
      row("unable.notHeld", "1.本机关不掌握相关政府信息", "1. This agency does not hold the information"),
      row(
        "unable.needsCreation",
        "2.没有现成信息需要另行制作",
        "2. No existing information; it would have to be created",
      ),
      row("unable.unclearAfterCorrection", "3.补正后申请内容仍不明确", "3. Request still unclear after correction"),
    ],
  },
  {
    kind: "group",
    key: "notProcessed",
    label: label("（五）不予处理", "(5) Not processed"),
    children: [
      row("notProcessed.petitionComplaint", "1.信访举报投诉类申请", "1. Petition, report or complaint"),
      row("notProcessed.duplicate", "2.重复申请", "2. Repeat application"),
      row("notProcessed.publication", "3.要求提供公开出版物", "3. Request for a public publication"),
      row(
        "notProcessed.massRepeated",
        "4.无正当理由大量反复申请",
        "4. Large numbers of repeated requests without good reason",
      ),
      row(
        "notProcessed.confirmOrReissue",
        "5.要求行政机关确认或重新出具已获取信息",
        "5. Request to confirm or reissue information already obtained",
      ),
    ],
  },
];

const tail = (outcomes: T3Node[]): T3Node[] => [
  row("newReceived", "一、本年新收政府信息公开申请数量", "1. New applications received this year"),
  row("carriedOver", "二、上年结转政府信息公开申请数量", "2. Applications carried over from last year"),
  {
    kind: "group",
    key: "outcomes",
    label: label("三、本年度办理结果", "3. Outcomes this year"),
    children: [...outcomes, row("handledTotal", "（七）总计", "(7) Total")],
  },
  row("carriedForward", "四、结转下年度继续办理", "4. Carried forward to next year"),
];

export const t3Layout2019: readonly T3Node[] = tail([
  ...outcomesHead,
  row("otherHandling", "（六）其他处理", "(6) Other handling"),
]);

export const t3Layout2021: readonly T3Node[] = tail([
  ...outcomesHead,
  {
    kind: "group",
    key: "other",
    label: label("（六）其他处理", "(6) Other handling"),
    children: [
      row(
        "other.noCorrection",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "1. Applicant did not correct the request in time without good reason; no further processing",
      ),
      row(
        "other.feeUnpaid",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "2. Applicant did not pay the fee notice in time; no further processing",
      ),
      row("other.misc", "3.其他", "3. Other"),
    ],
  },
]);

/** Leaf outcome rows whose sum must equal （七）总计 (rule 8). */
export const t3LeafOutcomeRows2019 = [
  "granted",
  "partiallyGranted",
  ...deniedKeys.map((k) => `denied.${k}` as const),
  ...unableKeys.map((k) => `unable.${k}` as const),
  ...notProcessedKeys.map((k) => `notProcessed.${k}` as const),
  "otherHandling",
] as const;
export const t3LeafOutcomeRows2021 = [
  ...t3LeafOutcomeRows2019.filter((r) => r !== "otherHandling"),
  ...otherHandlingKeys2021.map((k) => `other.${k}` as const),
] as const;
