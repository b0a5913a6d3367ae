import type { ImportFinding, ImportSourceRef } from "@gongkai/schema";
import {
  cellDef,
  cellName,
  type Edition,
  type MoneyUnit,
  type T3ColumnKey,
  type TableId,
  t3ColumnKeys,
  t3ColumnLabels,
} from "@gongkai/schema/meta";
import {
  editionMarkers,
  labelScore,
  matchT2Column,
  matchT2Row,
  matchT3Column,
  type T2RowDef,
  type T3RowDef,
  t2ColumnKeys,
  t3Defs,
  t3GroupOf,
  t4BlockOf,
  t4OutcomeOf,
} from "./catalog";
import { finding } from "./findings";
import type { SourceCell, SourceTable } from "./html";
import { type CellRead, isBlankText, readCell, reasonText } from "./numbers";
import { clip, labelKey, splitEnumerator, squash } from "./text";

/** One reading of one cell of the template from the source. */
export interface Hit {
  path: string;
  read: CellRead;
  text: string;
  table: string | null;
  rowLabel: string;
  columnLabel: string;
  ref: ImportSourceRef | null;
  via: "table" | "text";
}

export interface TableReading {
  hits: Hit[];
  findings: ImportFinding[];
  /** Template tables recognised (even partly). */
  tables: Set<TableId>;
}

const refOf = (t: SourceTable, c: SourceCell): ImportSourceRef => ({ table: t.index, row: c.row, col: c.col });

/** Distinct cells of one grid row between two columns, left to right. */
function rowCells(t: SourceTable, r: number, from = 0, to = t.width): SourceCell[] {
  const out: SourceCell[] = [];
  const line = t.grid[r] ?? [];
  for (let c = from; c < to; c++) {
    const cell = line[c];
    if (cell && out[out.length - 1] !== cell && !out.includes(cell)) out.push(cell);
  }
  return out;
}

const rowText = (t: SourceTable, r: number) =>
  rowCells(t, r)
    .map((c) => squash(c.text))
    .join("|");

type BandKind = "t2" | "t3" | "t4";

function bandStart(t: SourceTable, r: number): BandKind | null {
  const text = rowText(t, r);
  if (/申请人情况/.test(text) || (text.includes("自然人") && /商业企业|法人或其他组织/.test(text))) return "t3";
  if (/复议/.test(text) && /行政诉讼|结果维持|复议后起诉|直接起诉/.test(text)) return "t4";
  const first = rowCells(t, r)[0];
  if (/第二十条/.test(text) || (first && labelKey(first.text) === "信息内容")) return "t2";
  return null;
}

/** Split a table into runs of rows that belong to one template table (one HTML table may hold several). */
function bands(t: SourceTable): { kind: BandKind | null; from: number; to: number }[] {
  const out: { kind: BandKind | null; from: number; to: number }[] = [];
  let current: { kind: BandKind | null; from: number; to: number } = { kind: null, from: 0, to: 0 };
  for (let r = 0; r < t.grid.length; r++) {
    const start = bandStart(t, r);
    if (start && start !== current.kind) {
      if (r > current.from) out.push({ ...current, to: r });
      current = { kind: start, from: r, to: r };
    }
  }
  out.push({ ...current, to: t.grid.length });
  return out.filter((b) => b.to > b.from);
}

/** Count cells whose labels only one edition uses. */
export function editionVotes(tables: readonly SourceTable[]): Record<Edition, number> {
  const votes: Record<Edition, number> = { 2019: 0, 2021: 0 };
  const markers = {
    2019: new Set(editionMarkers[2019]),
    2021: new Set(editionMarkers[2021]),
  };
  for (const t of tables) {
    for (const row of t.rows) {
      for (const c of row) {
        const k = labelKey(c.text);
        if (k.length < 2 || k.length > 60) continue;
        for (const e of [2019, 2021] as const) {
          if (markers[e].has(k)) votes[e]++;
          else if (k.length >= 8 && [...markers[e]].some((m) => m.length >= 8 && labelScore(k, m) >= 0.9)) votes[e]++;
        }
      }
    }
  }
  return votes;
}

