import {
  type AgencyRef,
  type CellProvenance,
  cellDefs,
  cellName,
  type Edition,
  editionForYear,
  emptyReport,
  type Finding,
  type ImportDetected,
  type ImportFinding,
  type ImportStats,
  officialHeadings,
  type Report,
  ReportSchema,
  type SectionKey,
  type Sections,
  sectionKeys,
  setCell,
  type TableId,
  type ValidateOptions,
  validateReport,
} from "@gongkai/schema";
import { docxToHtml } from "./docx";
import { finding, tableNames } from "./findings";
import { type Block, MAX_NESTING, nestingDepth, parseHtml, sanitizedSource, textBlocks } from "./html";
import { type Decoded, decodeInput, type ImportInput } from "./input";
import { reasonText } from "./numbers";
import { applicationsReceived, extraMetrics } from "./prose";
import { outline } from "./sections";
import { editionVotes, type Hit, readTables } from "./tables";
import { clip } from "./text";
import { readTextTables } from "./texttables";

export interface ImportOptions {
  /** The agency the report belongs to, when known (the draft gets it; else a placeholder with the detected name). */
  agency?: AgencyRef;
  /** The report year, overriding what the document says. */
  year?: number;
  /** Largest input read (bytes). Default: IMPORT_MAX_BYTES (10 MB). */
  maxBytes?: number;
  /** Passed to validateReport (e.g. `previous`). */
  validate?: ValidateOptions;
}

export interface ImportResult {
  /** The draft report, or null when nothing report-like could be read (see importFindings). */
  draft: Report | null;
  detected: ImportDetected;
  /** Where each cell located in the source came from (filled cells, and blank ones with `blank: true`). */
  provenance: CellProvenance[];
  /** What could not be read, or was read with doubt. */
  importFindings: ImportFinding[];
  /** validateReport of the draft. */
  findings: Finding[];
  stats: ImportStats;
  /** The source for side-by-side display: sanitized HTML. */
  source: { kind: "html" | "text"; html: string };
}

/** The agency a draft carries until the caller knows the real one. */
export function placeholderAgency(name: string | null): AgencyRef {
  return {
    id: "unmatched-agency",
    name: name ?? "未识别的机关",
    regionCode: "000000",
    level: "provincial",
    kind: "department",
  };
}

function emptyDetected(format: ImportDetected["format"]): ImportDetected {
  return {
    format,
    title: null,
    agencyName: null,
    year: null,
    edition: null,
    editionFrom: "default",
    layout: "legacy",
    publicationDate: null,
    sections: [],
    tables: [],
  };
}

function failed(
  format: ImportDetected["format"],
  findings: ImportFinding[],
  source: ImportResult["source"] = { kind: "text", html: "" },
): ImportResult {
  return {
    draft: null,
    detected: emptyDetected(format),
    provenance: [],
    importFindings: findings,
    findings: [],
    stats: { cellsTotal: 0, cellsRead: 0, cellsBlank: 0, cellsNull: 0 },
    source,
  };
}

const sameValue = (a: Hit, b: Hit) => JSON.stringify(a.read) === JSON.stringify(b.read);

interface Assembled {
  values: Map<string, Hit>;
  findings: ImportFinding[];
}

