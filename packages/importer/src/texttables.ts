import type { ImportFinding } from "@gongkai/schema";
import {
  type Edition,
  type TableId,
  t3ColumnKeys,
  t3ColumnLabels,
  t4BlockKeys,
  t4OutcomeKeys,
} from "@gongkai/schema/meta";
import { labelScore, matchT2Row, t3Defs, t3GroupOf } from "./catalog";
import { finding } from "./findings";
import { readCell } from "./numbers";
import type { Hit } from "./tables";
import { clip, labelKey, splitEnumerator, squash } from "./text";

/**
 * Tables that survive only as text: one row per line, the label then its figures separated by spaces
 * or tabs ("1.属于国家秘密 4 0 0 0 0 0 4"). A row is read only when it has exactly as many figures as
 * the format has columns; figures that ran together ("21710000218") are reported, never split.
 */

const TOKEN = String.raw`(?:[-—–]|\d[\d,]*(?:\.\d+)?(?:万元|元)?)`;
const ROW = new RegExp(String.raw`^(.*?[\u4e00-\u9fff)）”"])\s*((?:${TOKEN})(?:[\s|｜]+${TOKEN})*)\s*$`);

function splitRow(line: string): { label: string; tokens: string[] } | null {
  const m = ROW.exec(line.normalize("NFKC").trim());
  if (!m) return null;
  const tokens = (m[2] as string).split(/[\s|｜]+/).filter(Boolean);
  return { label: m[1] as string, tokens };
}

export function readTextTables(
  lines: readonly { text: string; section: string | null }[],
  edition: Edition,
  skip: ReadonlySet<TableId>,
): { hits: Hit[]; findings: ImportFinding[]; tables: Set<TableId> } {
  const hits: Hit[] = [];
  const findings: ImportFinding[] = [];
  const tables = new Set<TableId>();
  let group: string | null = null;
  let t4Header = false;
  let noted = false;
  const note = () => {
    if (noted) return;
    noted = true;
    findings.push(
      finding(
        "table.fromText",
        "warning",
        "表格只以文字形式存在，已按统一格式的列顺序逐行读取（每行数字个数须与列数相同），请核对。",
        "The tables exist only as text: read line by line in the format's column order (only lines with exactly one figure per column). Please check.",
      ),
    );
  };
  for (const { text } of lines) {
    const squashed = squash(text);
    if (squashed.length > 200) continue;
    const g = t3GroupOf(text, edition);
    if (g && !/\d{2,}/.test(squashed)) group = g;
    if (/行政复议/.test(squashed) && /行政诉讼|结果维持/.test(squashed)) t4Header = true;
    const row = splitRow(text);
    if (!row) continue;
    const key = labelKey(row.label);
    // Table 三
    if (!skip.has("t3") && key.length >= 2) {
      const { enumerator } = splitEnumerator(squash(row.label));
      let best: { path: string; label: string; score: number } | null = null;
      for (const def of t3Defs[edition]) {
        if (def.kind !== "row") continue;
        let s = labelScore(key, def.key);
        if (group && def.groups.some((x) => x !== "outcomes") && !def.groups.includes(group)) s *= 0.5;
        if (enumerator && def.index !== null && s > 0.4) s += enumerator.index === def.index ? 0.05 : -0.1;
        if (!best || s > best.score) best = { path: def.path, label: def.label, score: s };
      }
      if (best && best.score >= 0.75) {
        const paths = t3ColumnKeys.map((k) => `t3.${best.path}.${k}`);
        if (row.tokens.length !== t3ColumnKeys.length) {
          findings.push(
            finding(
              "cell.flattened",
              "warning",
              `表三“${clip(best.label, 30)}”一行写成“${clip(row.tokens.join(" "), 40)}”，数字个数与7列不符（可能连在一起），未拆分，留空。`,
              `Table 三 row "${clip(best.label, 30)}" reads "${clip(row.tokens.join(" "), 40)}": not one figure per each of the 7 columns (they may have run together); not split, left empty.`,
              { cells: paths, text },
            ),
          );
          continue;
        }
        note();
        tables.add("t3");
        row.tokens.forEach((tok, i) => {
          const col = t3ColumnKeys[i] as (typeof t3ColumnKeys)[number];
          hits.push({
            path: `t3.${best.path}.${col}`,
            read: readCell(tok, "count"),
            text: tok,
            table: null,
            rowLabel: row.label,
            columnLabel: t3ColumnLabels[col].zh,
            ref: null,
            via: "text",
          });
        });
        continue;
      }
    }
    // Table 二
    if (!skip.has("t2")) {
      const def = matchT2Row(row.label, edition);
      if (def && labelScore(key, def.labelKey) >= 0.9) {
        if (row.tokens.length !== def.columns.length) {
          findings.push(
            finding(
              "cell.flattened",
              "warning",
              `表二“${def.label}”一行写成“${clip(row.tokens.join(" "), 40)}”，数字个数与列数不符，未拆分，留空。`,
              `Table 二 row "${def.label}" reads "${clip(row.tokens.join(" "), 40)}": the number of figures does not match the columns; not split, left empty.`,
              { cells: def.columns.map((c) => `t2.${def.key}.${c.key}`), text },
            ),
          );
          continue;
        }
        note();
        tables.add("t2");
        def.columns.forEach((c, i) => {
          hits.push({
            path: `t2.${def.key}.${c.key}`,
            read: readCell(row.tokens[i] as string, c.type, edition === 2021 ? "万元" : "元"),
            text: row.tokens[i] as string,
            table: def.caption,
            rowLabel: row.label,
            columnLabel: c.label,
            ref: null,
            via: "text",
          });
        });
      }
    }
  }
  // Table 四: a line of 15 figures after its header words.
  if (!skip.has("t4") && t4Header) {
    for (const { text } of lines) {
      const tokens = text
        .normalize("NFKC")
        .trim()
        .split(/[\s|｜]+/);
      if (!tokens.every((t) => /^(?:\d+|[-—–])$/.test(t))) continue;
      const paths = t4BlockKeys.flatMap((b) => t4OutcomeKeys.map((o) => `t4.${b}.${o}`));
      if (tokens.length !== paths.length) {
        if (tokens.length >= 1 && tokens.join("").length >= 10) {
          findings.push(
            finding(
              "cell.flattened",
              "warning",
              `表四的数字写成“${clip(tokens.join(" "), 40)}”，个数与15列不符，未拆分，留空。`,
              `Table 四 reads "${clip(tokens.join(" "), 40)}": not 15 figures; not split, left empty.`,
              { cells: paths, text },
            ),
          );
        }
        continue;
      }
      note();
      tables.add("t4");
      tokens.forEach((tok, i) => {
        hits.push({
          path: paths[i] as string,
          read: readCell(tok, "count"),
          text: tok,
          table: null,
          rowLabel: "",
          columnLabel: paths[i] as string,
          ref: null,
          via: "text",
        });
      });
      break;
    }
  }
  return { hits, findings, tables };
}
