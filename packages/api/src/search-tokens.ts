import { tsvectorLiteral } from "@gongkai/db";

/**
 * Chinese has no spaces, and PostgreSQL's parsers do not segment it. We index overlapping
 * character bigrams (plus single characters) of every CJK run, and whole words of Latin letters
 * and digits, as a 'simple' tsvector; a query is tokenised the same way and all its tokens must
 * match. "应急管理厅" → 应急 急管 管理 理厅; it finds 应急管理厅 and not 应急厅.
 */
const CJK = /[\p{Script=Han}]+/gu;
const WORD = /[A-Za-z0-9]+/g;

function normalise(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

export function documentTokens(text: string): string[] {
  const t = normalise(text);
  const out = new Set<string>();
  for (const run of t.match(CJK) ?? []) {
    const chars = [...run];
    for (let i = 0; i < chars.length; i++) {
      out.add(chars[i] as string);
      if (i + 1 < chars.length) out.add(`${chars[i]}${chars[i + 1]}`);
    }
  }
  for (const w of t.match(WORD) ?? []) out.add(w);
  return [...out];
}

export function queryTokens(query: string): string[] {
  const t = normalise(query);
  const out: string[] = [];
  for (const run of t.match(CJK) ?? []) {
    const chars = [...run];
    if (chars.length === 1) out.push(chars[0] as string);
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  }
  for (const w of t.match(WORD) ?? []) out.push(w);
  return [...new Set(out)];
}

/** Tokens as the text PostgreSQL's to_tsvector('simple', …) receives. */
export function tsvectorSource(text: string): string {
  return documentTokens(text).join(" ");
}

/** A to_tsquery('simple', …) expression requiring every token; null when nothing searchable. */
export function tsquerySource(query: string): string | null {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return null;
  return tokens.map((t) => `'${t.replace(/'/g, "''")}'`).join(" & ");
}

/** A short excerpt of `text` around the first occurrence of the query (or its first token). */
export function snippet(text: string, query: string, width = 60): string | null {
  const flat = text.replace(/\s+/g, " ");
  const q = query.trim();
  let at = q ? flat.indexOf(q) : -1;
  if (at < 0) {
    const first = queryTokens(q)[0];
    at = first ? flat.toLowerCase().indexOf(first) : -1;
  }
  if (at < 0) return null;
  const start = Math.max(0, at - Math.floor(width / 2));
  const end = Math.min(flat.length, start + width);
  return `${start > 0 ? "…" : ""}${flat.slice(start, end)}${end < flat.length ? "…" : ""}`;
}

/** The tsvector itself as a literal (COPY cannot call to_tsvector; publishing uses the same). */
export function tsvectorFor(text: string): string {
  return tsvectorLiteral(documentTokens(text));
}
