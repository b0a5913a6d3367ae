import { cellDef, tableCaptions } from "./catalog";
import type { Locale } from "./label";
import type { Report } from "./report";
import type { Finding } from "./rules/finding";
import { checkReport } from "./rules/validate";

export interface CliIo {
  readFile(path: string): string;
  out(text: string): void;
  err(text: string): void;
  /** Terminal width for the table; undefined when not a terminal. */
  columns?: number;
}

const USAGE = {
  zh: `用法: gongkai-validate <报告.json> [--previous 上年报告.json] [--lang zh|en] [--json] [--all]

  按全国统一格式（2019年版、2021年版）的25条规则检查一份政府信息公开工作年度报告。
  --previous  同一机关上一年度的报告，用于跨年规则（10、16、17、23）
  --lang      输出语言，默认 zh
  --json      以 JSON 输出全部发现
  --all       逐个列出空白单元格（默认按表合并）
退出码: 0 无错误（可有提示）; 1 有错误; 2 文件无法读取或结构不符`,
  en: `Usage: gongkai-validate <report.json> [--previous last-year.json] [--lang zh|en] [--json] [--all]

  Checks an annual report on government information disclosure against the 25 rules of the
  national format (2019 and 2021 editions).
  --previous  the same agency's report for the year before (cross-year rules 10, 16, 17, 23)
  --lang      output language, default zh
  --json      print every finding as JSON
  --all       list blank cells one by one (grouped per table by default)
Exit: 0 no errors (warnings allowed); 1 errors; 2 unreadable file or wrong shape`,
};

interface Args {
  file?: string;
  previous?: string;
  lang: Locale;
  json: boolean;
  all: boolean;
  help: boolean;
  problem?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { lang: "zh", json: false, all: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const value = () => {
      const v = argv[i + 1];
      i++;
      return v;
    };
    if (a === "--help" || a === "-h") args.help = true;
    else if (a === "--json") args.json = true;
    else if (a === "--all") args.all = true;
    else if (a === "--lang") {
      const v = value();
      if (v === "zh" || v === "en") args.lang = v;
      else args.problem = `--lang: "${v ?? ""}" (zh | en)`;
    } else if (a.startsWith("--lang=")) {
      const v = a.slice(7);
      if (v === "zh" || v === "en") args.lang = v;
      else args.problem = `--lang: "${v}" (zh | en)`;
    } else if (a === "--previous") {
      const v = value();
      if (v) args.previous = v;
      else args.problem = "--previous";
    } else if (a.startsWith("--previous=")) args.previous = a.slice(11);
    else if (a.startsWith("-")) args.problem = a;
    else if (args.file === undefined) args.file = a;
    else args.problem = a;
  }
  return args;
}

