/**
 * Text normalisation for matching labels as agencies write them: full-width digits and punctuation
 * (NFKC), whitespace inside labels ("社会公益 组织"), "1." vs "1．" vs "1、", quotes of every kind.
 */

const CJK = "\\u2e80-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef";
const spaceBetweenCjk = new RegExp(`([${CJK}])[ \\t]+(?=[${CJK}])`, "g");

/** Collapse whitespace as a browser would, and drop the spaces a line break left between two Chinese characters. */
export function cleanText(s: string): string {
  return s
    .replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, " ")
    .replace(spaceBetweenCjk, "$1")
    .trim();
}

/** NFKC + no whitespace at all: the form labels are compared in. */
export function squash(s: string): string {
  return s.normalize("NFKC").replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, "");
}

const PUNCT = /[、，,。.．:：;；“”‘’"'「」『』()（）【】[\]《》〈〉<>/／\\·•・\-—–_~～*＊!！?？]/g;

export interface Enumerator {
  kind: "cn" | "paren-cn" | "num" | "paren-num" | "circled";
  index: number;
}

const cnDigits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export function chineseNumeral(s: string): number | null {
  if (!s) return null;
  if (s === "十") return 10;
  if (s.length === 1) return cnDigits[s] ?? null;
  if (s.length === 2 && s[0] === "十") return 10 + (cnDigits[s[1] as string] ?? Number.NaN);
  if (s.length === 2 && s[1] === "十") return (cnDigits[s[0] as string] ?? Number.NaN) * 10;
  return null;
}

const enumPatterns: { re: RegExp; kind: Enumerator["kind"] }[] = [
  { re: /^\(([一二三四五六七八九十]{1,3})\)[、.,:]?/, kind: "paren-cn" },
  { re: /^([一二三四五六七八九十]{1,3})[、.,:]/, kind: "cn" },
  { re: /^\((\d{1,2})\)[、.,:]?/, kind: "paren-num" },
  { re: /^(\d{1,2})(?:[.、,:](?!\d)|\s)/, kind: "num" },
  { re: /^([\u2460-\u2473])/, kind: "circled" },
];

/** "（三）不予公开" → { kind: paren-cn, index: 3 } and "不予公开". Input should be squashed (NFKC, no spaces). */
export function splitEnumerator(squashed: string): { enumerator: Enumerator | null; rest: string } {
  for (const { re, kind } of enumPatterns) {
    const m = re.exec(squashed);
    if (!m) continue;
    const raw = m[1] as string;
    const index =
      kind === "circled"
        ? raw.charCodeAt(0) - 0x2460 + 1
        : kind === "cn" || kind === "paren-cn"
          ? chineseNumeral(raw)
          : Number(raw);
    if (index === null || !Number.isFinite(index)) continue;
    return { enumerator: { kind, index }, rest: squashed.slice(m[0].length) };
  }
  return { enumerator: null, rest: squashed };
}

/** The comparable core of a label: no enumerator, no whitespace, no punctuation. */
export function labelKey(s: string): string {
  return splitEnumerator(squash(s)).rest.replace(PUNCT, "").replace(/其它/g, "其他");
}

// Labels repeat (the official ones on every call, a table's on every row): keep their bigrams.
const bigramCache = new Map<string, Map<string, number>>();

function bigrams(s: string): Map<string, number> {
  const cached = bigramCache.get(s);
  if (cached) return cached;
  if (bigramCache.size > 5000) bigramCache.clear();
  const out = new Map<string, number>();
  bigramCache.set(s, out);
  if (s.length === 1) out.set(s, 1);
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Sørensen–Dice similarity of character bigrams (0…1): tolerant of a wrong or missing character. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const n of x.values()) total += n;
  for (const n of y.values()) total += n;
  for (const [g, n] of x) shared += Math.min(n, y.get(g) ?? 0);
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Shorten for messages. */
export function clip(s: string, max = 120): string {
  const t = s.length > max ? `${s.slice(0, max - 1)}…` : s;
  return t;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;",
  );
}
