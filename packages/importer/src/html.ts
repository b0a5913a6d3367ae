import { type AnyNode, type Element, isTag, isText } from "domhandler";
import { parseDocument } from "htmlparser2";
import { cleanText, escapeHtml } from "./text";

/** One cell of a source table as written. */
export interface SourceCell {
  /** Text as shown (whitespace collapsed). */
  text: string;
  /** Text for reading a figure: without superscripts (footnote marks). */
  value: string;
  header: boolean;
  rowspan: number;
  colspan: number;
  /** Top-left slot in the table's grid (set when the grid is built). */
  row: number;
  col: number;
}

export interface SourceTable {
  /** Order of the table in the document (0-based): the id its cells carry in the sanitized source. */
  index: number;
  caption: string | null;
  rows: SourceCell[][];
  /** rows × columns; each slot points at the cell covering it (merged cells repeat), null where none. */
  grid: (SourceCell | null)[][];
  width: number;
}

export type Block = { kind: "text"; text: string } | { kind: "table"; table: SourceTable };

export interface ParsedDocument {
  blocks: Block[];
  /** The page's <title>. */
  title: string | null;
  /** Tables that held tables (layout tables): read as flow, their inner tables as tables. */
  nestedTables: number;
  /** Tables too large to be a report table (left out). */
  oversizedTables: number;
}

const SKIP = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "iframe",
  "object",
  "embed",
  "svg",
  "math",
  "select",
  "option",
  "textarea",
  "button",
  "input",
  "canvas",
  "video",
  "audio",
  "map",
]);
const BLOCK = new Set([
  "p",
  "div",
  "section",
  "article",
  "header",
  "footer",
  "main",
  "aside",
  "nav",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "dl",
  "dt",
  "dd",
  "blockquote",
  "pre",
  "hr",
  "address",
  "figure",
  "figcaption",
  "center",
  "form",
  "fieldset",
  "table",
  "tbody",
  "thead",
  "tfoot",
  "tr",
  "td",
  "th",
  "caption",
  "body",
  "html",
]);

/** Limits that keep a hostile table from costing memory: a report table is at most ~30 × 20. */
const MAX_SPAN_COLS = 60;
const MAX_SPAN_ROWS = 500;
const MAX_GRID_SLOTS = 40_000;
const MAX_TABLES = 400;