/** One reading per cell: readings that agree are one; readings that disagree leave the cell null. */
function assemble(hits: readonly Hit[], edition: Edition): Assembled {
  const byPath = new Map<string, Hit[]>();
  for (const h of hits) {
    const list = byPath.get(h.path);
    if (list) list.push(h);
    else byPath.set(h.path, [h]);
  }
  const defs = new Map(cellDefs(edition).map((d) => [d.path as string, d]));
  const values = new Map<string, Hit>();
  const findings: ImportFinding[] = [];
  for (const [path, list] of byPath) {
    const def = defs.get(path);
    if (!def) continue;
    const readable = list.filter((h) => h.read.kind !== "unreadable");
    for (const h of list) {
      if (h.read.kind !== "unreadable") continue;
      const why = reasonText[h.read.reason];
      findings.push(
        finding(
          h.read.reason === "severalNumbers" ? "cell.flattened" : "cell.unreadable",
          "warning",
          `${cellName(def, "zh")}：“${clip(h.text, 40)}”${why.zh}，未读取，留空。`,
          `${cellName(def, "en")}: "${clip(h.text, 40)}" is ${why.en}; not read, left empty.`,
          { cells: [path], text: h.text, ...(h.ref ? { source: h.ref } : {}) },
        ),
      );
    }
    const first = readable[0];
    if (!first) continue;
    const other = readable.find((h) => !sameValue(h, first));
    if (other) {
      findings.push(
        finding(
          "cell.conflict",
          "warning",
          `${cellName(def, "zh")}在文件中出现两次且不一致（“${clip(first.text, 20)}”与“${clip(other.text, 20)}”），留空。`,
          `${cellName(def, "en")} appears twice in the file with different values ("${clip(first.text, 20)}" and "${clip(other.text, 20)}"); left empty.`,
          { cells: [path], text: `${first.text} / ${other.text}`, ...(first.ref ? { source: first.ref } : {}) },
        ),
      );
      continue;
    }
    values.set(path, first);
  }
  return { values, findings };
}

/** Findings for cells no table gave: a whole table, or row by row. */
function missingFindings(
  edition: Edition,
  values: ReadonlyMap<string, Hit>,
  recognised: ReadonlySet<TableId>,
  skip: ReadonlySet<string>,
): ImportFinding[] {
  const out: ImportFinding[] = [];
  const defs = cellDefs(edition);
  for (const table of ["t2", "t3", "t4"] as const) {
    const cells = defs.filter((d) => d.table === table);
    const missing = cells.filter((d) => !values.has(d.path) && !skip.has(d.path));
    if (missing.length === 0) continue;
    if (!recognised.has(table)) {
      out.push(
        finding(
          "table.missing",
          "warning",
          `文件中没有找到${tableNames[table].zh}，其${missing.length}个数字留空。`,
          `No ${tableNames[table].en} was found in the file; its ${missing.length} cells are left empty.`,
          { cells: missing.map((d) => d.path) },
        ),
      );
      continue;
    }
    const byRow = new Map<string, typeof missing>();
    for (const d of missing) byRow.set(d.rowKey, [...(byRow.get(d.rowKey) ?? []), d]);
    for (const list of byRow.values()) {
      const d = list[0] as (typeof missing)[number];
      const whole = list.length === cells.filter((c) => c.rowKey === d.rowKey).length;
      out.push(
        finding(
          "cell.missing",
          "warning",
          whole
            ? `${tableNames[table].zh}中没有找到“${d.rowLabel.zh}”一行，留空。`
            : `${tableNames[table].zh}“${d.rowLabel.zh}”一行中没有找到：${list.map((x) => x.columnLabel.zh).join("、")}，留空。`,
          whole
            ? `Row "${d.rowLabel.zh}" (${d.rowLabel.en}) was not found in ${tableNames[table].en}; left empty.`
            : `In ${tableNames[table].en}, row "${d.rowLabel.zh}" lacks: ${list.map((x) => x.columnLabel.en).join(", ")}; left empty.`,
          { cells: list.map((x) => x.path) },
        ),
      );
    }
  }
  return out;
}

