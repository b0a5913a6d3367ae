import {
  type CellType,
  type Edition,
  type T2SubTable,
  type T3ColumnKey,
  type T3Node,
  type T4BlockKey,
  type T4OutcomeKey,
  t2Layout2019,
  t2Layout2021,
  t3ColumnKeys,
  t3ColumnLabels,
  t3Layout2019,
  t3Layout2021,
} from "@gongkai/schema/meta";
import { labelKey, similarity, splitEnumerator, squash } from "./text";

/**
 * The labels the importer looks for, all taken from the schema's layouts (never re-declared), plus
 * the spellings agencies use instead (合计 for 总计, 其它 for 其他 …).
 */

export interface T3RowDef {
  kind: "row";
  path: string;
  label: string;
  key: string;
  /** Enclosing groups (denied, unable, notProcessed, other, outcomes). */
  groups: readonly string[];
  /** 1 for "1.属于国家秘密", 3 for "（三）…", 1 for "一、…". */
  index: number | null;
}
export interface T3GroupDef {
  kind: "group";
  group: string;
  label: string;
  key: string;
}
export type T3Def = T3RowDef | T3GroupDef;

function flattenT3(nodes: readonly T3Node[], groups: string[], out: T3Def[]): T3Def[] {
  for (const node of nodes) {
    const index = splitEnumerator(squash(node.label.zh)).enumerator?.index ?? null;
    if (node.kind === "group") {
      out.push({ kind: "group", group: node.key, label: node.label.zh, key: labelKey(node.label.zh) });
      flattenT3(node.children, [...groups, node.key], out);
    } else {
      out.push({ kind: "row", path: node.path, label: node.label.zh, key: labelKey(node.label.zh), groups, index });
    }
  }
  return out;
}

export const t3Defs: Record<Edition, readonly T3Def[]> = {
  2019: flattenT3(t3Layout2019, [], []),
  2021: flattenT3(t3Layout2021, [], []),
};

const t3ColumnSynonyms: Partial<Record<T3ColumnKey, readonly string[]>> = {
  otherOrg: ["其他组织", "其他机构"],
  total: ["合计", "总数", "小计"],
};

export function matchT3Column(text: string): T3ColumnKey | null {
  const key = labelKey(text);
  if (!key) return null;
  for (const k of t3ColumnKeys) {
    const official = labelKey(t3ColumnLabels[k].zh);
    if (key === official || t3ColumnSynonyms[k]?.includes(key)) return k;
  }
  // "自然人（件）", "商业企业数": the official label plus a unit word.
  for (const k of t3ColumnKeys) {
    const official = labelKey(t3ColumnLabels[k].zh);
    if (official.length >= 3 && key.startsWith(official) && key.length <= official.length + 3) return k;
  }
  return null;
}

/** Outer groups of table 三 and their labels; used to give a row its context. */
export function t3GroupOf(text: string, edition: Edition): string | null {
  const key = labelKey(text);
  if (!key) return null;
  let best: { group: string; score: number } | null = null;
  for (const d of t3Defs[edition]) {
    if (d.kind !== "group") continue;
    const s = labelScore(key, d.key);
    if (s >= 0.75 && (!best || s > best.score)) best = { group: d.group, score: s };
  }
  return best?.group ?? null;
}

/**
 * How well a written label fits an official one (0…1): exact, one containing the other (a shortened
 * or annotated label), else bigram similarity (a typo).
 */
export function labelScore(written: string, official: string): number {
  if (!written || !official) return 0;
  if (written === official) return 1;
  const [short, long] = written.length <= official.length ? [written, official] : [official, written];
  let s = similarity(written, official);
  if (short.length >= 4 && long.includes(short)) s = Math.max(s, 0.8 + 0.15 * (short.length / long.length));
  return s;
}

export interface T2ColumnDef {
  key: string;
  label: string;
  labelKey: string;
  type: CellType;
  unit?: string;
}
export interface T2RowDef {
  sub: string;
  caption: string;
  key: string;
  label: string;
  labelKey: string;
  columns: readonly T2ColumnDef[];
}