class Reader {
  readonly hits: Hit[] = [];
  readonly findings: ImportFinding[] = [];
  readonly tables = new Set<TableId>();
  /** Columns of the last table 三 header, for a table continued without its header. */
  private lastT3: { width: number; columns: Map<number, T3ColumnKey> } | null = null;

  constructor(private readonly edition: Edition) {}

  read(t: SourceTable): void {
    for (const band of bands(t)) {
      if (band.kind === "t3") this.readT3(t, band.from, band.to, false);
      else if (band.kind === "t4") this.readT4(t, band.from, band.to);
      else if (band.kind === "t2") this.readT2(t, band.from, band.to);
      else if (this.lastT3 && this.looksLikeT3Rows(t, band.from, band.to)) this.readT3(t, band.from, band.to, true);
    }
  }

  private hit(h: Omit<Hit, "via">): void {
    this.hits.push({ ...h, via: "table" });
  }

  private unreadable(path: string, cell: SourceCell, t: SourceTable, read: CellRead): void {
    if (read.kind !== "unreadable") return;
    const def = cellDef(this.edition, path);
    const name = def ? cellName(def, "zh") : path;
    const nameEn = def ? cellName(def, "en") : path;
    const why = reasonText[read.reason];
    this.findings.push(
      finding(
        read.reason === "severalNumbers" ? "cell.flattened" : "cell.unreadable",
        "warning",
        `${name}：“${clip(cell.value, 40)}”${why.zh}，未读取，留空。`,
        `${nameEn}: "${clip(cell.value, 40)}" is ${why.en}; not read, left empty.`,
        { cells: [path], source: refOf(t, cell), text: cell.text },
      ),
    );
  }

  // ——— table 三 ———

  private looksLikeT3Rows(t: SourceTable, from: number, to: number): boolean {
    let n = 0;
    for (let r = from; r < to; r++) {
      const cells = rowCells(t, r);
      const m = this.matchT3Row(cells.slice(0, Math.max(1, cells.length - 7)));
      if (m.kind === "row") n++;
    }
    return n >= 2;
  }

  private matchT3Row(
    labels: readonly SourceCell[],
  ):
    | { kind: "row"; def: T3RowDef }
    | { kind: "group"; group: string }
    | { kind: "ambiguous"; options: T3RowDef[] }
    | { kind: "none" } {
    const texts = labels.map((c) => c.text).filter((s) => labelKey(s) !== "");
    const inner = texts[texts.length - 1];
    if (!inner) return { kind: "none" };
    const context = new Set(
      texts
        .slice(0, -1)
        .map((s) => t3GroupOf(s, this.edition))
        .filter((g) => g !== null),
    );
    const { enumerator } = splitEnumerator(squash(inner));
    const key = labelKey(inner);
    let best: { def: (typeof t3Defs)[Edition][number]; score: number } | null = null;
    let second: { def: (typeof t3Defs)[Edition][number]; score: number } | null = null;
    for (const def of t3Defs[this.edition]) {
      let s = labelScore(key, def.key);
      if (def.kind === "row") {
        const own = def.groups.filter((g) => g !== "outcomes");
        const foreign = [...context].some((g) => g !== "outcomes" && !own.includes(g));
        if (foreign) s *= 0.5;
        else if (own.some((g) => context.has(g))) s += 0.05;
        if (enumerator && def.index !== null && s > 0.4) s += enumerator.index === def.index ? 0.05 : -0.1;
      }
      if (!best || s > best.score) {
        second = best;
        best = { def, score: s };
      } else if (!second || s > second.score) second = { def, score: s };
    }
    if (!best || best.score < 0.6) return { kind: "none" };
    if (second && best.score - second.score < 0.08 && second.score >= 0.6) {
      const options = [best.def, second.def].filter((d): d is T3RowDef => d.kind === "row");
      if (options.length === 2) return { kind: "ambiguous", options };
    }
    return best.def.kind === "row" ? { kind: "row", def: best.def } : { kind: "group", group: best.def.group };
  }