function hidden(el: Element): boolean {
  if (el.attribs.hidden !== undefined) return true;
  const style = el.attribs.style;
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

function children(node: AnyNode): AnyNode[] {
  return "children" in node ? (node.children as AnyNode[]) : [];
}

function containsTable(el: Element): boolean {
  const stack: AnyNode[] = [...children(el)];
  while (stack.length) {
    const n = stack.pop() as AnyNode;
    if (isTag(n)) {
      if (n.name === "table") return true;
      for (const c of children(n)) stack.push(c);
    }
  }
  return false;
}

/** Text of an element, blocks and <br> as spaces; `withSup` false drops superscripts (footnote marks). */
function textOf(el: Element, withSup: boolean): string {
  const parts: string[] = [];
  // A string on the stack is text to emit when reached (the space that closes a block).
  const stack: (AnyNode | string)[] = [el];
  while (stack.length) {
    const n = stack.pop() as AnyNode | string;
    if (typeof n === "string") {
      parts.push(n);
      continue;
    }
    if (isText(n)) {
      parts.push(n.data);
      continue;
    }
    if (!isTag(n)) continue;
    if (SKIP.has(n.name) || hidden(n)) continue;
    if (!withSup && n.name === "sup") continue;
    const block = n !== el && (n.name === "br" || BLOCK.has(n.name));
    if (block) {
      parts.push(" ");
      stack.push(" ");
    }
    const kids = children(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as AnyNode);
  }
  return cleanText(parts.join(""));
}

function spanOf(value: string | undefined, fallback: number): number {
  if (value === undefined) return 1;
  const n = Number.parseInt(value, 10);
  if (!Number.isFinite(n)) return 1;
  if (n === 0) return fallback;
  return Math.max(1, n);
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const stack: AnyNode[] = [...children(table)].reverse();
  while (stack.length) {
    const n = stack.pop() as AnyNode;
    if (!isTag(n) || SKIP.has(n.name) || hidden(n)) continue;
    if (n.name === "tr") {
      rows.push(n);
      continue;
    }
    if (n.name === "table") continue;
    const kids = children(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as AnyNode);
  }
  return rows;
}

function cellsOf(tr: Element): Element[] {
  const cells: Element[] = [];
  const stack: AnyNode[] = [...children(tr)].reverse();
  while (stack.length) {
    const n = stack.pop() as AnyNode;
    if (!isTag(n) || SKIP.has(n.name)) continue;
    if (n.name === "td" || n.name === "th") {
      if (!hidden(n)) cells.push(n);
      continue;
    }
    if (n.name === "tr" || n.name === "table") continue;
    const kids = children(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as AnyNode);
  }
  return cells;
}

/** Lay the rows out on a grid, honouring rowspan and colspan (clamped). Null if the table is absurdly large. */
export function buildGrid(rows: SourceCell[][]): { grid: (SourceCell | null)[][]; width: number } | null {
  const grid: (SourceCell | null)[][] = rows.map(() => []);
  let slots = 0;
  let width = 0;
  for (let r = 0; r < rows.length; r++) {
    const line = grid[r] as (SourceCell | null)[];
    let c = 0;
    for (const cell of rows[r] as SourceCell[]) {
      while (line[c]) c++;
      const cs = Math.min(cell.colspan, MAX_SPAN_COLS);
      const rs = Math.min(cell.rowspan, MAX_SPAN_ROWS, rows.length - r);
      cell.row = r;
      cell.col = c;
      cell.colspan = cs;
      cell.rowspan = rs;
      slots += cs * rs;
      if (slots > MAX_GRID_SLOTS) return null;
      for (let dr = 0; dr < rs; dr++) {
        const target = grid[r + dr] as (SourceCell | null)[];
        for (let dc = 0; dc < cs; dc++) target[c + dc] = cell;
      }
      c += cs;
    }
  }
  for (const line of grid) width = Math.max(width, line.length);
  for (const line of grid) for (let c = 0; c < width; c++) if (line[c] === undefined) line[c] = null;
  return { grid, width };
}

function readTable(el: Element, index: number): SourceTable | null {
  const trs = rowsOf(el);
  if (trs.length > MAX_SPAN_ROWS * 4) return null;
  const rows: SourceCell[][] = trs.map((tr) =>
    cellsOf(tr).map((td) => ({
      text: textOf(td, true),
      value: textOf(td, false),
      header: td.name === "th",
      rowspan: spanOf(td.attribs.rowspan, trs.length),
      colspan: spanOf(td.attribs.colspan, 1),
      row: 0,
      col: 0,
    })),
  );
  const built = buildGrid(rows);
  if (!built) return null;
  let caption: string | null = null;
  for (const c of children(el)) if (isTag(c) && c.name === "caption") caption = textOf(c, true) || null;
  return { index, caption, rows, grid: built.grid, width: built.width };
}

const SELF_CLOSING = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
  "p",
  "li",
  "td",
  "th",
  "tr",
  "option",
  "dt",
  "dd",
]);

/**
 * How deep the markup nests, by a linear scan of its tags (elements the parser closes by itself do
 * not count). htmlparser2 slows down more than linearly on tens of thousands of nested elements; no
 * report page nests more than a few hundred deep.
 */
