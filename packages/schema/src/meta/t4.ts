import { type Label, label } from "./text";

/** Table 四 — 政府信息公开行政复议、行政诉讼情况. Identical in both editions. */
export const t4BlockKeys = ["review", "suitDirect", "suitAfterReview"] as const;
export type T4BlockKey = (typeof t4BlockKeys)[number];
export const t4OutcomeKeys = ["upheld", "corrected", "other", "pending", "total"] as const;
export type T4OutcomeKey = (typeof t4OutcomeKeys)[number];
export const t4BlockLabels: Record<T4BlockKey, Label> = {
  review: label("行政复议", "Administrative review"),
  suitDirect: label("未经复议直接起诉", "Suits filed directly, without review"),
  suitAfterReview: label("复议后起诉", "Suits filed after review"),
};
export const t4LitigationLabel = label("行政诉讼", "Administrative litigation");
export const t4OutcomeLabels: Record<T4OutcomeKey, Label> = {
  upheld: label("结果维持", "Upheld"),
  corrected: label("结果纠正", "Corrected"),
  other: label("其他结果", "Other result"),
  pending: label("尚未审结", "Pending"),
  total: label("总计", "Total"),
};