  private readT3(t: SourceTable, from: number, to: number, continued: boolean): void {
    // Header rows run until the first row whose label is a row or group of the table.
    let dataFrom = from;
    if (!continued) {
      dataFrom = to;
      for (let r = from; r < to; r++) {
        const cells = rowCells(t, r).filter((c) => c.row === r || c.col === 0);
        const labels = cells.filter((c) => /[\u4e00-\u9fff]/.test(c.text) && !isBlankText(c.value));
        const m = this.matchT3Row(labels.slice(0, 3));
        if (m.kind === "row" || m.kind === "group") {
          if (r === from) continue;
          dataFrom = r;
          break;
        }
      }
    }
    const columns = new Map<number, T3ColumnKey>();
    const headerText = new Map<number, string>();
    if (continued) {
      // The value columns are the rightmost ones: a continuation that lost the outer label column is narrower.
      if (this.lastT3) {
        const shift = t.width - this.lastT3.width;
        for (const [c, k] of this.lastT3.columns) if (c + shift >= 0) columns.set(c + shift, k);
      }
      this.findings.push(
        finding(
          "table.continued",
          "info",
          `第${t.index + 1}个表格没有表头，按前一个表三的列读取（表格被分页拆开）。`,
          `Table ${t.index + 1} has no header: read with the columns of the table 三 before it (a table split by a page break).`,
          { source: { table: t.index, row: from, col: 0 } },
        ),
      );
    } else {
      for (let c = 0; c < t.width; c++) {
        const path: SourceCell[] = [];
        for (let r = from; r < dataFrom; r++) {
          const cell = t.grid[r]?.[c];
          if (cell && !path.includes(cell)) path.push(cell);
        }
        const leaf = path[path.length - 1];
        if (!leaf || leaf.col + leaf.colspan < c + 1) continue;
        const key = matchT3Column(leaf.text);
        if (key) {
          columns.set(c, key);
          headerText.set(c, path.map((p) => p.text).join(" › "));
        }
      }
      // The same column named twice by different header cells: which one is meant is not known.
      const byKey = new Map<T3ColumnKey, Set<SourceCell>>();
      for (const [c, k] of columns) {
        const leaf = t.grid[dataFrom - 1]?.[c];
        if (!byKey.has(k)) byKey.set(k, new Set());
        if (leaf) byKey.get(k)?.add(leaf);
      }
      for (const [k, leaves] of byKey) {
        if (leaves.size > 1) {
          for (const [c, kk] of [...columns]) if (kk === k) columns.delete(c);
          this.findings.push(
            finding(
              "table.unknownColumn",
              "warning",
              `表三有两列都叫“${t3ColumnLabels[k].zh}”，无法确定取哪一列，该列留空。`,
              `Table 三 has two columns called "${t3ColumnLabels[k].zh}"; which one is meant is unclear, left empty.`,
              { cells: [], source: { table: t.index, row: from, col: 0 } },
            ),
          );
        }
      }
      this.lastT3 = { width: t.width, columns: new Map(columns) };
    }
    if (columns.size === 0) {
      this.findings.push(
        finding(
          "table.unknownColumn",
          "warning",
          `第${t.index + 1}个表格像是表三，但没有认出申请人类型各列的表头。`,
          `Table ${t.index + 1} looks like table 三 but its applicant column headers were not recognised.`,
          { source: { table: t.index, row: from, col: 0 } },
        ),
      );
      return;
    }
    this.tables.add("t3");
    const valueFrom = Math.min(...columns.keys());
    const keysInOrder = [...new Set([...columns.entries()].sort((a, b) => a[0] - b[0]).map(([, k]) => k))];
    let spannedNoted = false;
    for (let r = dataFrom; r < to; r++) {
      const labels = rowCells(t, r, 0, valueFrom);
      const values = rowCells(t, r, valueFrom);
      const hasFigures = values.some((v) => v.row === r && /\d/.test(v.value));
      const m = this.matchT3Row(labels);
      const rowLabel = labels
        .map((l) => l.text)
        .filter(Boolean)
        .join(" › ");
      if (m.kind === "group") {
        if (hasFigures) {
          this.findings.push(
            finding(
              "table.unknownRow",
              "info",
              `表三“${clip(rowLabel, 60)}”一行的数字是分组小计，不属于统一格式，未读取。`,
              `Table 三 row "${clip(rowLabel, 60)}" holds group subtotals, which are not part of the format; not read.`,
              { source: refOf(t, labels[labels.length - 1] as SourceCell), text: rowLabel },
            ),
          );
        }
        continue;
      }
      if (m.kind !== "row") {
        if (hasFigures || m.kind === "ambiguous") {
          const options = m.kind === "ambiguous" ? m.options : [];
          this.findings.push(
            finding(
              m.kind === "ambiguous" ? "cell.ambiguous" : "table.unknownRow",
              "warning",
              m.kind === "ambiguous"
                ? `表三“${clip(rowLabel, 60)}”一行可能是“${options.map((o) => o.label).join("”或“")}”，无法确定，未读取。`
                : `表三“${clip(rowLabel, 60)}”一行不属于统一格式，未读取。`,
              m.kind === "ambiguous"
                ? `Table 三 row "${clip(rowLabel, 60)}" could be "${options.map((o) => o.label).join('" or "')}"; unclear, not read.`
                : `Table 三 row "${clip(rowLabel, 60)}" is not a row of the format; not read.`,
              {
                cells: options.flatMap((o) => t3ColumnKeys.map((k) => `t3.${o.path}.${k}`)),
                source: labels[0]
                  ? refOf(t, labels[labels.length - 1] as SourceCell)
                  : { table: t.index, row: r, col: 0 },
                text: rowLabel,
              },
            ),
          );
        }
        continue;
      }
      const def = m.def;
      // Map each value cell to the column whose header stands above it; a cell spanning two columns
      // (a Word export) is read in order only when the row has exactly one cell per column.
      const assigned = new Map<T3ColumnKey, SourceCell>();
      let misaligned = false;
      for (const [c, k] of columns) {
        const cell = t.grid[r]?.[c];
        if (!cell) continue;
        const covered = new Set<T3ColumnKey>();
        for (let cc = cell.col; cc < cell.col + cell.colspan; cc++) {
          const kk = columns.get(cc);
          if (kk) covered.add(kk);
        }
        if (covered.size > 1) misaligned = true;
        else if (cell.row !== r) {
          if (/\d/.test(cell.value)) {
            this.findings.push(this.ambiguousCell(`t3.${def.path}.${k}`, t, cell, "rowspan"));
            assigned.delete(k);
            continue;
          }
          assigned.set(k, cell);
        } else assigned.set(k, cell);
      }
      if (misaligned) {
        const own = values.filter((v) => v.row === r);
        if (own.length === keysInOrder.length) {
          assigned.clear();
          keysInOrder.forEach((k, i) => {
            assigned.set(k, own[i] as SourceCell);
          });
          if (!spannedNoted) {
            spannedNoted = true;
            this.findings.push(this.spannedFinding(t, r));
          }
        } else {
          for (const k of keysInOrder) {
            const cell = t.grid[r]?.[[...columns].find(([, kk]) => kk === k)?.[0] ?? -1];
            if (cell && cell.colspan > 1) {
              assigned.delete(k);
              this.findings.push(this.ambiguousCell(`t3.${def.path}.${k}`, t, cell, "span"));
            }
          }
        }
      }
      for (const [k, cell] of assigned) {
        const path = `t3.${def.path}.${k}`;
        const read = readCell(cell.value, "count");
        if (read.kind === "unreadable") {
          this.unreadable(path, cell, t, read);
          continue;
        }
        const col = [...columns].find(([, kk]) => kk === k)?.[0] ?? cell.col;
        this.hit({
          path,
          read,
          text: cell.text,
          table: t.caption ?? "表三",
          rowLabel,
          columnLabel: headerText.get(col) ?? t3ColumnLabels[k].zh,
          ref: refOf(t, cell),
        });
      }
    }
  }

