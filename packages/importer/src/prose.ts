import type { ExtraMetric, SectionKey } from "@gongkai/schema";
import { clip, squash } from "./text";

/**
 * Figures stated in the narrative. Kept as extra metrics, in the report's own words, only where one
 * number is tied to one counted thing: "主动公开信息6229条", "培训220余人", "调解率达88.9%". Dates,
 * document numbers (〔2019〕60号), ordinals (第十八个), phone numbers and figures without a unit are left.
 */

const UNITS = [
  "人次",
  "篇次",
  "万人次",
  "场次",
  "家次",
  "个次",
  "大类",
  "万元",
  "亿元",
  "元",
  "件",
  "条",
  "篇",
  "次",
  "期",
  "个",
  "项",
  "人",
  "场",
  "家",
  "份",
  "册",
  "块",
  "张",
  "名",
  "户",
  "起",
  "批",
  "类",
  "套",
  "%",
];
const unitAlternation = UNITS.map((u) => u.replace("%", "%")).join("|");
// number, optional 万/亿 multiplier, optional 余/多 (over), unit. 部/处/所/本/台 are left out: in these
// reports they are mostly part of a word (部委, 处理, 所有, 本级).
const FIGURE = new RegExp(`(\\d+(?:\\.\\d+)?)(万|亿)?(余|多)?(${unitAlternation})`, "g");

const DELIMS = '，,。；;：:、（）()“”"‘’「」！!？?\n';
const LEADING_FILLER =
  /^(?:其中|同时|此外|另外|全年|全年共|年内|本年度|今年|累计|共计|合计|总计|共|并|及|和|已|目前|截至目前|截至年底|先后|通过|我厅|我局|我委|我办|我区|我县|我市|我省|本机关|本单位|\d{4}年度?)+/;
const TRAILING_FILLER = /(?:共计|总计|合计|累计|共|达到|达|为|约|近|超过|逾|计|有|了|的)+$/;

function scaled(num: string, multiplier: string | undefined): number | null {
  const factor = multiplier === "亿" ? 8 : multiplier === "万" ? 4 : 0;
  const [whole = "0", frac = ""] = num.split(".");
  if (frac.length > factor && factor > 0) return null;
  const digits = `${whole}${frac.padEnd(factor, "0")}`;
  const value = factor > 0 ? Number(digits.replace(/^0+(?=\d)/, "")) : Number(num);
  return Number.isSafeInteger(value) || (factor === 0 && Number.isFinite(value)) ? value : null;
}

export interface ProseFigure {
  value: number;
  unit: string;
  qualifier: "exact" | "over" | "about" | "under";
  label: string;
  quote: string;
}

