import { type Label, label } from "./text";

export const agencyLevels = ["national", "provincial", "prefecture", "county", "township"] as const;
export type AgencyLevel = (typeof agencyLevels)[number];
export const agencyLevelLabels: Record<AgencyLevel, Label> = {
  national: label("国家级", "National"),
  provincial: label("省级", "Provincial"),
  prefecture: label("地市级", "Prefecture"),
  county: label("县级", "County"),
  township: label("乡镇级", "Township"),
};

/**
 * Who files the report; decides the deadline (Regulation Art. 49 and the 2019/2021 notices).
 * `consolidated` is the 本级政府 report a 主管部门 compiles for its government.
 */
export const agencyKinds = [
  "department",
  "government_office",
  "township_government",
  "consolidated",
  "vertical_unit",
  "vertical_system",
  "party_organ",
] as const;
export type AgencyKind = (typeof agencyKinds)[number];
export const agencyKindLabels: Record<AgencyKind, Label> = {
  department: label("县级以上人民政府部门", "Government department"),
  government_office: label("人民政府办公厅（室）（本政府机关）", "Government general office"),
  township_government: label("乡镇人民政府", "Township government"),
  consolidated: label("本级政府（汇总）年度报告", "Consolidated government report"),
  vertical_unit: label("垂直管理系统单位", "Unit of a vertically managed system"),
  vertical_system: label("垂直管理系统（汇总）", "Vertically managed system (summary)"),
  party_organ: label("加挂行政机关牌子的党的工作机关", "Party organ with an administrative nameplate"),
};

/** Kinds whose report is a people's government report (Regulation Art. 50(4), rule 21). */
export const governmentReportKinds: readonly AgencyKind[] = ["consolidated", "township_government"];