  private spannedFinding(t: SourceTable, r: number): ImportFinding {
    return finding(
      "table.spannedCells",
      "info",
      `第${t.index + 1}个表格中有数字格跨两列、与表头不对齐；这些行每列恰有一个数字，已按顺序读取。`,
      `Table ${t.index + 1} has value cells spanning two columns, out of line with the header; those rows have exactly one figure per column and were read in order.`,
      { source: { table: t.index, row: r, col: 0 } },
    );
  }

  private ambiguousCell(path: string, t: SourceTable, cell: SourceCell, why: "span" | "rowspan"): ImportFinding {
    const def = cellDef(this.edition, path);
    return finding(
      "cell.ambiguous",
      "warning",
      why === "span"
        ? `${def ? cellName(def, "zh") : path}：数字“${clip(cell.value, 30)}”跨多列，无法确定属于哪一列，留空。`
        : `${def ? cellName(def, "zh") : path}：数字“${clip(cell.value, 30)}”跨多行，无法确定属于哪一行，留空。`,
      why === "span"
        ? `${def ? cellName(def, "en") : path}: "${clip(cell.value, 30)}" spans several columns; which one it belongs to is unclear, left empty.`
        : `${def ? cellName(def, "en") : path}: "${clip(cell.value, 30)}" spans several rows; which one it belongs to is unclear, left empty.`,
      { cells: [path], source: refOf(t, cell), text: cell.text },
    );
  }