/** Every unambiguous figure of one paragraph. */
export function figuresIn(paragraph: string): ProseFigure[] {
  const text = paragraph.normalize("NFKC");
  const out: ProseFigure[] = [];
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(text); m; m = FIGURE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const prevChar = text[start - 1] ?? "";
    const nextChar = text[end] ?? "";
    // Part of a longer token: 028-86633660, 〔2019〕60号, 第18个, 2.5万增长到12万 (no unit on the first).
    if (/[\d.\-〔〕[\]]/.test(prevChar) || prevChar === "第" || /[\d.]/.test(nextChar)) continue;
    if (/^(?:年|月|日|号|时|分|秒|届|周年|岁)/.test(text.slice(end))) continue;
    const before = text.slice(0, start);
    // Inside 《…》 or 〔…〕: a title or a document number.
    if (before.lastIndexOf("《") > before.lastIndexOf("》") || before.lastIndexOf("〔") > before.lastIndexOf("〕"))
      continue;
    let clauseStart = -1;
    for (const d of DELIMS) clauseStart = Math.max(clauseStart, before.lastIndexOf(d));
    let clause = before.slice(clauseStart + 1);
    const afterMatch = /^[^，,。；;：:、（）()\n]{0,30}/.exec(text.slice(end));
    const after = afterMatch ? afterMatch[0] : "";
    const qualifierWord = /(约|近|超过|逾|不足|大约)$/.exec(clause)?.[1];
    let label = clause.replace(LEADING_FILLER, "").replace(TRAILING_FILLER, "").trim();
    // "全省共有20家企业处于……": the counted noun comes after the figure.
    const noun = /^[\u4e00-\u9fff“”"《》]{2,24}/.exec(after.replace(/\d.*$/, ""))?.[0] ?? "";
    if (noun && !/^[的了以内中上下里来后前左余多次之]/.test(noun) && squash(label).length <= 6 && !/\d/.test(label)) {
      label = `${label}${noun}`;
    }
    if (/\d/.test(label) || squash(label).length < 2) {
      // "开展“平潭大家谈”系列在线访谈12期" has its noun before the figure; "共公开12条信息" after it.
      const tail = after.replace(/^[的]/, "").trim();
      if (/\d/.test(tail) || squash(tail).length < 2) continue;
      label = `${squash(label.replace(/\d.*$/, "")) ? label.replace(/\d.*$/, "") : ""}${tail}`.trim();
      if (squash(label).length < 2) continue;
    }
    clause = `${clause}${m[0]}${after}`;
    const value = scaled(m[1] as string, m[2]);
    if (value === null) continue;
    const unit = (m[4] as string) === "万人次" ? "人次" : (m[4] as string);
    const finalValue = (m[4] as string) === "万人次" ? (scaled(m[1] as string, "万") ?? value) : value;
    const qualifier: ProseFigure["qualifier"] = m[3]
      ? "over"
      : qualifierWord === "不足" || qualifierWord === "近"
        ? "under"
        : qualifierWord === "超过" || qualifierWord === "逾"
          ? "over"
          : qualifierWord
            ? "about"
            : "exact";
    out.push({ value: finalValue, unit, qualifier, label: clip(label, 60), quote: clip(clause.trim(), 200) });
  }
  return out;
}

const MAX_METRICS = 120;

/** Extra metrics for every section's narrative, keyed `<section>.figure<N>`. */
export function extraMetrics(
  sections: Partial<Record<SectionKey, string | null>>,
  skipQuotes: ReadonlySet<string>,
): ExtraMetric[] {
  const out: ExtraMetric[] = [];
  const seen = new Set<string>();
  for (const [key, text] of Object.entries(sections) as [SectionKey, string | null][]) {
    if (!text) continue;
    let n = 0;
    for (const paragraph of text.slice(0, 200_000).split("\n")) {
      for (const f of figuresIn(paragraph)) {
        const id = `${f.quote}|${f.value}|${f.unit}`;
        if (seen.has(id) || skipQuotes.has(`${f.value}|${f.unit}|${key}`)) continue;
        seen.add(id);
        n++;
        out.push({
          key: `${key}.figure${n}`,
          label: { zh: f.label, en: `As stated in the report: ${f.label}` },
          unit: f.unit,
          value: f.value,
          qualifier: f.qualifier,
          section: key,
          quote: f.quote,
        });
        if (out.length >= MAX_METRICS) return out;
      }
    }
  }
  return out;
}

/**
 * A report without table 三 (pre-template, or its table lost) that states how many applications it
 * received — "收到有效依申请公开件5件", "共受理政府信息公开申请21件" — gives 本年新收…总计, if it says so
 * exactly once and says nothing of applications carried over.
 */
export function applicationsReceived(text: string): { value: number; quote: string } | null {
  const nf = text.normalize("NFKC");
  if (/结转|上年度?遗留|跨年/.test(nf)) return null;
  const re = /(?:收到|受理|接收|接到)[^。；;，,\d]{0,16}?(?:申请|依申请公开件?)[^。；;，,\d]{0,6}?(\d+)件/g;
  const hits: { value: number; quote: string }[] = [];
  for (let m = re.exec(nf); m; m = re.exec(nf)) {
    if (/约|余|多|近/.test(m[0]) || /^[余多]/.test(nf.slice(m.index + m[0].length))) continue;
    hits.push({ value: Number(m[1]), quote: m[0] });
  }
  const values = new Set(hits.map((h) => h.value));
  return values.size === 1 ? (hits[0] as { value: number; quote: string }) : null;
}