function analyse(
  format: NonNullable<ImportDetected["format"]>,
  blocks: Block[],
  docTitle: string | null,
  early: ImportFinding[],
  options: ImportOptions,
): ImportResult {
  const findings = [...early];
  const source: ImportResult["source"] = { kind: format === "text" ? "text" : "html", html: sanitizedSource(blocks) };
  const o = outline(blocks, docTitle);
  findings.push(...o.findings);
  const year = options.year ?? o.year;
  // The edition: what the tables' labels say, else what the year requires.
  const votes = editionVotes(o.tables);
  const labelled: Edition | null = votes[2021] > votes[2019] ? 2021 : votes[2019] > votes[2021] ? 2019 : null;
  const byYear = year !== null ? editionForYear(year) : null;
  const edition: Edition = labelled ?? byYear ?? 2019;
  const editionFrom: ImportDetected["editionFrom"] = labelled ? "labels" : byYear ? "year" : "default";
  if (labelled && byYear && labelled !== byYear) {
    findings.push(
      finding(
        "meta.edition",
        "warning",
        `表格使用${labelled}年版格式的栏目，但${year}年度报告应使用${byYear}年版；按表格的${labelled}年版读取。`,
        `The tables use the ${labelled} edition's labels, but a ${year} report belongs in the ${byYear} edition; read as the ${labelled} edition, as its tables are.`,
      ),
    );
  }
  if (votes[2019] > 0 && votes[2021] > 0) {
    findings.push(
      finding(
        "meta.edition",
        "info",
        `表格中既有2019年版（${votes[2019]}处）也有2021年版（${votes[2021]}处）的栏目名称，按${edition}年版读取。`,
        `The tables carry labels of both the 2019 (${votes[2019]}) and the 2021 edition (${votes[2021]}); read as the ${edition} edition.`,
      ),
    );
  }
  const reading = readTables(o.tables, edition);
  findings.push(...reading.findings);
  const recognised = new Set(reading.tables);
  const hits = [...reading.hits];
  if (recognised.size < 3) {
    const lines: { text: string; section: string | null }[] = [];
    for (const [key, s] of Object.entries(o.sections))
      for (const text of s?.lines ?? []) lines.push({ text, section: key });
    const fromText = readTextTables(lines, edition, recognised);
    findings.push(...fromText.findings);
    hits.push(...fromText.hits);
    for (const t of fromText.tables) recognised.add(t);
  }
  const assembled = assemble(hits, edition);
  findings.push(...assembled.findings);
  const sectionTexts: Partial<Record<SectionKey, string | null>> = {};
  for (const key of sectionKeys) {
    const lines = o.sections[key]?.lines ?? [];
    sectionTexts[key] = lines.length ? lines.join("\n") : null;
  }
  // A report without table 三 may still say how many applications it received.
  const provenance: CellProvenance[] = [];
  const skipQuotes = new Set<string>();
  if (!recognised.has("t3")) {
    const where: SectionKey = sectionTexts.requests ? "requests" : "overview";
    const stated = sectionTexts[where] ? applicationsReceived(sectionTexts[where] as string) : null;
    if (stated && !assembled.values.has("t3.newReceived.total")) {
      assembled.values.set("t3.newReceived.total", {
        path: "t3.newReceived.total",
        read: { kind: "value", value: stated.value },
        text: stated.quote,
        table: null,
        rowLabel: "一、本年新收政府信息公开申请数量",
        columnLabel: "总计",
        ref: null,
        via: "text",
      });
      skipQuotes.add(`${stated.value}|件|${where}`);
      findings.push(
        finding(
          "cell.fromText",
          "warning",
          `报告没有表三；“本年新收政府信息公开申请数量·总计”取自正文“${clip(stated.quote, 40)}”。请核对其中是否含上年结转的申请。`,
          `The report has no table 三; "New applications received this year · Total" was taken from the text "${clip(stated.quote, 40)}". Check whether it includes applications carried over from last year.`,
          { cells: ["t3.newReceived.total"], section: where, text: stated.quote },
        ),
      );
    }
  }
  const tablesFound = [...recognised].sort() as TableId[];
  const sectionsFound = sectionKeys.filter((k) => o.sections[k]);
  const looksLikeReport =
    tablesFound.length > 0 ||
    sectionsFound.length >= 3 ||
    (sectionsFound.length >= 1 && /信息公开/.test(o.title ?? ""));
  const detected: ImportDetected = {
    format,
    title: o.title,
    agencyName: o.agencyName,
    year,
    edition: looksLikeReport ? edition : null,
    editionFrom,
    layout: tablesFound.length ? "template" : "legacy",
    publicationDate: o.publicationDate,
    sections: sectionsFound,
    tables: tablesFound,
  };
  if (!looksLikeReport) {
    const hasTables = blocks.some((b) => b.kind === "table");
    findings.push(
      finding(
        "input.notReport",
        "error",
        hasTables
          ? "文件中的表格和标题都不像政府信息公开工作年度报告（没有找到一、二、三……各部分的标题，也没有认出表二、表三、表四），未生成草稿。"
          : "文件不像政府信息公开工作年度报告：没有找到一、二、三……各部分的标题，也没有表格，未生成草稿。",
        hasTables
          ? "Neither the tables nor the headings look like an annual report on government information disclosure (no sections 一, 二, 三 … and none of tables 二, 三, 四); no draft."
          : "The file does not look like an annual report on government information disclosure: no sections 一, 二, 三 … and no tables; no draft.",
      ),
    );
    return { ...failed(format, findings, source), detected };
  }
  if (format !== "text" && !blocks.some((b) => b.kind === "table")) {
    findings.push(
      finding(
        "html.noTables",
        "warning",
        "网页中没有表格：表二、表三、表四的数字只能留空（或从文字中读取）。",
        "The page has no tables: the cells of tables 二, 三 and 四 stay empty (or are read from the text).",
      ),
    );
  }
  for (const key of sectionKeys) {
    if (o.sections[key]) continue;
    findings.push(
      finding(
        "section.missing",
        detected.layout === "legacy" && key === "other" ? "info" : "warning",
        `没有找到“${officialHeadings[key].zh}”部分。`,
        `Section "${officialHeadings[key].zh}" (${officialHeadings[key].en}) was not found.`,
        { section: key },
      ),
    );
  }
  if (!o.agencyName && !options.agency) {
    findings.push(
      finding(
        "meta.agency",
        "warning",
        "没有从标题中识别出机关名称，请指定机关。",
        "The agency's name was not found in the title; choose the agency.",
      ),
    );
  }
  if (year === null) {
    findings.push(
      finding(
        "meta.year",
        "warning",
        `没有识别出报告年度，草稿暂按${edition}年处理，请填写年度。`,
        `The report year was not found; the draft uses ${edition} for now. Set the year.`,
      ),
    );
  }
  const agency = options.agency ?? placeholderAgency(o.agencyName);
  let draft: Report = emptyReport({ agency, year: year ?? edition, edition });
  for (const [path, hit] of assembled.values) {
    if (hit.read.kind === "value") draft = setCell(draft, path, hit.read.value);
    provenance.push({
      cell: path,
      via: hit.via,
      table: hit.table,
      rowLabel: hit.rowLabel,
      columnLabel: hit.columnLabel,
      text: hit.text,
      blank: hit.read.kind === "blank",
      ref: hit.ref,
      ...(hit.via === "text" && hit.ref === null && hit.path === "t3.newReceived.total"
        ? { section: sectionTexts.requests ? ("requests" as const) : ("overview" as const) }
        : {}),
    });
  }
  const order = new Map(cellDefs(edition).map((d, i) => [d.path as string, i]));
  provenance.sort((a, b) => (order.get(a.cell) ?? 0) - (order.get(b.cell) ?? 0));
  findings.push(...missingFindings(edition, assembled.values, recognised, new Set()));
  const sections = Object.fromEntries(
    sectionKeys.map((k) => {
      const s = o.sections[k];
      return [k, { heading: s && !s.official ? s.heading : null, text: sectionTexts[k] ?? null }];
    }),
  ) as Sections;
  draft = {
    ...draft,
    layout: detected.layout,
    title: o.title,
    preamble: o.preamble,
    sections,
    closing: o.closing,
    publicationDate: o.publicationDate,
    extraMetrics: extraMetrics(sectionTexts, skipQuotes),
  };
  draft = ReportSchema.parse(draft);
  const cellsTotal = cellDefs(edition).length;
  const cellsRead = [...assembled.values.values()].filter((h) => h.read.kind === "value").length;
  const cellsBlank = assembled.values.size - cellsRead;
  return {
    draft,
    detected,
    provenance,
    importFindings: findings,
    findings: validateReport(draft, options.validate),
    stats: { cellsTotal, cellsRead, cellsBlank, cellsNull: cellsTotal - cellsRead },
    source,
  };
}

