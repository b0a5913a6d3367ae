export * from "./agency";
export * from "./api/admin";
export * from "./api/agencies";
export * from "./api/common";
export * from "./api/compliance";
export * from "./api/imports";
export * from "./api/metrics";
export * from "./api/regions";
export * from "./api/reports";
export * from "./api/search";
export * from "./catalog";
export * from "./cells";
export * from "./deadlines";
export * from "./decimal";
export * from "./edition";
export * from "./factory";
export * from "./label";
export * from "./metrics";
export * from "./report";
export * from "./rules/finding";
export { countCharacters, extractClaims, type NarrativeClaim, normaliseText, textSimilarity } from "./rules/narrative";
export { computeTotals } from "./rules/totals";
export {
  type CheckResult,
  checkReport,
  describeIssue,
  hasErrors,
  type ValidateOptions,
  validateReport,
} from "./rules/validate";
export * from "./sections";
export * from "./tables/t2";
export * from "./tables/t3";
export * from "./tables/t4";
