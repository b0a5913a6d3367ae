import type { ImportFinding } from "@gongkai/schema";
import { officialHeadings, type SectionKey, sectionKeys } from "@gongkai/schema/meta";
import { labelScore } from "./catalog";
import { finding } from "./findings";
import type { Block, SourceTable } from "./html";
import { chineseNumeral, clip, labelKey, squash } from "./text";

/** The report's outline: where each section starts and ends, and what surrounds them. */
export interface Outline {
  title: string | null;
  agencyName: string | null;
  year: number | null;
  publicationDate: string | null;
  preamble: string | null;
  closing: string | null;
  sections: Partial<Record<SectionKey, { heading: string; official: boolean; lines: string[] }>>;
  /** Tables inside the report body (or every table when no section was found). */
  tables: SourceTable[];
  /** The section each table sits in, by table index. */
  tableSection: Map<number, SectionKey>;
  findings: ImportFinding[];
}

const HEADING = /^([一二三四五六七八九十]{1,2})\s*[、.,:]\s*(.+)$/;

function sectionKeyOf(rest: string): SectionKey | null {
  const k = labelKey(rest);
  if (/复议|诉讼/.test(k)) return "reviewLitigation";
  if (/问题|改进|不足|整改/.test(k)) return "problems";
  if (/其他|需要报告/.test(k)) return "other";
  if (/主动公开/.test(k)) return "proactive";
  if (/依申请|收到和处理|申请/.test(k)) return "requests";
  if (/总体|概述|概况|基本情况|总述|综述/.test(k)) return "overview";
  return null;
}

const officialRest = Object.fromEntries(sectionKeys.map((k) => [k, labelKey(officialHeadings[k].zh)])) as Record<
  SectionKey,
  string
>;

interface Heading {
  numeral: number;
  key: SectionKey;
  heading: string;
  /** Text glued to the heading in the same paragraph. */
  remainder: string | null;
}

/** "一、总体情况" → overview. A heading is short; one glued to its first paragraph is split off. */
export function parseHeading(line: string): Heading | null {
  const nf = line.normalize("NFKC").trim();
  const m = HEADING.exec(nf);
  if (!m) return null;
  const numeral = chineseNumeral(m[1] as string);
  if (numeral === null || numeral > 10) return null;
  const rest = (m[2] as string).trim();
  const restKey = labelKey(rest);
  if (restKey.length >= 2 && restKey.length <= 40 && !/[。；;]./.test(rest) && !/\d{2,}/.test(rest)) {
    let key = sectionKeyOf(rest);
    if (!key && numeral <= 6) {
      const candidate = sectionKeys[numeral - 1] as SectionKey;
      if (labelScore(restKey, officialRest[candidate]) >= 0.5) key = candidate;
    }
    return key ? { numeral, key, heading: line.trim(), remainder: null } : null;
  }
  // "一、总体情况2019年，本机关……": the official heading followed by its text.
  for (const k of sectionKeys) {
    const official = officialHeadings[k].zh.replace(/^[一二三四五六]、/, "");
    const squashed = squash(rest);
    if (squashed.startsWith(squash(official)) && numeral === sectionKeys.indexOf(k) + 1) {
      let consumed = 0;
      let matched = 0;
      const target = squash(official);
      while (consumed < rest.length && matched < target.length) {
        if (!/\s/.test(rest[consumed] as string)) matched++;
        consumed++;
      }
      const nfRemainder = rest.slice(consumed).replace(/^[\s。:：]+/, "");
      // Give the remainder as written (NFKC maps "，" to ","), when normalisation kept the length.
      const original = line.trim();
      const remainder = original.length === nf.length ? original.slice(nf.length - nfRemainder.length) : nfRemainder;
      return {
        numeral,
        key: k,
        heading: `${m[1]}、${official}`,
        remainder: remainder || null,
      };
    }
  }
  return null;
}

const FURNITURE =
  /^(?:上一篇|下一篇|上一条|下一条|相关链接|相关文章|相关阅读|相关文件|附件下载|【?责任编辑|【编辑|编辑[:：]|打印本页|【打印|关闭窗口|【关闭|扫一扫|分享到|网站声明|联系我们|网站地图|主办单位|承办单位|版权所有|copyright|©|网站标识码|[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]icp备)/i;

export const isFurniture = (line: string) => FURNITURE.test(squash(line));

const TABLE_CAPTION = /^(?:说明[:：]?)?(?:附)?表[0-9一二三四五六七八九十][0-9一二三四五六七八九十\-－()（）.．、:：]*/;