function fromDecoded(decoded: Exclude<Decoded, { format: "docx" }>, options: ImportOptions): ImportResult {
  if (decoded.format === null) return failed(null, decoded.findings);
  if (decoded.format === "text") return analyse("text", textBlocks(decoded.text), null, decoded.findings, options);
  return fromHtml(decoded.format, decoded.html, decoded.findings, options);
}

function fromHtml(
  format: "html" | "script" | "docx",
  html: string,
  early: ImportFinding[],
  options: ImportOptions,
): ImportResult {
  const depth = nestingDepth(html);
  if (depth > MAX_NESTING) {
    return failed(format, [
      ...early,
      finding(
        "input.unsupported",
        "error",
        `网页标签嵌套达${depth}层（正常网页不超过几百层），不像年度报告网页，未读取。`,
        `The markup nests ${depth} levels deep (real pages stay within a few hundred): not a report page; not read.`,
      ),
    ]);
  }
  const doc = parseHtml(html);
  const findings = [...early];
  if (doc.nestedTables > 0) {
    findings.push(
      finding(
        "html.nestedTables",
        "info",
        `网页中有${doc.nestedTables}个表格套着表格（版面表格），只读取了最内层的表格。`,
        `The page has ${doc.nestedTables} table(s) holding other tables (layout tables); only the innermost tables were read.`,
      ),
    );
  }
  if (doc.oversizedTables > 0) {
    findings.push(
      finding(
        "html.tableTooLarge",
        "warning",
        `有${doc.oversizedTables}个表格过大（行列数远超年度报告表格），未读取。`,
        `${doc.oversizedTables} table(s) are far larger than any report table; not read.`,
      ),
    );
  }
  return analyse(format, doc.blocks, doc.title, findings, options);
}