/** Display width in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      c >= 0x1100 &&
      (c <= 0x115f ||
        (c >= 0x2e80 && c <= 0xa4cf) ||
        (c >= 0xac00 && c <= 0xd7a3) ||
        (c >= 0xf900 && c <= 0xfaff) ||
        (c >= 0xfe30 && c <= 0xfe4f) ||
        (c >= 0xff00 && c <= 0xff60) ||
        (c >= 0xffe0 && c <= 0xffe6) ||
        c >= 0x20000)
        ? 2
        : 1;
  }
  return w;
}

function pad(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}

function wrap(s: string, width: number): string[] {
  if (width < 10 || displayWidth(s) <= width) return [s];
  const lines: string[] = [];
  let line = "";
  for (const ch of s) {
    if (displayWidth(line + ch) > width) {
      lines.push(line);
      line = "";
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

const T = {
  zh: {
    rule: "规则",
    severity: "级别",
    cell: "单元格",
    message: "说明",
    error: "错误",
    warning: "提示",
    none: "未发现问题。",
  },
  en: {
    rule: "Rule",
    severity: "Severity",
    cell: "Cell",
    message: "Message",
    error: "error",
    warning: "warning",
    none: "No findings.",
  },
};

function groupBlanks(findings: readonly Finding[], report: Report, lang: Locale): Finding[] {
  const out: Finding[] = [];
  const blanks = new Map<string, string[]>();
  for (const f of findings) {
    if (f.ruleId === "R06" && f.cells.length === 1) {
      const table = (f.cells[0] as string).slice(0, 2);
      blanks.set(table, [...(blanks.get(table) ?? []), f.cells[0] as string]);
    } else out.push(f);
  }
  for (const [table, cells] of blanks) {
    const caption = tableCaptions[table as "t2" | "t3" | "t4"];
    const first = cells.slice(0, 3).map((c) => {
      const def = cellDef(report.edition, c);
      return def ? `${def.rowLabel[lang]} · ${def.columnLabel[lang]}` : c;
    });
    out.push({
      ruleId: "R06",
      severity: "warning",
      message: {
        zh: `表“${caption.zh}”有 ${cells.length} 个空白单元格（按0计），如 ${first.join("；")}${cells.length > 3 ? " 等" : ""}。用 --all 逐个列出。`,
        en: `${cells.length} blank cells in “${caption.en}” (counted as 0), e.g. ${first.join("; ")}${cells.length > 3 ? " …" : ""}. Use --all to list them.`,
      },
      cells,
    });
  }
  return out;
}

function renderTable(findings: readonly Finding[], lang: Locale, columns: number | undefined): string {
  const t = T[lang];
  const rows = findings.map((f) => [
    f.ruleId,
    f.severity === "error" ? t.error : t.warning,
    f.cells.length === 0
      ? (f.section ?? f.fields?.[0] ?? "")
      : f.cells.length === 1
        ? (f.cells[0] as string)
        : `${f.cells[0]} +${f.cells.length - 1}`,
    f.message[lang],
  ]);
  const head = [t.rule, t.severity, t.cell, t.message];
  const widths = [0, 1, 2].map((i) =>
    Math.max(displayWidth(head[i] as string), ...rows.map((r) => displayWidth(r[i] as string))),
  );
  const fixed = widths.reduce((a, b) => a + b, 0) + 6;
  const messageWidth = columns ? Math.max(30, columns - fixed) : Number.POSITIVE_INFINITY;
  const line = (cells: string[]) => {
    const parts = wrap(cells[3] as string, messageWidth);
    return parts
      .map((p, i) =>
        i === 0
          ? `${pad(cells[0] as string, widths[0] as number)}  ${pad(cells[1] as string, widths[1] as number)}  ${pad(cells[2] as string, widths[2] as number)}  ${p}`
          : `${" ".repeat(fixed)}${p}`,
      )
      .join("\n");
  };
  const rule = "-".repeat(Math.min(columns ?? 100, fixed + 40));
  return [line(head), rule, ...rows.map(line)].join("\n");
}

function readJson(
  io: CliIo,
  path: string,
  lang: Locale,
): { ok: true; value: unknown } | { ok: false; message: string } {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    return {
      ok: false,
      message:
        lang === "zh"
          ? `无法读取文件 ${path}${code === "ENOENT" ? "：文件不存在" : code === "EISDIR" ? "：这是一个目录" : `（${code ?? "未知错误"}）`}`
          : `Cannot read ${path}${code === "ENOENT" ? ": no such file" : code === "EISDIR" ? ": it is a directory" : ` (${code ?? "unknown error"})`}`,
    };
  }
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, "")) };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      message: lang === "zh" ? `${path} 不是有效的 JSON：${detail}` : `${path} is not valid JSON: ${detail}`,
    };
  }
}

/** The validator command line; returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv);
  const lang = args.lang;
  if (args.help) {
    io.out(USAGE[lang]);
    return 0;
  }
  if (args.problem !== undefined || args.file === undefined) {
    io.err(
      `${args.problem !== undefined ? (lang === "zh" ? `无法识别的参数: ${args.problem}\n\n` : `Unknown argument: ${args.problem}\n\n`) : ""}${USAGE[lang]}`,
    );
    return 2;
  }
  const input = readJson(io, args.file, lang);
  if (!input.ok) {
    io.err(input.message);
    return 2;
  }
  let previous: Report | undefined;
  if (args.previous) {
    const prev = readJson(io, args.previous, lang);
    if (!prev.ok) {
      io.err(prev.message);
      return 2;
    }
    const checked = checkReport(prev.value);
    if (!checked.report) {
      io.err(
        [
          lang === "zh"
            ? `上年报告 ${args.previous} 的结构不符合格式：`
            : `The previous report ${args.previous} does not have the report's shape:`,
          ...checked.findings.map((f) => `  ${f.message[lang]}`),
        ].join("\n"),
      );
      return 2;
    }
    previous = checked.report;
  }
  const result = checkReport(input.value, { previous });
  if (!result.report) {
    if (args.json) {
      io.out(JSON.stringify({ file: args.file, valid: false, shapeErrors: result.findings }, null, 2));
    } else {
      io.err(
        [
          lang === "zh"
            ? `${args.file} 的结构不符合年度报告格式：`
            : `${args.file} does not have the shape of an annual report:`,
          ...result.findings.map((f) => `  ${f.message[lang]}`),
        ].join("\n"),
      );
    }
    return 2;
  }
  const report = result.report;
  const errors = result.findings.filter((f) => f.severity === "error").length;
  const warnings = result.findings.length - errors;
  if (args.json) {
    io.out(
      JSON.stringify(
        {
          file: args.file,
          agency: report.agency.name,
          year: report.year,
          edition: report.edition,
          valid: errors === 0,
          errors,
          warnings,
          findings: result.findings,
        },
        null,
        2,
      ),
    );
    return errors > 0 ? 1 : 0;
  }
  const title =
    lang === "zh"
      ? `${report.agency.name} ${report.year}年度政府信息公开工作年度报告（${report.edition}年版${report.layout === "legacy" ? "，格式前报告" : ""}）`
      : `${report.agency.name}, ${report.year} annual report (${report.edition} edition${report.layout === "legacy" ? ", pre-template" : ""})`;
  const shown = args.all ? result.findings : groupBlanks(result.findings, report, lang);
  io.out(title);
  io.out(shown.length ? renderTable(shown, lang, io.columns) : T[lang].none);
  io.out(
    lang === "zh" ? `\n共 ${errors} 个错误，${warnings} 个提示。` : `\n${errors} error(s), ${warnings} warning(s).`,
  );
  return errors > 0 ? 1 : 0;
}