  // ——— table 四 ———

  private readT4(t: SourceTable, from: number, to: number): void {
    // Header rows: until the first row none of whose own cells is a header word (the data row may be all blank).
    let dataFrom = to;
    for (let r = from + 1; r < to; r++) {
      const own = rowCells(t, r).filter((c) => c.row === r);
      if (own.length === 0) continue;
      if (!own.some((c) => /复议|诉讼|维持|纠正|结果|审结|总计|合计|起诉/.test(labelKey(c.text)))) {
        dataFrom = r;
        break;
      }
    }
    const columns = new Map<number, { path: string; header: string }>();
    const claimed = new Map<string, Set<SourceCell>>();
    for (let c = 0; c < t.width; c++) {
      const path: SourceCell[] = [];
      for (let r = from; r < Math.min(dataFrom, to); r++) {
        const cell = t.grid[r]?.[c];
        if (cell && !path.includes(cell)) path.push(cell);
      }
      const leaf = path[path.length - 1];
      if (!leaf) continue;
      const block = t4BlockOf(path.map((p) => labelKey(p.text)));
      const outcome = t4OutcomeOf(labelKey(leaf.text));
      if (!block || !outcome) continue;
      const cellPath = `t4.${block}.${outcome}`;
      columns.set(c, { path: cellPath, header: path.map((p) => p.text).join(" › ") });
      if (!claimed.has(cellPath)) claimed.set(cellPath, new Set());
      claimed.get(cellPath)?.add(leaf);
    }
    for (const [p, leaves] of claimed) {
      if (leaves.size > 1) for (const [c, v] of [...columns]) if (v.path === p) columns.delete(c);
    }
    if (columns.size === 0) return;
    this.tables.add("t4");
    const rows: number[] = [];
    for (let r = dataFrom; r < to; r++) {
      const own = [...columns.keys()].map((c) => t.grid[r]?.[c]).filter((c): c is SourceCell => !!c && c.row === r);
      if (own.length) rows.push(r);
    }
    const withFigures = rows.filter((r) =>
      [...columns.keys()].some((c) => {
        const cell = t.grid[r]?.[c];
        return cell && cell.row === r && /\d/.test(cell.value);
      }),
    );
    if (withFigures.length > 1) {
      const paths = [...new Set([...columns.values()].map((v) => v.path))];
      this.findings.push(
        finding(
          "cell.ambiguous",
          "warning",
          `表四有${withFigures.length}行数字，统一格式只有一行，无法确定取哪一行，留空。`,
          `Table 四 has ${withFigures.length} rows of figures where the format has one; which is meant is unclear, left empty.`,
          { cells: paths, source: { table: t.index, row: withFigures[0] as number, col: 0 } },
        ),
      );
      return;
    }
    const r = withFigures[0] ?? rows[0];
    if (r === undefined) return;
    if (rows.length > 1) {
      this.findings.push(
        finding(
          "table.unknownRow",
          "info",
          "表四数据行之外还有空行，已忽略。",
          "Table 四 has empty rows besides its row of figures; ignored.",
          { source: { table: t.index, row: rows.find((x) => x !== r) as number, col: 0 } },
        ),
      );
    }
    const values = rowCells(t, r).filter((c) => c.row === r);
    const paths = new Map<SourceCell, string[]>();
    for (const [c, v] of columns) {
      const cell: SourceCell | null | undefined = t.grid[r]?.[c];
      if (!cell || cell.row !== r) continue;
      paths.set(cell, [...new Set([...(paths.get(cell) ?? []), v.path])]);
    }
    const ordered = [...new Set([...columns.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v))];
    const spanning = [...paths.values()].some((p) => p.length > 1);
    const take = (path: string, cell: SourceCell, header: string) => {
      const read = readCell(cell.value, "count");
      if (read.kind === "unreadable") return this.unreadable(path, cell, t, read);
      this.hit({
        path,
        read,
        text: cell.text,
        table: t.caption ?? "表四",
        rowLabel: "",
        columnLabel: header,
        ref: refOf(t, cell),
      });
    };
    if (spanning) {
      const own = values.filter((v) => v.col >= Math.min(...columns.keys()));
      if (own.length === ordered.length) {
        this.findings.push(this.spannedFinding(t, r));
        ordered.forEach((v, i) => {
          take(v.path, own[i] as SourceCell, v.header);
        });
        return;
      }
    }
    for (const [cell, ps] of paths) {
      if (ps.length > 1) {
        for (const p of ps) this.findings.push(this.ambiguousCell(p, t, cell, "span"));
        continue;
      }
      const p = ps[0] as string;
      take(p, cell, [...columns.values()].find((v) => v.path === p)?.header ?? p);
    }
  }