function t2Rows(layout: readonly T2SubTable[]): T2RowDef[] {
  return layout.flatMap((sub) =>
    sub.rows.map((row) => ({
      sub: sub.key,
      caption: sub.caption.zh,
      key: row.key,
      label: row.label.zh,
      labelKey: labelKey(row.label.zh),
      columns: sub.columns.map((c) => {
        const def: T2ColumnDef = { key: c.key, label: c.label.zh, labelKey: labelKey(c.label.zh), type: c.type };
        if (c.unit) def.unit = c.unit;
        return def;
      }),
    })),
  );
}

export const t2Defs: Record<Edition, readonly T2RowDef[]> = { 2019: t2Rows(t2Layout2019), 2021: t2Rows(t2Layout2021) };

/** Every table-二 column label of both editions (to recognise a header row). */
export const t2ColumnKeys: ReadonlySet<string> = new Set(
  [...t2Defs[2019], ...t2Defs[2021]].flatMap((r) => r.columns.map((c) => c.labelKey)),
);

export function matchT2Row(text: string, edition: Edition): T2RowDef | null {
  const key = labelKey(text);
  if (!key) return null;
  let best: { def: T2RowDef; score: number } | null = null;
  let second = 0;
  for (const def of t2Defs[edition]) {
    const s = labelScore(key, def.labelKey);
    if (!best || s > best.score) {
      second = best?.score ?? 0;
      best = { def, score: s };
    } else if (s > second) second = s;
  }
  if (!best || best.score < 0.7 || best.score - second < 0.08) return null;
  return best.def;
}

export function matchT2Column(text: string, row: T2RowDef): T2ColumnDef | null {
  const key = labelKey(text);
  if (!key) return null;
  let best: { def: T2ColumnDef; score: number } | null = null;
  let second = 0;
  for (const def of row.columns) {
    // "本年增/减" and "本年增减" are the same; "本年收费金额（单位：万元）" may be written without the unit.
    const s = Math.max(labelScore(key, def.labelKey), labelScore(key, def.labelKey.replace(/单位.*$/, "")));
    if (!best || s > best.score) {
      second = best?.score ?? 0;
      best = { def, score: s };
    } else if (s > second) second = s;
  }
  if (!best || best.score < 0.6 || best.score - second < 0.08) return null;
  return best.def;
}

/** Table 四: the block a header path names, and the outcome its innermost header names. */
export function t4BlockOf(keys: readonly string[]): T4BlockKey | null {
  if (keys.some((k) => k.includes("未经复议") || k.includes("直接起诉"))) return "suitDirect";
  if (keys.some((k) => k.includes("复议后"))) return "suitAfterReview";
  // "行政法复议" (a real typo) still names the review block.
  if (keys.some((k) => k.includes("复议") && !k.includes("诉"))) return "review";
  return null;
}

export function t4OutcomeOf(key: string): T4OutcomeKey | null {
  if (/维持/.test(key)) return "upheld";
  if (/纠正/.test(key)) return "corrected";
  if (/未审结|未结|审理中|尚未/.test(key)) return "pending";
  if (/^(总计|合计|小计|总数)$/.test(key)) return "total";
  if (/其他|其它/.test(key)) return "other";
  return null;
}

/** Labels only one edition uses: they say which template a table follows. */
export const editionMarkers: Record<Edition, readonly string[]> = {
  2019: [
    ...new Set(
      t2Defs[2019]
        .flatMap((r) => [r.labelKey, ...r.columns.map((c) => c.labelKey)])
        .filter((k) => !t2Defs[2021].some((r) => r.labelKey === k || r.columns.some((c) => c.labelKey === k))),
    ),
  ],
  2021: [
    ...new Set([
      ...t2Defs[2021]
        .flatMap((r) => [r.labelKey, ...r.columns.map((c) => c.labelKey)])
        .filter((k) => !t2Defs[2019].some((r) => r.labelKey === k || r.columns.some((c) => c.labelKey === k))),
      ...t3Defs[2021]
        .filter((d): d is T3RowDef => d.kind === "row" && d.path.startsWith("other."))
        .map((d) => d.key)
        .filter((k) => k.length > 6),
    ]),
  ],
};
