import type { SectionKey } from "../sections";

/** Full-width digits and separators to ASCII, so "２１８件" and "1,234件" read as numbers. */
export function normaliseText(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/(\d)[,，](?=\d{3}(?!\d))/g, "$1");
}

export const claimKinds = [
  "received",
  "handled",
  "carriedOver",
  "carriedForward",
  "grantedOrPartial",
  "granted",
  "partiallyGranted",
  "denied",
  "unable",
  "notProcessed",
  "otherHandling",
  "review",
  "litigation",
  "docsRules",
  "docsNormative",
] as const;
export type ClaimKind = (typeof claimKinds)[number];

export interface NarrativeClaim {
  kind: ClaimKind;
  value: number;
  /** The words the figure was read from. */
  quote: string;
  section: SectionKey;
  /** For document counts: the verb that governs them (制发, 公开, 废止 …). */
  verb?: string;
}

const NUM = "(\\d+)";
const GAP = (n: number) => `[^，,。；;！？\\d]{0,${n}}?`;
/** A gap that may not mention the other proceeding or a combined/"respectively" figure. */
const GAP_EXCEPT = (n: number, words: string) => `(?:(?!${words})[^，,。；;！？\\d]){0,${n}}?`;
const PAST_YEAR = /去年|上年(?!度?结转)|上一年(?!度?结转)|前年|同比|较\d{4}年/;

interface Pattern {
  kind: ClaimKind;
  re: RegExp;
  /** Reject the match when its clause talks about another year. */
  currentYearOnly?: boolean;
}

/** Order matters: earlier patterns mask the text they match from later ones. */
const patterns: Pattern[] = [
  {
    kind: "grantedOrPartial",
    re: new RegExp(`予以公开(?:及|和|与|、|或)部分公开(?:的)?(?:申请)?(?:共)?${NUM}件`, "g"),
  },
  { kind: "carriedOver", re: new RegExp(`上一?年度?结转${GAP(10)}${NUM}件`, "g") },
  { kind: "carriedForward", re: new RegExp(`${NUM}件${GAP(12)}(?:结转|顺延)(?:到|至)?下一?年度?`, "g") },
  { kind: "carriedForward", re: new RegExp(`结转(?:到|至)?下一?年度?(?:继续办理)?${GAP(6)}${NUM}件`, "g") },
  {
    kind: "received",
    re: new RegExp(`(?:收到|受理|接收|新收|接到)${GAP(20)}申请${GAP(6)}${NUM}件`, "g"),
    currentYearOnly: true,
  },
  {
    kind: "handled",
    re: new RegExp(`(?:办理|答复|办结|处理完成)${GAP(12)}申请${GAP(6)}${NUM}件`, "g"),
    currentYearOnly: true,
  },
  { kind: "partiallyGranted", re: new RegExp(`部分公开(?:的)?(?:申请)?(?:共)?${NUM}件`, "g") },
  { kind: "denied", re: new RegExp(`不予公开(?:的)?(?:申请)?(?:共)?${NUM}件`, "g") },
  { kind: "granted", re: new RegExp(`予以公开(?:的)?(?:申请)?(?:共)?${NUM}件`, "g") },
  { kind: "unable", re: new RegExp(`无法提供(?:的)?(?:申请)?(?:共)?${NUM}件`, "g") },
  { kind: "notProcessed", re: new RegExp(`不予处理(?:的)?(?:申请)?(?:共)?${NUM}件`, "g") },
  { kind: "otherHandling", re: new RegExp(`其他处理(?:的)?(?:申请)?(?:共)?${NUM}件`, "g") },
  {
    kind: "review",
    re: new RegExp(`行政复议${GAP_EXCEPT(8, "诉讼|分别|共|合计")}${NUM}件`, "g"),
    currentYearOnly: true,
  },
  {
    kind: "litigation",
    // Not when it continues "行政复议、行政诉讼…": that figure is the two together.
    re: new RegExp(
      `(?<!复议[、和及与])(?<!复议[、和及与]行政)(?:行政)?诉讼${GAP_EXCEPT(8, "复议|分别|共计|合计")}${NUM}件`,
      "g",
    ),
    currentYearOnly: true,
  },
];