export function nestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*?(\/?)>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const name = (m[2] as string).toLowerCase();
    if (SELF_CLOSING.has(name) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

export const MAX_NESTING = 3000;

/** The document as blocks in reading order: lines of text and leaf tables. Iterative: deep nesting cannot overflow the stack. */
export function parseHtml(html: string): ParsedDocument {
  const doc = parseDocument(html, { decodeEntities: true });
  const blocks: Block[] = [];
  let title: string | null = null;
  let nestedTables = 0;
  let oversizedTables = 0;
  let tableCount = 0;
  let line: string[] = [];
  const flush = () => {
    if (line.length === 0) return;
    const text = cleanText(line.join(""));
    line = [];
    if (text) blocks.push({ kind: "text", text });
  };
  type Item = { node: AnyNode; exit: boolean };
  const stack: Item[] = [...doc.children].reverse().map((node) => ({ node, exit: false }));
  while (stack.length) {
    const { node, exit } = stack.pop() as Item;
    if (exit) {
      flush();
      continue;
    }
    if (isText(node)) {
      line.push(node.data);
      continue;
    }
    if (!isTag(node)) continue;
    const name = node.name;
    if (name === "title" && title === null) {
      title = textOf(node, true) || null;
      continue;
    }
    if (name === "head") {
      for (const c of children(node))
        if (isTag(c) && c.name === "title" && title === null) title = textOf(c, true) || null;
      continue;
    }
    if (SKIP.has(name) || hidden(node)) continue;
    if (name === "br") {
      flush();
      continue;
    }
    if (name === "table") {
      flush();
      if (containsTable(node)) {
        nestedTables++;
      } else {
        if (tableCount >= MAX_TABLES) {
          oversizedTables++;
          continue;
        }
        const table = readTable(node, tableCount);
        if (table) {
          tableCount++;
          blocks.push({ kind: "table", table });
        } else oversizedTables++;
        continue;
      }
    }
    const block = BLOCK.has(name);
    if (block) {
      flush();
      stack.push({ node, exit: true });
    }
    const kids = children(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i] as AnyNode, exit: false });
  }
  flush();
  return { blocks, title, nestedTables, oversizedTables };
}

/** Plain text as blocks: one per non-empty line. */
export function textBlocks(text: string): Block[] {
  const out: Block[] = [];
  for (const raw of text.split(/\r\n|\r|\n|\u2028|\u2029/)) {
    const t = cleanText(raw.replace(/^[\s•·●◆■□▪*-]+(?=\S)/u, (m) => (/[•·●◆■□▪]/u.test(m) ? "" : m)));
    if (t) out.push({ kind: "text", text: t });
  }
  return out;
}

const MAX_SOURCE_HTML = 4 * 1024 * 1024;

/**
 * The source for side-by-side display, built from the parsed blocks (never from the input markup):
 * paragraphs and tables with their merged cells, text escaped, no attributes but rowspan/colspan and
 * the ids provenance refs point at. Nothing executable can survive.
 */
export function sanitizedSource(blocks: readonly Block[]): string {
  const out: string[] = [];
  let size = 0;
  for (const b of blocks) {
    let piece: string;
    if (b.kind === "text") piece = `<p>${escapeHtml(b.text)}</p>`;
    else {
      const t = b.table;
      const rows = t.rows.map(
        (cells) =>
          `<tr>${cells
            .map((c) => {
              const tag = c.header ? "th" : "td";
              const spans = `${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ""}${c.colspan > 1 ? ` colspan="${c.colspan}"` : ""}`;
              return `<${tag} id="src-${t.index}-${c.row}-${c.col}"${spans}>${escapeHtml(c.text)}</${tag}>`;
            })
            .join("")}</tr>`,
      );
      const caption = t.caption ? `<caption>${escapeHtml(t.caption)}</caption>` : "";
      piece = `<table id="src-${t.index}" data-table="${t.index}">${caption}<tbody>${rows.join("")}</tbody></table>`;
    }
    size += piece.length;
    if (size > MAX_SOURCE_HTML) {
      out.push("<p>…</p>");
      break;
    }
    out.push(piece);
  }
  return out.join("\n");
}
