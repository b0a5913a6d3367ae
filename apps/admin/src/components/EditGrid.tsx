import type { Finding, Report } from "@gongkai/schema";
import { type CellValue, cellDef, cellName, type MoneyUnit } from "@gongkai/schema/meta";
import { type CellMarks, type CellRender, Table2, Table3, Table4, useI18n } from "@gongkai/ui";
import {
  type KeyboardEvent,
  type ClipboardEvent as ReactClipboardEvent,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { blockTargets, cellText, type Direction, neighbour, parseCellInput, parseClipboardBlock } from "../lib/grid";

export interface GridProps {
  report: Report;
  table: "t2" | "t3" | "t4";
  /** Live findings: each marks its cells. */
  findings: readonly Finding[];
  /** Cells of the finding or comment the user chose. */
  highlight: ReadonlySet<string>;
  /** Cells filled from last year's report (上年结转). */
  prefilled: ReadonlySet<string>;
  /** Open comments per cell. */
  comments: ReadonlyMap<string, number>;
  readOnly: boolean;
  onChange(changes: readonly (readonly [string, CellValue])[], label: string): void;
  onFocusCell(path: string): void;
  /** A pasted block had values that are not numbers: how many, and where the first one was. */
  onPasteProblems(count: number): void;
}

const moveKeys: Record<string, Direction> = {
  ArrowUp: "up",
  ArrowDown: "down",
  ArrowLeft: "left",
  ArrowRight: "right",
};

const same = (a: CellValue | undefined, b: CellValue | undefined) =>
  (a ?? null) === (b ?? null) ||
  (typeof a === "object" &&
    a !== null &&
    typeof b === "object" &&
    b !== null &&
    a.amount === b.amount &&
    a.unit === b.unit);

/** Focus an input and select its text, so that typing replaces it (as in a spreadsheet). */
export function focusCellInput(input: HTMLInputElement | null) {
  if (!input) return;
  input.focus();
  input.select();
}

function EditCellImpl({ cell, props }: { cell: CellRender; props: GridProps }) {
  const { t, locale } = useI18n();
  const def = cellDef(cell.edition, cell.path);
  const kind = def?.type ?? "count";
  const unit: MoneyUnit = typeof cell.value === "object" && cell.value ? cell.value.unit : "万元";
  const [text, setText] = useState(cellText(cell.value));
  const [problem, setProblem] = useState<string | null>(null);
  // Someone else changed the value (undo, paste, compute totals, a reload): show it.
  useEffect(() => {
    setText((current) => {
      const parsed = parseCellInput(current, kind, unit);
      return parsed.ok && same(parsed.value, cell.value) ? current : cellText(cell.value);
    });
    setProblem(null);
  }, [cell.value, kind, unit]);
  const name = def ? cellName(def, locale) : cell.path;
  const messages = props.findings.filter((f) => f.cells.includes(cell.path)).map((f) => f.message[locale]);
  const prefilled = props.prefilled.has(cell.path);
  const commentCount = props.comments.get(cell.path) ?? 0;
  const describedBy: string[] = [];
  const idBase = `cell-${cell.path.replace(/\./g, "-")}`;
  if (messages.length) describedBy.push(`${idBase}-findings`);
  if (problem) describedBy.push(`${idBase}-problem`);
  if (prefilled) describedBy.push(`${idBase}-prefilled`);
  if (commentCount) describedBy.push(`${idBase}-comments`);

  const commit = (next: string) => {
    setText(next);
    const parsed = parseCellInput(next, kind, unit);
    if (!parsed.ok) {
      setProblem(t(`cell.problem.${parsed.reason}`));
      return;
    }
    setProblem(null);
    if (!same(parsed.value, cell.value)) props.onChange([[cell.path, parsed.value]], name);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const dir = moveKeys[e.key];
    if (dir && !e.altKey && !e.ctrlKey && !e.metaKey) {
      // Left/right move between cells unless the caret is inside the text being typed.
      const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
      const atEnd = input.selectionStart === input.value.length;
      const all = input.selectionStart === 0 && input.selectionEnd === input.value.length;
      if ((dir === "left" && !(atStart || all)) || (dir === "right" && !(atEnd || all))) return;
      const next = neighbour(input, dir);
      if (next) {
        e.preventDefault();
        focusCellInput(next);
      }
      return;
    }
    if (e.key === "Enter") {
      e.preventDefault();
      focusCellInput(neighbour(input, e.shiftKey ? "up" : "down"));
      return;
    }
    if (e.key === "Escape") {
      setText(cellText(cell.value));
      setProblem(null);
    }
  };

  const onPaste = (e: ReactClipboardEvent<HTMLInputElement>) => {
    const data = e.clipboardData.getData("text/plain");
    if (!data.includes("\t") && !data.includes("\n")) return; // one value: the input takes it
    e.preventDefault();
    if (props.readOnly) return;
    const block = parseClipboardBlock(data);
    const targets = blockTargets(e.currentTarget, block.length, Math.max(...block.map((r) => r.length)));
    const changes: [string, CellValue][] = [];
    let problems = 0;
    for (const [i, row] of block.entries()) {
      for (const [j, value] of row.entries()) {
        const target = targets[i]?.[j];
        const path = target?.dataset.path;
        if (!target || !path) continue;
        const targetDef = cellDef(cell.edition, path);
        const parsed = parseCellInput(value, targetDef?.type ?? "count");
        if (parsed.ok) changes.push([path, parsed.value]);
        else problems++;
      }
    }
    if (changes.length) props.onChange(changes, t("grid.pasted", { n: changes.length }));
    if (problems) props.onPasteProblems(problems);
  };

  const classes = [
    "gk-cell",
    "edit-cell",
    cell.flag ? `gk-flag-${cell.flag}` : "",
    cell.highlighted ? "gk-highlight" : "",
    prefilled ? "is-prefilled" : "",
    problem ? "has-problem" : "",
    commentCount ? "has-comments" : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <td headers={cell.headers} className={classes} data-cell={cell.path}>
      <input
        data-cell-input=""
        data-path={cell.path}
        aria-label={name}
        aria-invalid={problem || cell.flag === "error" ? true : undefined}
        aria-describedby={describedBy.join(" ") || undefined}
        readOnly={props.readOnly}
        inputMode={kind === "money" ? "decimal" : kind === "signed" ? "text" : "numeric"}
        autoComplete="off"
        spellCheck={false}
        value={text}
        placeholder="—"
        title={[name, ...messages, problem ?? ""].filter(Boolean).join("\n")}
        onChange={(e) => commit(e.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onFocus={(e) => {
          e.currentTarget.select();
          props.onFocusCell(cell.path);
        }}
      />
      {kind === "money" && <span className="edit-unit">{unit}</span>}
      {prefilled && (
        <span className="edit-badge" id={`${idBase}-prefilled`} title={t("cell.prefilled")}>
          {t("cell.prefilledShort")}
          <span className="gk-sr-only">{t("cell.prefilled")}</span>
        </span>
      )}
      {commentCount > 0 && (
        <span className="edit-comments" id={`${idBase}-comments`} title={t("cell.comments", { n: commentCount })}>
          {commentCount}
          <span className="gk-sr-only">{t("cell.comments", { n: commentCount })}</span>
        </span>
      )}
      {messages.length > 0 && (
        <span id={`${idBase}-findings`} className="gk-sr-only">
          {messages.join(" ")}
        </span>
      )}
      {problem && (
        <span id={`${idBase}-problem`} className="edit-problem" role="alert">
          {problem}
        </span>
      )}
    </td>
  );
}
const EditCell = EditCellImpl;

/** One table of the report in the official layout, with an input in every data cell. */
export function EditGrid(props: GridProps) {
  const ref = useRef<HTMLDivElement>(null);
  const flagged = useMemo(() => {
    const m = new Map<string, "error" | "warning">();
    for (const f of props.findings) for (const c of f.cells) if (m.get(c) !== "error") m.set(c, f.severity);
    return m;
  }, [props.findings]);
  const marks: CellMarks = {
    flagged,
    highlight: props.highlight,
    footnotes: new Map(),
    idPrefix: "ed-",
    renderCell: (cell) => <EditCell key={cell.path} cell={cell} props={props} />,
  };
  // Mark the tables so that keyboard moves can go on from one table to the next.
  useEffect(() => {
    for (const table of ref.current?.querySelectorAll("table") ?? []) table.setAttribute("data-edit-grid", "");
  });
  const Table = props.table === "t2" ? Table2 : props.table === "t3" ? Table3 : Table4;
  return (
    <div ref={ref} className="edit-grid">
      <Table report={props.report} marks={marks} />
    </div>
  );
}