/** Guard: whatever the input, a result with findings — never an exception. */
function guarded(format: ImportDetected["format"], run: () => ImportResult): ImportResult {
  try {
    return run();
  } catch (e) {
    return failed(format, [
      finding(
        "input.failed",
        "error",
        `导入程序处理此文件时出错：${clip(String(e instanceof Error ? e.message : e), 200)}`,
        `The importer failed on this file: ${clip(String(e instanceof Error ? e.message : e), 200)}`,
      ),
    ]);
  }
}

/**
 * Import a published report: HTML (a web page, a Word export, HTML inside a script), DOCX, or plain
 * text. Pure: no database, no network. Never throws for bad input: the findings say what went wrong.
 */
export async function importReport(input: ImportInput, options: ImportOptions = {}): Promise<ImportResult> {
  const decoded = decodeInput(input, options.maxBytes);
  if (decoded.format !== "docx") return guarded(decoded.format, () => fromDecoded(decoded, options));
  let html: string;
  try {
    html = (await docxToHtml(decoded.bytes)).html;
  } catch (e) {
    return failed("docx", [
      ...decoded.findings,
      finding(
        "input.docx",
        "error",
        `无法读取该Word文档：${clip(String(e instanceof Error ? e.message : e), 160)}`,
        `The Word document could not be read: ${clip(String(e instanceof Error ? e.message : e), 160)}`,
      ),
    ]);
  }
  return guarded("docx", () => fromHtml("docx", html, decoded.findings, options));
}

/** The same for input already known to be HTML or text, synchronously (no DOCX). */
export function importSync(input: ImportInput, options: ImportOptions = {}): ImportResult {
  const decoded = decodeInput(input, options.maxBytes);
  if (decoded.format === "docx") {
    return failed("docx", [
      finding(
        "input.unsupported",
        "error",
        "DOCX须用异步的 importReport 导入。",
        "DOCX needs the asynchronous importReport.",
      ),
    ]);
  }
  return guarded(decoded.format, () => fromDecoded(decoded, options));
}

/** The result for a given agency (the draft carries it; findings are recomputed, e.g. rule 21 depends on its kind). */
export function withAgency(result: ImportResult, agency: AgencyRef, validate?: ValidateOptions): ImportResult {
  if (!result.draft) return result;
  const draft = { ...result.draft, agency };
  return { ...result, draft, findings: validateReport(draft, validate) };
}
