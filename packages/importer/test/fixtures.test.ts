import { cellPaths, type Finding, getCell, type Report, validateReport } from "@gongkai/schema";
import { describe, expect, it } from "vitest";
import { type ImportResult, importReport, withAgency } from "../src/index";
import { expected, type FixtureName, sourceBytes, sources } from "./load";

const results = new Map<string, ImportResult>();
async function imported(file: string): Promise<ImportResult> {
  const cached = results.get(file);
  if (cached) return cached;
  const r = await importReport({ content: sourceBytes(file), filename: file });
  results.set(file, r);
  return r;
}

/** Every cell path of the edition whose value differs: [] when the import equals the expected report. */
function differences(actual: Report, wanted: Report): string[] {
  return cellPaths(wanted.edition).filter(
    (p) => JSON.stringify(getCell(actual, p)) !== JSON.stringify(getCell(wanted, p)),
  );
}

const byRule = (findings: readonly Finding[]) => {
  const out: Record<string, number> = {};
  for (const f of findings) out[`${f.ruleId}:${f.severity}`] = (out[`${f.ruleId}:${f.severity}`] ?? 0) + 1;
  return out;
};

describe.each(Object.entries(sources) as [FixtureName, string][])("%s", (name, file) => {
  const want = expected(name);

  it("gives every cell of the edition exactly as the hand-made report has it", async () => {
    const r = await imported(file);
    expect(r.draft?.edition).toBe(want.edition);
    expect(differences(r.draft as Report, want)).toEqual([]);
    const filled = cellPaths(want.edition).filter((p) => getCell(want, p) !== null).length;
    expect(r.stats.cellsRead).toBe(filled);
    expect(r.stats.cellsNull).toBe(cellPaths(want.edition).length - filled);
  });

  it("detects agency, year, edition, layout, title, sections and dates as the expected report has them", async () => {
    const r = await imported(file);
    const d = r.draft as Report;
    expect(r.detected).toMatchObject({
      agencyName: want.agency.name,
      year: want.year,
      edition: want.edition,
      layout: want.layout,
    });
    expect(d.title).toBe(want.title);
    expect(d.preamble).toBe(want.preamble);
    expect(d.closing).toBe(want.closing);
    expect(d.publicationDate).toBe(want.publicationDate);
    expect(d.sections).toEqual(want.sections);
  });

  it("says where each filled cell came from, and the sanitized source holds that cell", async () => {
    const r = await imported(file);
    const d = r.draft as Report;
    const filled = cellPaths(want.edition).filter((p) => getCell(d, p) !== null);
    const from = new Map(r.provenance.map((p) => [p.cell, p]));
    for (const p of filled) expect(from.get(p)?.blank, p).toBe(false);
    for (const p of r.provenance) {
      if (p.ref) expect(r.source.html).toContain(`id="src-${p.ref.table}-${p.ref.row}-${p.ref.col}"`);
    }
    expect(r.source.html).not.toMatch(/<script|<style|\son\w+\s*=|javascript:/i);
  });

  it("with the report's own agency, gives the validator's findings of the expected report (cells and text agree)", async () => {
    const r = withAgency(await imported(file), want.agency);
    const wantRules = byRule(validateReport(want));
    // R19–R23 read the narrative, which is the same; extra metrics differ in wording only.
    expect(byRule(r.findings)).toEqual(wantRules);
  });
});

describe("平潭综合实验区 2024 (2021 edition, a full government page)", () => {
  it("reads table 二 money in 万元 and records row and column labels as written", async () => {
    const r = await imported(sources["pingtan-2024"]);
    expect(getCell(r.draft as Report, "t2.fees.amount")).toEqual({ amount: "18651.06", unit: "万元" });
    const p = r.provenance.find((x) => x.cell === "t3.other.misc.commercial");
    expect(p).toMatchObject({ via: "table", text: "1", blank: false });
    expect(p?.rowLabel).toContain("3.其他");
    expect(p?.rowLabel).toContain("（六）其他处理");
    expect(p?.columnLabel).toContain("商业企业");
    expect(r.importFindings.filter((f) => f.severity !== "info")).toEqual([]);
  });
});

describe("平潭综合实验区 2020 (2019 edition, a Word export)", () => {
  it("keeps the published rule-8 error: outcome rows add up to 26 and 27, （七）总计 says 20 and 21", async () => {
    const r = await imported(sources["pingtan-2020"]);
    const r8 = r.findings.filter((f) => f.ruleId === "R08");
    expect(r8.map((f) => [f.severity, f.values?.column, f.values?.total, f.values?.sum])).toEqual([
      ["error", "naturalPerson", 20, 26],
      ["error", "total", 21, 27],
    ]);
  });

  it("reads the signed 本年增/减 and the procurement amount with its unit", async () => {
    const d = (await imported(sources["pingtan-2020"])).draft as Report;
    expect(getCell(d, "t2.penalties.delta")).toBe(-18);
    expect(getCell(d, "t2.procurement.amount")).toEqual({ amount: "73802895.90", unit: "元" });
  });

  it("ignores the empty row after table 四's figures, saying so", async () => {
    const r = await imported(sources["pingtan-2020"]);
    expect(r.importFindings.map((f) => f.code)).toEqual(["table.unknownRow"]);
  });
});