const DATE_LIKE =
  /^(?:\d{4}\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}\s*日?|\d{4}年\d{1,2}月|\d{6,8}|[〇○零一二三四五六七八九十]{4}年[〇○零一二三四五六七八九十]{1,2}月[〇○零一二三四五六七八九十]{1,3}日)$/;
const AGENCY_LIKE =
  /(?:厅|局|委员会|委|办公室|办公厅|人民政府|政府|中心|管委会|管理委员会|实验区|院|署|部|处|所|队|站|街道办事处|乡|镇)$/;

function isoDate(y: string, m: string, d: string): string | null {
  const iso = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

function dateIn(text: string, labelled: boolean): string | null {
  const nf = text.normalize("NFKC");
  const re = labelled
    ? /(?:发布|印发|成文|公开|更新)?(?:日期|时间)\s*[:：]?\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})/
    : /(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?/;
  const m = re.exec(nf);
  return m ? isoDate(m[1] as string, m[2] as string, m[3] as string) : null;
}

const TITLE_SUFFIX = /[（(](?:全文|文字版|图解版|公开版)[)）]$/;
const REPORT_TAIL = /(?:的)?(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:报告|年报)$/;

/** "平潭综合实验区2024年度政府信息公开工作年度报告" → 平潭综合实验区, 2024. */
export function agencyAndYear(title: string): { agencyName: string | null; year: number | null } {
  const t = squash(title).replace(TITLE_SUFFIX, "");
  const m = /^(.*?)((?:19|20)\d{2})年度?(.*)$/.exec(t);
  if (!m) {
    const name = t.replace(REPORT_TAIL, "");
    return { agencyName: name && name !== t ? name : null, year: null };
  }
  const year = Number(m[2]);
  let name = (m[1] as string).replace(/^关于/, "");
  if (!name) name = (m[3] as string).replace(REPORT_TAIL, "");
  name = name.replace(/(?:的)?(?:政府信息公开|政务公开)$/, "");
  return {
    agencyName: name.length >= 2 && name.length <= 60 ? name : null,
    year: year >= 2008 && year <= 2100 ? year : null,
  };
}

function titleFrom(lines: readonly string[], docTitle: string | null): string | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i] as string;
    const s = squash(l);
    if (s.length > 80 || /发布时间|来源[:：]|日期[:：]/.test(s)) continue;
    if (
      /报告|年报/.test(s) &&
      /年度|政府信息公开|信息公开/.test(s) &&
      /(?:19|20)\d{2}|年度/.test(s + (lines[i - 1] ?? ""))
    ) {
      const part = l.split(/[_|｜]| - | — /).find((p) => /报告|年报/.test(p)) ?? l;
      // A title broken over two lines: "平潭综合实验区2020年" / "政府信息公开工作年度报告".
      const prev = lines[i - 1];
      if (
        /^(?:政府)?信息公开|^政务公开/.test(squash(part)) &&
        prev &&
        squash(prev).length <= 30 &&
        /年度?$/.test(squash(prev))
      ) {
        return `${prev.trim()}${part.trim()}`;
      }
      return part.trim();
    }
  }
  if (docTitle) {
    const part = docTitle.split(/[_|｜]| - | — /).find((p) => /报告|年报/.test(p));
    if (part) return part.trim();
  }
  return null;
}

const isProse = (l: string) => squash(l).length >= 25 || /[。；;]$/.test(l.trim());

