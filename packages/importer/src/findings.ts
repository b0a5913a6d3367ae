import type { ImportFinding, ImportFindingCode, ImportSourceRef, SectionKey } from "@gongkai/schema";
import { clip } from "./text";

type Severity = ImportFinding["severity"];

export interface FindingExtra {
  cells?: readonly string[];
  section?: SectionKey;
  source?: ImportSourceRef;
  text?: string;
}

export function finding(
  code: ImportFindingCode,
  severity: Severity,
  zh: string,
  en: string,
  extra: FindingExtra = {},
): ImportFinding {
  const f: ImportFinding = { code, severity, message: { zh, en }, cells: [...(extra.cells ?? [])] };
  if (extra.section) f.section = extra.section;
  if (extra.source) f.source = extra.source;
  if (extra.text !== undefined && extra.text !== "") f.text = clip(extra.text, 400);
  return f;
}

export const tableNames = {
  t2: { zh: "表二（主动公开政府信息情况）", en: "table 二 (proactive disclosure)" },
  t3: { zh: "表三（收到和处理政府信息公开申请情况）", en: "table 三 (requests received and handled)" },
  t4: { zh: "表四（行政复议、行政诉讼情况）", en: "table 四 (administrative review and litigation)" },
} as const;

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
