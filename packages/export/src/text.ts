import type { Finding, Report } from "@gongkai/schema";
import { type Locale, officialHeadings, type SectionKey } from "@gongkai/schema/meta";

/** What a caller passes to every export. */
export interface ExportOptions {
  locale: Locale;
  /** Validation findings of this version (the XLSX gets a findings sheet). */
  findings?: readonly Finding[];
  /** The published version number, shown in the document properties and the text sheet. */
  version?: number;
}

/** Labels of the exports themselves; the report's own labels come from @gongkai/schema/meta. */
export const strings = {
  zh: {
    longHeader: ["路径", "表格", "行", "列", "数值", "单位"],
    extraTable: "报告中的其他数据",
    sheets: {
      t2: "表二 主动公开",
      t3: "表三 依申请公开",
      t4: "表四 复议诉讼",
      text: "正文",
      data: "数据",
      findings: "校验结果",
    },
    textHeader: ["项目", "内容"],
    seeSheet: (sheet: string) => `（见“${sheet}”表）`,
    title: "标题",
    agency: "机关",
    year: "年度",
    edition: (e: number) => `${e}年版格式`,
    editionLabel: "格式",
    version: "版本",
    versionValue: (v: number) => `第${v}版`,
    preamble: "前言",
    closing: "落款",
    findingsHeader: ["规则", "级别", "说明", "单元格", "单元格名称"],
    severity: { error: "错误", warning: "警告" },
    notReported: "—",
    annex: "附：报告中的其他数据",
    annexHeader: ["指标", "数值", "单位", "原文"],
    note: "注：",
    qualifier: { exact: "", over: "余", about: "约", under: "不足" },
    defaultTitle: (agency: string, year: number) => `${agency}${year}年政府信息公开工作年度报告`,
  },
  en: {
    longHeader: ["path", "table", "row", "column", "value", "unit"],
    extraTable: "Other figures stated in the report",
    sheets: { t2: "Table 2", t3: "Table 3", t4: "Table 4", text: "Text", data: "data", findings: "findings" },
    textHeader: ["Item", "Content"],
    seeSheet: (sheet: string) => `(see sheet "${sheet}")`,
    title: "Title",
    agency: "Agency",
    year: "Year",
    edition: (e: number) => `${e} edition of the national format`,
    editionLabel: "Format",
    version: "Version",
    versionValue: (v: number) => `version ${v}`,
    preamble: "Preamble",
    closing: "Closing",
    findingsHeader: ["rule", "severity", "message", "cells", "cell names"],
    severity: { error: "error", warning: "warning" },
    notReported: "—",
    annex: "Annex: other figures stated in the report",
    annexHeader: ["Figure", "Value", "Unit", "Quote"],
    note: "Note: ",
    qualifier: { exact: "", over: "over", about: "about", under: "under" },
    defaultTitle: (agency: string, year: number) => `${agency}${year}年政府信息公开工作年度报告`,
  },
} as const;

export function reportTitle(report: Report): string {
  return report.title ?? strings.zh.defaultTitle(report.agency.name, report.year);
}

/** The heading as the report wrote it, else the official one. */
export function sectionHeading(report: Report, key: SectionKey, locale: Locale): string {
  return report.sections[key].heading ?? officialHeadings[key][locale];
}

/** Non-empty paragraphs of a narrative text. */
export function paragraphs(text: string | null | undefined): string[] {
  return (text ?? "")
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** An extra metric's value with its qualifier, as a person reads it ("约 5", "over 5"). */
export function qualifiedValue(value: number, qualifier: keyof typeof strings.zh.qualifier, locale: Locale): string {
  const q = strings[locale].qualifier[qualifier];
  if (!q) return String(value);
  if (locale === "en") return `${q} ${value}`;
  return qualifier === "over" ? `${value}${q}` : `${q}${value}`;
}