/** Find the title, preamble, the six sections (in order, by their headings), the closing. */
export function outline(blocks: readonly Block[], docTitle: string | null): Outline {
  const findings: ImportFinding[] = [];
  type Accepted = Heading & { at: number };
  const accepted: Accepted[] = [];
  const used = new Set<SectionKey>();
  let last = 0;
  let end = blocks.length;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    if (b.kind !== "text") continue;
    const h = parseHeading(b.text);
    if (!h) continue;
    if (used.has(h.key)) {
      if (h.key === "overview" && h.numeral === 1 && accepted.length >= 2) {
        end = i;
        findings.push(
          finding(
            "section.repeated",
            "info",
            "报告正文在页面中出现了两次，只读取了第一遍。",
            "The report's text appears twice on the page; only the first copy was read.",
            { text: b.text },
          ),
        );
        break;
      }
      continue;
    }
    if (h.numeral <= last) continue;
    accepted.push({ ...h, at: i });
    used.add(h.key);
    last = h.numeral;
  }
  const firstAt = accepted[0]?.at ?? blocks.length;
  // Preamble: the prose paragraphs right before section 一.
  const before = blocks.slice(0, firstAt).flatMap((b, i) => (b.kind === "text" ? [{ text: b.text, i }] : []));
  let p = before.length;
  while (
    p > 0 &&
    isProse((before[p - 1] as { text: string }).text) &&
    !isFurniture((before[p - 1] as { text: string }).text)
  )
    p--;
  const preambleLines = accepted.length ? before.slice(p).map((x) => x.text) : [];
  const metaLines = before.slice(0, accepted.length ? p : before.length).map((x) => x.text);
  const title = titleFrom(metaLines, docTitle);
  // The end of the body: page furniture or the title again after the last heading.
  const lastAt = accepted[accepted.length - 1]?.at ?? blocks.length;
  for (let i = lastAt + 1; i < end; i++) {
    const b = blocks[i] as Block;
    if (b.kind !== "text") continue;
    if (isFurniture(b.text) || (title && squash(b.text) === squash(title))) {
      end = i;
      break;
    }
  }
  const sections: Outline["sections"] = {};
  const tableSection = new Map<number, SectionKey>();
  const tables: SourceTable[] = [];
  for (let s = 0; s < accepted.length; s++) {
    const h = accepted[s] as Accepted;
    const until = (accepted[s + 1] as Accepted | undefined)?.at ?? end;
    const lines: string[] = [];
    if (h.remainder) lines.push(h.remainder);
    for (let i = h.at + 1; i < until; i++) {
      const b = blocks[i] as Block;
      if (b.kind === "table") {
        tableSection.set(b.table.index, h.key);
        continue;
      }
      if (isFurniture(b.text)) continue;
      if (TABLE_CAPTION.test(squash(b.text)) && squash(b.text).length <= 40) {
        const next = blocks.slice(i + 1, i + 3).find((x) => x.kind === "table" || squash(x.text) !== "");
        if (next?.kind !== "table") {
          findings.push(
            finding(
              "section.lostTable",
              "warning",
              `正文提到“${clip(b.text, 40)}”，但文件中没有这张表格（可能在转存时丢失），其中的数字无法读取。`,
              `The text mentions "${clip(b.text, 40)}" but the file holds no such table (lost when the page was saved); its figures cannot be read.`,
              { section: h.key, text: b.text },
            ),
          );
        }
        continue;
      }
      lines.push(b.text);
    }
    const official = squash(h.heading.normalize("NFKC")) === squash(officialHeadings[h.key].zh.normalize("NFKC"));
    sections[h.key] = { heading: h.heading.trim(), official, lines };
  }
  for (const b of blocks.slice(0, accepted.length ? end : blocks.length)) if (b.kind === "table") tables.push(b.table);
  // Closing: short lines at the very end (the agency's name, the date).
  let closing: string | null = null;
  const lastKey = accepted[accepted.length - 1]?.key;
  const lastLines = lastKey ? sections[lastKey]?.lines : undefined;
  if (lastLines) {
    let k = lastLines.length;
    let signed = false;
    while (k > 0) {
      const l = squash(lastLines[k - 1] as string);
      if (l.length > 40 || /[。；;，,]$/.test(l)) break;
      if (DATE_LIKE.test(l) || AGENCY_LIKE.test(l)) signed = true;
      else break;
      k--;
    }
    if (signed && k < lastLines.length && k > 0) {
      closing = lastLines.slice(k).join("\n");
      lastLines.splice(k);
    }
  }
  let { agencyName, year } = title ? agencyAndYear(title) : { agencyName: null, year: null };
  if (!agencyName && closing) {
    const first = squash(closing.split("\n")[0] as string);
    if (AGENCY_LIKE.test(first)) agencyName = first;
  }
  const preamble = preambleLines.length ? preambleLines.join("\n") : null;
  if (year === null && preamble) {
    const m =
      /统计(?:期限|时限|区间)?[^。]{0,8}?((?:19|20)\d{2})\s*年/.exec(preamble.normalize("NFKC")) ??
      /((?:19|20)\d{2})年度/.exec(preamble);
    const y = m ? Number(m[1]) : Number.NaN;
    if (y >= 2008 && y <= 2100) year = y;
  }
  let publicationDate: string | null = null;
  for (const l of metaLines) {
    publicationDate = dateIn(l, true);
    if (publicationDate) break;
  }
  if (!publicationDate && closing) publicationDate = dateIn(closing, false);
  return {
    title,
    agencyName,
    year,
    publicationDate,
    preamble,
    closing,
    sections,
    tables: accepted.length ? tables : blocks.flatMap((b) => (b.kind === "table" ? [b.table] : [])),
    tableSection,
    findings,
  };
}
