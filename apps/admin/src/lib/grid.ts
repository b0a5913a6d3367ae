import type { CellValue, MoneyUnit } from "@gongkai/schema/meta";

export type CellKind = "count" | "signed" | "money";

/** Full-width digits and signs (as typed with a Chinese input method) to ASCII. */
function halfWidth(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, ".")
    .replace(/[，,\s\u00a0\u3000]/g, "")
    .replace(/[－−–—]/g, "-")
    .replace(/＋/g, "+");
}

export type Parsed = { ok: true; value: CellValue } | { ok: false; reason: "notNumber" | "negative" | "decimal" };

/**
 * What the user typed into a cell. Empty (or a dash, as reports print blanks) = not reported
 * (null), which is not 0. Counts are whole numbers ≥ 0; 2019's 本年增/减 may be negative; money is
 * an exact decimal string (never a float).
 */
export function parseCellInput(text: string, kind: CellKind, unit: MoneyUnit = "万元"): Parsed {
  const raw = text.trim();
  if (raw === "" || /^[-－—–―]+$/.test(raw)) return { ok: true, value: null };
  const s = halfWidth(raw);
  if (kind === "money") {
    if (!/^\d+(\.\d+)?$/.test(s)) return { ok: false, reason: s.startsWith("-") ? "negative" : "notNumber" };
    const [int = "0", frac] = s.split(".");
    const amount = `${String(BigInt(int))}${frac ? `.${frac.replace(/0+$/, "")}` : ""}`.replace(/\.$/, "");
    return { ok: true, value: { amount, unit } };
  }
  if (/^[+-]?\d+\.\d+$/.test(s)) return { ok: false, reason: "decimal" };
  if (!/^[+-]?\d+$/.test(s)) return { ok: false, reason: "notNumber" };
  const n = Number(s);
  if (!Number.isSafeInteger(n)) return { ok: false, reason: "notNumber" };
  if (n < 0 && kind !== "signed") return { ok: false, reason: "negative" };
  return { ok: true, value: n === 0 ? 0 : n };
}

/** A cell's value as the input shows it (no thousands separators: it is edited, not read). */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  return value.amount;
}

/**
 * Pastes from Excel or Word arrive as tab-separated lines. A trailing newline (Excel adds one) is
 * not an extra row.
 */
export function parseClipboardBlock(text: string): string[][] {
  const rows = text.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n");
  return rows.map((r) => r.split("\t"));
}

export type Direction = "up" | "down" | "left" | "right";

interface Placed {
  el: HTMLElement;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/**
 * Where each cell of a table sits in its grid, accounting for rowspan and colspan (the HTML table
 * model, without layout: it works in tests as in browsers).
 */
export function placeCells(table: HTMLTableElement): Placed[] {
  const taken: boolean[][] = [];
  const placed: Placed[] = [];
  const rows = Array.from(
    table.querySelectorAll<HTMLTableRowElement>(
      ":scope > thead > tr, :scope > tbody > tr, :scope > tfoot > tr, :scope > tr",
    ),
  );
  rows.forEach((tr, r) => {
    let c = 0;
    for (const cell of Array.from(tr.children) as HTMLTableCellElement[]) {
      while (taken[r]?.[c]) c++;
      const rowSpan = Math.max(1, Number(cell.getAttribute("rowspan") ?? 1) || 1);
      const colSpan = Math.max(1, Number(cell.getAttribute("colspan") ?? 1) || 1);
      for (let dr = 0; dr < rowSpan; dr++) {
        taken[r + dr] ??= [];
        for (let dc = 0; dc < colSpan; dc++) (taken[r + dr] as boolean[])[c + dc] = true;
      }
      placed.push({ el: cell, row: r, col: c, rowSpan, colSpan });
      c += colSpan;
    }
  });
  return placed;
}

const inputOf = (cell: HTMLElement) => cell.querySelector<HTMLInputElement>("input[data-cell-input]");

/**
 * The cell input one step away from `from` in a direction, like a spreadsheet: within the
 * table by grid position, and on to the next (or previous) table of the editor going down (up).
 */
export function neighbour(
  from: HTMLInputElement,
  dir: Direction,
  root: ParentNode = document,
  crossTables = true,
): HTMLInputElement | null {
  const table = from.closest("table");
  const td = from.closest("td");
  if (!table || !td) return null;
  const cells = placeCells(table).filter((p) => inputOf(p.el));
  const me = cells.find((p) => p.el === td);
  if (!me) return null;
  const overlapsCol = (p: Placed) => p.col <= me.col && me.col < p.col + p.colSpan;
  const overlapsRow = (p: Placed) => p.row <= me.row && me.row < p.row + p.rowSpan;
  let best: Placed | undefined;
  if (dir === "down")
    best = cells.filter((p) => p.row >= me.row + me.rowSpan && overlapsCol(p)).sort((a, b) => a.row - b.row)[0];
  if (dir === "up")
    best = cells.filter((p) => p.row + p.rowSpan <= me.row && overlapsCol(p)).sort((a, b) => b.row - a.row)[0];
  if (dir === "right")
    best = cells.filter((p) => p.col >= me.col + me.colSpan && overlapsRow(p)).sort((a, b) => a.col - b.col)[0];
  if (dir === "left")
    best = cells.filter((p) => p.col + p.colSpan <= me.col && overlapsRow(p)).sort((a, b) => b.col - a.col)[0];
  if (best) return inputOf(best.el);
  if ((dir !== "down" && dir !== "up") || !crossTables) return null;
  // Off the edge of this table: the next (previous) table of the editor, same column if it has one.
  const tables = Array.from(root.querySelectorAll<HTMLTableElement>("table[data-edit-grid]"));
  const at = tables.indexOf(table);
  const other = tables[dir === "down" ? at + 1 : at - 1];
  if (!other) return null;
  const theirs = placeCells(other).filter((p) => inputOf(p.el));
  if (theirs.length === 0) return null;
  const edgeRow = dir === "down" ? Math.min(...theirs.map((p) => p.row)) : Math.max(...theirs.map((p) => p.row));
  const row = theirs.filter((p) => p.row === edgeRow).sort((a, b) => a.col - b.col);
  const same =
    row.find((p) => p.col <= me.col && me.col < p.col + p.colSpan) ??
    row[
      Math.min(
        row.length - 1,
        Math.max(
          0,
          row.findIndex((p) => p.col >= me.col),
        ),
      )
    ] ??
    row[0];
  return same ? inputOf(same.el) : null;
}

/** The inputs a pasted block lands on: row i, column j from the focused cell (null off its table). */
export function blockTargets(
  start: HTMLInputElement,
  rows: number,
  cols: number,
  root: ParentNode = document,
): (HTMLInputElement | null)[][] {
  const out: (HTMLInputElement | null)[][] = [];
  let rowStart: HTMLInputElement | null = start;
  for (let i = 0; i < rows; i++) {
    const line: (HTMLInputElement | null)[] = [];
    let cell: HTMLInputElement | null = rowStart;
    for (let j = 0; j < cols; j++) {
      line.push(cell);
      cell = cell ? neighbour(cell, "right", root, false) : null;
    }
    out.push(line);
    rowStart = rowStart ? neighbour(rowStart, "down", root, false) : null;
  }
  return out;
}