describe("上海市人民政府办公厅 2019 (blank cells, a first value cell spanning two columns)", () => {
  it("keeps blanks as null, never 0, and records them as blank in the source", async () => {
    const r = await imported(sources["shanghai-szfbgt-2019"]);
    const d = r.draft as Report;
    expect(getCell(d, "t3.granted.total")).toBeNull();
    expect(getCell(d, "t3.newReceived.research")).toBeNull();
    expect(getCell(d, "t4.suitAfterReview.total")).toBeNull();
    expect(r.stats).toMatchObject({ cellsRead: 63, cellsBlank: 135, cellsNull: 135 });
    expect(r.provenance.find((p) => p.cell === "t3.granted.total")).toMatchObject({ blank: true });
  });

  it("reads rows whose first value spans two columns in order, and says so", async () => {
    const r = await imported(sources["shanghai-szfbgt-2019"]);
    expect(getCell(r.draft as Report, "t2.procurement.amount")).toEqual({ amount: "251000", unit: "元" });
    expect(r.importFindings.map((f) => f.code)).toContain("table.spannedCells");
  });

  it("gives rule 7 errors for the 11 rows with a blank 总计 and rule 8 for 总计", async () => {
    const r = await imported(sources["shanghai-szfbgt-2019"]);
    expect(r.findings.filter((f) => f.ruleId === "R07" && f.severity === "error")).toHaveLength(11);
    expect(r.findings.filter((f) => f.ruleId === "R08").map((f) => f.values?.column)).toEqual(["total"]);
  });

  it("reads the same report out of the site's JavaScript file", async () => {
    const js = await importReport({
      content: sourceBytes("shanghai-szfbgt-2019.js"),
      filename: "shanghai-szfbgt-2019.js",
    });
    const html = await imported(sources["shanghai-szfbgt-2019"]);
    expect(js.detected.format).toBe("script");
    expect(js.importFindings.map((f) => f.code)).toContain("input.embedded");
    expect(js.draft).toEqual(html.draft);
  });
});

describe("四川省应急管理厅 2019 (scraped text of a pre-template, five-part report)", () => {
  it("splits the narrative by its five headings, keeps their wording, reads the page once", async () => {
    const r = await imported(sources["sichuan-emergency-management-2019"]);
    const d = r.draft as Report;
    expect(r.detected.sections).toEqual(["overview", "proactive", "requests", "reviewLitigation", "problems"]);
    expect(d.sections.overview.heading).toBe("一、概述");
    expect(d.sections.problems.heading).toBe("五、存在问题及改进措施");
    expect(d.sections.other).toEqual({ heading: null, text: null });
    expect(d.layout).toBe("legacy");
    expect(r.importFindings.map((f) => f.code)).toContain("section.repeated");
  });

  it("takes 本年新收…总计 from the only sentence that states it, and says so", async () => {
    const r = await imported(sources["sichuan-emergency-management-2019"]);
    expect(getCell(r.draft as Report, "t3.newReceived.total")).toBe(5);
    const f = r.importFindings.find((x) => x.code === "cell.fromText");
    expect(f?.cells).toEqual(["t3.newReceived.total"]);
    expect(f?.text).toContain("收到有效依申请公开件5件");
    expect(r.provenance).toEqual([
      expect.objectContaining({ cell: "t3.newReceived.total", via: "text", section: "requests" }),
    ]);
  });

  it("reports the lost table and leaves the tables' cells null with one finding per table", async () => {
    const r = await imported(sources["sichuan-emergency-management-2019"]);
    const lost = r.importFindings.find((f) => f.code === "section.lostTable");
    expect(lost?.section).toBe("requests");
    expect(lost?.text).toContain("表2-1(1)依申请公开");
    const missing = r.importFindings.filter((f) => f.code === "table.missing");
    expect(missing.map((f) => f.cells.length)).toEqual([22, 160, 15]);
  });

  it("keeps figures stated in prose as extra metrics, in the report's words", async () => {
    const d = (await imported(sources["sichuan-emergency-management-2019"])).draft as Report;
    const metric = (quote: string) => d.extraMetrics.find((m) => m.quote?.includes(quote));
    expect(metric("主动公开信息6229条")).toMatchObject({
      value: 6229,
      unit: "条",
      qualifier: "exact",
      section: "proactive",
    });
    expect(metric("培训220余人")).toMatchObject({ value: 220, unit: "人", qualifier: "over", section: "overview" });
    expect(metric("宣传展板3万块")).toMatchObject({ value: 30000, unit: "块" });
    expect(metric("调解率达88.9%")).toMatchObject({ value: 88.9, unit: "%", section: "reviewLitigation" });
    // Not figures: the document number 〔201932号, the phone number, dates, the year 2020.
    expect(d.extraMetrics.some((m) => [32, 86633660, 2020, 201911].includes(m.value))).toBe(false);
    // The figure that became a cell is not repeated as a metric.
    expect(d.extraMetrics.some((m) => m.value === 5 && m.section === "requests")).toBe(false);
  });
});