const DOC_RE = /(行政规范性文件|规范性文件|规章)(\d+)件/g;
const VERB_RE = /现行有效|制发|制定|出台|印发|制作|发布|公开|公布|废止|清理|修改|修订/g;

function clauseAround(sentence: string, index: number): string {
  const start = Math.max(sentence.lastIndexOf("，", index), sentence.lastIndexOf(",", index)) + 1;
  return sentence.slice(start, index);
}

/**
 * Figures a narrative states about applications, outcomes, review/litigation and documents.
 * Only explicit "<what> N件" phrases are read; anything else is left alone (never guessed).
 */
export function extractClaims(text: string, section: SectionKey): NarrativeClaim[] {
  const claims: NarrativeClaim[] = [];
  const sentences = normaliseText(text).split(/[。；;！？!?\n]/);
  for (const sentence of sentences) {
    if (!/\d/.test(sentence)) continue;
    let masked = sentence;
    for (const p of patterns) {
      p.re.lastIndex = 0;
      for (const m of masked.matchAll(p.re)) {
        const value = Number(m[1]);
        const at = m.index ?? 0;
        if (p.currentYearOnly && PAST_YEAR.test(clauseAround(masked, at) + m[0])) continue;
        claims.push({ kind: p.kind, value, quote: m[0], section });
      }
      masked = masked.replace(p.re, (s) => "□".repeat(s.length));
    }
    // The verb governing a document count is the last one in its own clause; a clause that starts
    // with the document type continues a list ("公开规章13件，行政规范性文件60件") and takes the
    // verb of the clause before it.
    const clauses = sentence.split(/[，,、]/);
    let listVerb: string | undefined;
    let offset = 0;
    for (const clause of clauses) {
      const verbs = [...clause.matchAll(VERB_RE)];
      for (const m of clause.matchAll(DOC_RE)) {
        const at = m.index ?? 0;
        const before = verbs.filter((v) => (v.index ?? 0) < at);
        const own = before[before.length - 1]?.[0];
        const startsList = at === 0 || /^(?:其中)?$/.test(clause.slice(0, at));
        const verb = own ?? (startsList ? listVerb : undefined);
        if (verb === undefined) continue;
        claims.push({
          kind: m[1] === "规章" ? "docsRules" : "docsNormative",
          value: Number(m[2]),
          quote: clause.slice(0, at + m[0].length).trim() || m[0],
          section,
          verb,
        });
      }
      const last = verbs[verbs.length - 1]?.[0];
      listVerb = last ?? (DOC_RE.test(clause) ? listVerb : undefined);
      DOC_RE.lastIndex = 0;
      offset += clause.length + 1;
    }
    void offset;
  }
  return claims;
}

/** Character-bigram Dice similarity of two texts (whitespace and punctuation ignored), 0…1. */
export function textSimilarity(a: string, b: string): number {
  const clean = (s: string) => s.replace(/[\s\p{P}]/gu, "");
  const ca = clean(a);
  const cb = clean(b);
  if (ca.length < 2 || cb.length < 2) return ca === cb && ca.length > 0 ? 1 : 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < ca.length - 1; i++) {
    const g = ca.slice(i, i + 2);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  let overlap = 0;
  for (let i = 0; i < cb.length - 1; i++) {
    const g = cb.slice(i, i + 2);
    const c = counts.get(g) ?? 0;
    if (c > 0) {
      overlap++;
      counts.set(g, c - 1);
    }
  }
  return (2 * overlap) / (ca.length - 1 + cb.length - 1);
}

/**
 * 字数 as Chinese word processors count it: every Chinese character counts one, every run of
 * Latin letters or digits counts one, punctuation and spaces count nothing.
 */
export function countCharacters(text: string): number {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const words = text.match(/[A-Za-z0-9０-９]+(?:[.,．][0-9０-９]+)*/g)?.length ?? 0;
  return han + words;
}