  // ——— table 二 ———

  private readT2(t: SourceTable, from: number, to: number): void {
    let header: SourceCell[] | null = null;
    let caption: string | null = t.caption;
    let orderNoted = false;
    let spannedNoted = false;
    for (let r = from; r < to; r++) {
      const cells = rowCells(t, r);
      if (cells.length === 0) continue;
      const text = cells.map((c) => squash(c.text)).join("");
      if (/第二十条/.test(text) && cells.every((c) => !/\d/.test(squash(c.value).replace(/第二十条第.{1,4}项/g, "")))) {
        // A caption row, or a header row beside a caption cell.
        const info = cells.findIndex((c) => labelKey(c.text) === "信息内容");
        caption = cells.find((c) => /第二十条/.test(squash(c.text)))?.text ?? caption;
        header = info >= 0 ? cells.slice(info + 1) : null;
        continue;
      }
      const info = cells.findIndex((c, i) => i < 2 && labelKey(c.text) === "信息内容");
      const known = cells.filter((c) => t2ColumnKeys.has(labelKey(c.text))).length;
      if (info >= 0 || known >= 2) {
        header = info >= 0 ? cells.slice(info + 1) : cells.filter((c) => t2ColumnKeys.has(labelKey(c.text)));
        continue;
      }
      // The row label: the first cell, or the second when the first is a caption spanning the sub-table's rows.
      let labelAt = 0;
      let row = matchT2Row((cells[0] as SourceCell).text, this.edition);
      if (!row && cells[1] && /第二十条/.test(squash((cells[0] as SourceCell).text))) {
        labelAt = 1;
        row = matchT2Row(cells[1].text, this.edition);
      }
      const first = cells[labelAt] as SourceCell;
      const values = cells.slice(labelAt + 1).filter((c) => c.row === r);
      if (!row) {
        if (values.some((v) => /\d/.test(v.value)) && labelKey(first.text)) {
          this.findings.push(
            finding(
              "table.unknownRow",
              "warning",
              `表二“${clip(first.text, 40)}”一行不属于${this.edition}年版格式，未读取。`,
              `Table 二 row "${clip(first.text, 40)}" is not a row of the ${this.edition} format; not read.`,
              { source: refOf(t, first), text: first.text },
            ),
          );
        }
        continue;
      }
      this.tables.add("t2");
      const pairs: { column: T2RowDef["columns"][number]; cell: SourceCell; header: string }[] = [];
      if (header && header.length > 0) {
        const named = header.map((h) => ({ h, column: matchT2Column(h.text, row) }));
        if (named.length === values.length) {
          named.forEach(({ h, column }, i) => {
            const cell = values[i] as SourceCell;
            if (column) pairs.push({ column, cell, header: h.text });
            if (!spannedNoted && (cell.col !== h.col || cell.colspan !== h.colspan)) {
              spannedNoted = true;
              this.findings.push(this.spannedFinding(t, r));
            }
          });
        } else {
          for (const { h, column } of named) {
            if (!column) continue;
            const over = values.filter((v) => v.col < h.col + h.colspan && h.col < v.col + v.colspan);
            const only = over.length === 1 ? (over[0] as SourceCell) : null;
            const sharedWith = only
              ? named.filter(
                  (o) => o.column && o.h !== h && only.col < o.h.col + o.h.colspan && o.h.col < only.col + only.colspan,
                )
              : [];
            if (only && sharedWith.length === 0) pairs.push({ column, cell: only, header: h.text });
            else if (over.length) {
              const path = `t2.${row.key}.${column.key}`;
              this.findings.push(this.ambiguousCell(path, t, over[0] as SourceCell, "span"));
            }
          }
        }
      } else if (values.length === row.columns.length) {
        row.columns.forEach((column, i) => {
          pairs.push({ column, cell: values[i] as SourceCell, header: column.label });
        });
        if (!orderNoted) {
          orderNoted = true;
          this.findings.push(
            finding(
              "table.unknownColumn",
              "warning",
              `表二“${row.caption}”没有列标题，已按统一格式的列顺序读取，请核对。`,
              `Table 二 "${row.caption}" has no column headers; read in the format's column order. Please check.`,
              { source: refOf(t, first) },
            ),
          );
        }
      }
      for (const { column, cell, header: h } of pairs) {
        const path = `t2.${row.key}.${column.key}`;
        const unit: MoneyUnit = /万元/.test(h) || (column.unit === "万元" && !/元/.test(cell.value)) ? "万元" : "元";
        const read = readCell(cell.value, column.type, unit);
        if (read.kind === "unreadable") {
          this.unreadable(path, cell, t, read);
          continue;
        }
        this.hit({
          path,
          read,
          text: cell.text,
          table: caption,
          rowLabel: first.text,
          columnLabel: h,
          ref: refOf(t, cell),
        });
      }
    }
  }
}

/** Read every template cell the tables hold, by their row and column labels. */
export function readTables(tables: readonly SourceTable[], edition: Edition): TableReading {
  const reader = new Reader(edition);
  for (const t of tables) reader.read(t);
  return { hits: reader.hits, findings: reader.findings, tables: reader.tables };
}
