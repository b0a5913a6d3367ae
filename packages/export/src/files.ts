import type { Report } from "@gongkai/schema";

export const exportFormats = ["json", "csv", "xlsx", "docx"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const mediaTypes: Record<ExportFormat, string> = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/**
 * `<agency name>-<year>[-v<n>].<ext>`, e.g. 平潭综合实验区-2024-v2.xlsx. Characters that no file
 * system accepts are replaced with "_".
 */
export function exportFileName(report: Pick<Report, "agency" | "year">, format: ExportFormat, version?: number) {
  const safe = [...report.agency.name].map((ch) => (ch < " " || '\\/:*?"<>|'.includes(ch) ? "_" : ch)).join("");
  const agency = safe.trim() || report.agency.id;
  return `${agency}-${report.year}${version === undefined ? "" : `-v${version}`}.${format}`;
}
