/**
 * One block per validation rule (R00 and R01–R25 of report-format.md §6): every rule is shown
 * firing (rule id, severity, the cells / section / fields it names, a bilingual message quoting the
 * actual numbers) and staying silent on a corrected report. Branches of a rule get their own tests.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AgencyRef } from "../agency";
import { type CellValue, cellDef, cellName, cellPaths, getCell, setCell } from "../catalog";
import type { Edition } from "../edition";
import { emptyReport } from "../factory";
import { type Report, type Report2019, type Report2021, ReportSchema } from "../report";
import type { SectionKey } from "../sections";
import { t3ApplicantKeys } from "../tables/t3";
import { generateConsistentReport, seededRandom } from "../testing";
import type { Finding, RuleId } from "./finding";
import { checkReport, type ValidateOptions, validateReport } from "./validate";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const agency: AgencyRef = {
  id: "test-agency",
  name: "测试机关",
  regionCode: "110000",
  level: "provincial",
  kind: "department",
};

type FixtureName = "pingtan-2024" | "pingtan-2020" | "shanghai-szfbgt-2019" | "sichuan-emergency-management-2019";

function fixture(name: FixtureName): Report {
  const url = new URL(`../../test/fixtures/${name}.json`, import.meta.url);
  return ReportSchema.parse(JSON.parse(readFileSync(url, "utf8")));
}

function fixture2019(name: FixtureName): Report2019 {
  const r = fixture(name);
  if (r.edition !== 2019) throw new Error(`${name} is not a 2019-edition report`);
  return r;
}

function fixture2021(name: FixtureName): Report2021 {
  const r = fixture(name);
  if (r.edition !== 2021) throw new Error(`${name} is not a 2021-edition report`);
  return r;
}

/** Replace one section's text (and heading). */
function withSection<R extends Report>(r: R, key: SectionKey, text: string | null, heading: string | null = null): R {
  return { ...r, sections: { ...r.sections, [key]: { heading, text } } };
}

/** A generated, fully consistent 2019-edition report (no findings at all). */
function gen2019(seed = 1, year = 2020): Report2019 {
  const r = generateConsistentReport({ edition: 2019, random: seededRandom(seed), year });
  if (r.edition !== 2019) throw new Error("expected a 2019-edition report");
  return r;
}

/**
 * A generated, fully consistent 2021-edition report. Section 六 also mentions fee notices, because
 * the generator may put applications under （六）2 (rule 20, second branch).
 */
function gen2021(seed = 1, year = 2024): Report2021 {
  const r = generateConsistentReport({ edition: 2021, random: seededRandom(seed), year });
  if (r.edition !== 2021) throw new Error("expected a 2021-edition report");
  return withSection(
    r,
    "other",
    `${year}年，本机关未收取信息处理费；因申请人逾期未缴费不再处理的申请均已发出收费通知。`,
  );
}

const texts = {
  overview: "本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，推进政务公开工作。",
  problems: "一是公开内容仍需丰富；二是解读形式仍需创新。下一步将加强培训，完善制度。",
};

function withDefaultTexts<R extends Report>(r: R): R {
  let out = withSection(r, "overview", texts.overview);
  out = withSection(out, "problems", texts.problems);
  return withSection(out, "other", r.edition === 2021 ? "本年度未收取信息处理费。" : "无。");
}

/** Every cell 0 (money "0"), sections filled: a consistent report to build small cases on. */
function zero2019(year = 2020): Report2019 {
  let r = emptyReport({ agency, year, edition: 2019 });
  for (const p of cellPaths(2019)) {
    r = setCell(r, p, cellDef(2019, p)?.type === "money" ? { amount: "0", unit: "元" } : 0);
  }
  return withDefaultTexts(r);
}

function zero2021(year = 2024): Report2021 {
  let r = emptyReport({ agency, year, edition: 2021 });
  for (const p of cellPaths(2021)) {
    r = setCell(r, p, cellDef(2021, p)?.type === "money" ? { amount: "0", unit: "万元" } : 0);
  }
  return withDefaultTexts(r);
}

/** Set a table-三 row from its six applicant values; 总计 is their sum. */
function setRow<R extends Report>(r: R, row: string, values: readonly number[]): R {
  let out = r;
  t3ApplicantKeys.forEach((c, i) => {
    out = setCell(out, `t3.${row}.${c}`, values[i] ?? 0);
  });
  return setCell(
    out,
    `t3.${row}.total`,
    t3ApplicantKeys.reduce((s, _c, i) => s + (values[i] ?? 0), 0),
  );
}

/**
 * Fill table 三 consistently from the leaf outcome rows: （七）总计 is their sum and 本年新收 is set
 * so that every column balances (rule 9).
 */
function fillT3<R extends Report>(
  r: R,
  leaves: Record<string, readonly number[]>,
  carried: { over?: readonly number[]; forward?: readonly number[] } = {},
): R {
  let out = r;
  const handled = [0, 0, 0, 0, 0, 0];
  for (const [row, values] of Object.entries(leaves)) {
    out = setRow(out, row, values);
    values.forEach((v, i) => {
      handled[i] = (handled[i] ?? 0) + v;
    });
  }
  const over = carried.over ?? [];
  const forward = carried.forward ?? [];
  out = setRow(out, "handledTotal", handled);
  out = setRow(out, "carriedOver", over);
  out = setRow(out, "carriedForward", forward);
  return setRow(
    out,
    "newReceived",
    handled.map((h, i) => h + (forward[i] ?? 0) - (over[i] ?? 0)),
  );
}

function n(r: Report, path: string): number {
  const v = getCell(r, path);
  if (typeof v !== "number") throw new Error(`${path} is not a number: ${String(v)}`);
  return v;
}

function setCells<R extends Report>(r: R, cells: Record<string, CellValue>): R {
  let out = r;
  for (const [path, value] of Object.entries(cells)) out = setCell(out, path, value);
  return out;
}

const of = (findings: readonly Finding[], id: RuleId): Finding[] => findings.filter((f) => f.ruleId === id);
const rule = (r: Report, id: RuleId, options?: ValidateOptions): Finding[] => of(validateReport(r, options), id);

/** The single finding of a list (fails the test if there is not exactly one). */
function single(findings: readonly Finding[]): Finding {
  expect(findings).toHaveLength(1);
  const f = findings[0];
  if (!f) throw new Error("no finding");
  return f;
}

/** A finding for one table-三 column (R08, R09, R10 report one finding per column). */
function forColumn(findings: readonly Finding[], column: string): Finding {
  return single(findings.filter((f) => f.values?.column === column));
}

/** Both messages are non-empty, Chinese and English, and quote every given figure. */
function expectMessage(f: Finding, ...figures: (string | number)[]): void {
  expect(f.message.zh).toMatch(/\p{Script=Han}/u);
  expect(f.message.en).toMatch(/[A-Za-z]{3,}/);
  for (const fig of figures) {
    expect(f.message.zh, `zh message quotes ${fig}`).toContain(String(fig));
    expect(f.message.en, `en message quotes ${fig}`).toContain(String(fig));
  }
}

function nameOfCell(edition: Edition, path: string): { zh: string; en: string } {
  const def = cellDef(edition, path);
  if (!def) throw new Error(`no cell ${path}`);
  return { zh: cellName(def, "zh"), en: cellName(def, "en") };
}

/** The messages name the cell in each language (row and column labels of the official table). */
function expectLabels(f: Finding, path: string): void {
  const name = nameOfCell(cellDef(2021, path) ? 2021 : 2019, path);
  expect(f.message.zh).toContain(name.zh);
  expect(f.message.en).toContain(name.en);
}

/** A report as plain JSON, to corrupt before `checkReport`. */
type Json = Record<string, unknown>;
function asJson(r: Report): Json {
  return JSON.parse(JSON.stringify(r)) as Json;
}
function at(json: Json, path: string): Json {
  let node: unknown = json;
  for (const k of path.split(".")) node = (node as Json)[k];
  return node as Json;
}

// ---------------------------------------------------------------------------------------------

describe("test baselines", () => {
  it("generated and zero-filled reports have no findings at all, so every later finding comes from the one change", () => {
    for (const r of [gen2019(), gen2019(3, 2019), gen2021(), gen2021(4, 2022), zero2019(), zero2021()]) {
      expect(validateReport(r)).toEqual([]);
    }
  });
});

describe("R00 document shape", () => {
  it("reports a missing agency as an R00 error naming the field, and gives no report", () => {
    const json = asJson(gen2021());
    delete json.agency;
    const res = checkReport(json);
    expect(res.report).toBeNull();
    const f = single(of(res.findings, "R00"));
    expect(f).toMatchObject({ ruleId: "R00", severity: "error", cells: [], fields: ["agency"] });
    expect(f.message.zh).toContain("agency");
    expect(f.message.zh).toContain("缺少");
    expect(f.message.en).toBe("agency: missing (expected an object)");
  });

  it("reports a year written as a string as an R00 error naming year and the types", () => {
    const json = asJson(gen2021());
    json.year = "2024";
    const res = checkReport(json);
    expect(res.report).toBeNull();
    const f = single(of(res.findings, "R00"));
    expect(f).toMatchObject({ severity: "error", fields: ["year"] });
    expect(f.message.zh).toBe("year：应为数字，实际为文本");
    expect(f.message.en).toBe("year: expected a number, got a string");
  });

  it("reports an edition other than 2019 or 2021 as an R00 error", () => {
    const json = asJson(gen2019());
    json.edition = 2020;
    const res = checkReport(json);
    expect(res.report).toBeNull();
    const f = single(of(res.findings, "R00"));
    expect(f).toMatchObject({ severity: "error", fields: ["edition"] });
    expectMessage(f, "2019", "2021");
  });

  it("reports a non-object input as an R00 error at the root", () => {
    const res = checkReport("not a report");
    expect(res.report).toBeNull();
    expect(single(of(res.findings, "R00")).message.en).toBe("(root): expected an object, got a string");
  });

  it("accepts a well-formed report, including one that omits the defaulted fields", () => {
    const json = asJson(gen2021());
    delete json.layout;
    delete json.extraMetrics;
    delete json.footnotes;
    const res = checkReport(json);
    expect(res.report).not.toBeNull();
    expect(res.report?.layout).toBe("template");
    expect(res.findings).toEqual([]);
  });
});

describe("R01 edition matches the year", () => {
  it("is an error when a 2021–onward report uses the 2019 edition", () => {
    const f = single(rule(gen2019(1, 2022), "R01"));
    expect(f).toMatchObject({ severity: "error", cells: [], fields: ["edition", "year"] });
    expect(f.values).toEqual({ year: 2022, expected: 2021, actual: 2019 });
    expectMessage(f, "2022", "2021", "2019");
  });

  it("is an error when a 2020 report uses the 2021 edition", () => {
    const f = single(rule(gen2021(1, 2020), "R01"));
    expect(f).toMatchObject({ severity: "error", values: { year: 2020, expected: 2019, actual: 2021 } });
    expectMessage(f, "2020", "2019", "2021");
  });

  it("is an error when a report before 2019 claims the template layout", () => {
    const f = single(rule(gen2019(1, 2018), "R01"));
    expect(f).toMatchObject({ severity: "error", fields: ["year", "layout"], values: { year: 2018 } });
    expectMessage(f, "2018");
  });

  it("is only a warning when a 2019 report does not follow the template (legacy layout, “参照” allowed)", () => {
    const r: Report2019 = { ...gen2019(1, 2019), layout: "legacy" };
    const f = single(rule(r, "R01"));
    expect(f).toMatchObject({ ruleId: "R01", severity: "warning", fields: ["layout"] });
    expectMessage(f, "2019");
  });

  it("is an error when a 2020 report does not follow the template (legacy layout)", () => {
    const r: Report2019 = { ...gen2019(1, 2020), layout: "legacy" };
    const f = single(rule(r, "R01"));
    expect(f).toMatchObject({ severity: "error", fields: ["layout"] });
    expectMessage(f, "2020");
  });

  it("passes the 2019 edition for 2019 and 2020, the 2021 edition from 2021 on, and a legacy pre-2019 report", () => {
    expect(rule(gen2019(1, 2019), "R01")).toEqual([]);
    expect(rule(gen2019(1, 2020), "R01")).toEqual([]);
    expect(rule(gen2021(1, 2021), "R01")).toEqual([]);
    expect(rule(gen2021(1, 2025), "R01")).toEqual([]);
    expect(rule({ ...gen2019(1, 2018), layout: "legacy" }, "R01")).toEqual([]);
  });
});

describe("R02 six sections", () => {
  it("is an error when section 一 has no text, naming the section and its heading", () => {
    const f = single(rule(withSection(gen2021(), "overview", null), "R02"));
    expect(f).toMatchObject({ severity: "error", section: "overview", cells: [] });
    expectMessage(f, "一、总体情况");
  });

  it("is an error when section 五 is only whitespace", () => {
    const f = single(rule(withSection(gen2019(), "problems", "  \n "), "R02"));
    expect(f).toMatchObject({ severity: "error", section: "problems" });
    expectMessage(f, "五、存在的主要问题及改进情况");
  });

  it("is an error when section 六 is missing", () => {
    const f = single(rule(withSection(gen2021(), "other", null), "R02"));
    expect(f).toMatchObject({ severity: "error", section: "other" });
    expectMessage(f, "六、其他需要报告的事项");
  });

  it("is only a warning when a heading is worded differently from the template, quoting both", () => {
    const heading = "五、政府信息公开工作存在的主要问题及改进情况";
    const r = withSection(gen2019(), "problems", texts.problems, heading);
    const f = single(rule(r, "R02"));
    expect(f).toMatchObject({
      severity: "warning",
      section: "problems",
      values: { heading, official: "五、存在的主要问题及改进情况" },
    });
    expectMessage(f, heading, "五、存在的主要问题及改进情况");
  });

  it("passes a heading that differs from the template only in spacing and numbering punctuation", () => {
    const r = withSection(gen2021(), "problems", texts.problems, "五. 存在的主要问题及改进情况");
    expect(rule(r, "R02")).toEqual([]);
  });

  it("is a warning for a missing section in a legacy 2019 report (sections 二–四 count as present only if a cell is stated)", () => {
    let r: Report2019 = { ...emptyReport({ agency, year: 2019, edition: 2019 }), layout: "legacy" };
    r = withDefaultTexts(r);
    const findings = rule(r, "R02");
    expect(findings.map((f) => [f.section, f.severity])).toEqual([
      ["proactive", "warning"],
      ["requests", "warning"],
      ["reviewLitigation", "warning"],
    ]);
    const withT4 = setCells(r, { "t4.review.upheld": 2, "t4.review.total": 2 });
    expect(rule(withT4, "R02").map((f) => f.section)).toEqual(["proactive", "requests"]);
  });

  it("stays an error for a missing section in a legacy 2020 report", () => {
    const r: Report2019 = withSection({ ...gen2019(1, 2020), layout: "legacy" }, "other", null);
    const f = single(rule(r, "R02"));
    expect(f).toMatchObject({ severity: "error", section: "other" });
  });

  it("passes a template report with all six sections (tables stand for sections 二–四)", () => {
    expect(rule(gen2019(), "R02")).toEqual([]);
    expect(rule(gen2021(), "R02")).toEqual([]);
  });
});

describe("R03 table shape", () => {
  it("is an error, with no report, when a table has a key the format does not have", () => {
    const json = asJson(gen2021());
    at(json, "tables.t3.granted").subtotal = 3;
    const res = checkReport(json);
    expect(res.report).toBeNull();
    const f = single(of(res.findings, "R03"));
    expect(f).toMatchObject({ severity: "error", cells: [], fields: ["tables.t3.granted"] });
    expectMessage(f, "subtotal", "tables.t3.granted");
  });

  it("is an error when a whole row of table 三 is missing", () => {
    const json = asJson(gen2019());
    delete at(json, "tables.t3.denied").stateSecret;
    const res = checkReport(json);
    expect(res.report).toBeNull();
    const f = single(of(res.findings, "R03"));
    expect(f).toMatchObject({ severity: "error", fields: ["tables.t3.denied.stateSecret"] });
  });

  it("is an error naming the cell when one cell key is missing (it is then read as blank)", () => {
    const json = asJson(gen2019());
    delete at(json, "tables.t4.review").pending;
    const res = checkReport(json);
    expect(res.report).not.toBeNull();
    const f = single(of(res.findings, "R03"));
    expect(f).toMatchObject({ severity: "error", cells: ["t4.review.pending"], fields: ["tables.t4.review.pending"] });
    expectMessage(f, "tables.t4.review.pending");
    expect(f.message.zh).toContain(nameOfCell(2019, "t4.review.pending").zh);
    expect(f.message.en).toContain(nameOfCell(2019, "t4.review.pending").en);
  });

  it("is an error when the tables of the other edition are used (2021 rows under edition 2019)", () => {
    const json = asJson(gen2021(1, 2020));
    json.edition = 2019;
    const res = checkReport(json);
    expect(res.report).toBeNull();
    const r03 = of(res.findings, "R03");
    expect(r03.length).toBeGreaterThan(0);
    expect(r03.every((f) => f.severity === "error")).toBe(true);
    expect(r03.some((f) => f.fields?.[0]?.startsWith("tables.t3") === true)).toBe(true);
  });

  it("only warns about an agency-added table-三 row and leaves it out of the arithmetic", () => {
    const r = gen2021();
    const extra: Report2021 = {
      ...r,
      tables: {
        ...r.tables,
        t3: {
          ...r.tables.t3,
          extraRows: [
            {
              label: "（三）不予公开小计",
              after: "denied.adminQuery",
              cells: {
                naturalPerson: 999,
                commercial: 1,
                research: 0,
                socialWelfare: 0,
                legalService: 0,
                otherOrg: 0,
                total: 5,
              },
            },
          ],
        },
      },
    };
    const findings = validateReport(extra);
    const f = single(of(findings, "R03"));
    expect(f).toMatchObject({ severity: "warning", cells: [], fields: ["tables.t3.extraRows.0"] });
    expectMessage(f, "（三）不予公开小计");
    expect(findings.filter((x) => x.severity === "error")).toEqual([]);
  });

  it("is an error when a footnote points at a cell of the other edition", () => {
    const r: Report2021 = { ...gen2021(), footnotes: [{ cell: "t3.otherHandling.total", text: "含转办件" }] };
    const f = single(rule(r, "R03"));
    expect(f).toMatchObject({ severity: "error", fields: ["footnotes.0.cell"] });
    expectMessage(f, "t3.otherHandling.total", "2021");
  });

  it("is an error when an extra metric refers to a cell that does not exist, and when two share a key", () => {
    const metric = {
      key: "proactive.wechatPosts",
      label: { zh: "微信公众号发布信息", en: "WeChat posts" },
      unit: "条",
      value: 762,
      qualifier: "exact" as const,
    };
    const r: Report2019 = {
      ...gen2019(),
      extraMetrics: [
        { ...metric, cell: "t2.fees.amount" },
        { ...metric, cell: "t2.rules.madeNew" },
      ],
    };
    const findings = rule(r, "R03");
    expect(findings.map((f) => [f.severity, f.fields])).toEqual([
      ["error", ["extraMetrics.0.cell"]],
      ["error", ["extraMetrics.1.key"]],
    ]);
    expectMessage(findings[0] as Finding, "t2.fees.amount", "2019");
    expectMessage(findings[1] as Finding, "proactive.wechatPosts");
  });

  it("passes footnotes and extra metrics that point at existing cells with distinct keys", () => {
    const r: Report2021 = {
      ...gen2021(),
      footnotes: [{ cell: "t3.other.misc.total", text: "含转办件" }],
      extraMetrics: [
        { key: "a", label: { zh: "甲", en: "A" }, unit: "条", value: 1, qualifier: "exact", cell: "t2.fees.amount" },
        { key: "b", label: { zh: "乙", en: "B" }, unit: "条", value: 2, qualifier: "about" },
      ],
    };
    expect(rule(r, "R03")).toEqual([]);
  });
});

describe("R04 counts are whole numbers ≥ 0", () => {
  it.each([
    ["a negative count", -1, "-1"],
    ["a fraction", 1.5, "1.5"],
    ["a string", "3", '"3"'],
  ] as const)("is an error for %s in a table-三 cell, read through checkReport", (_what, value, shown) => {
    const json = asJson(gen2021());
    at(json, "tables.t3.granted").naturalPerson = value;
    const res = checkReport(json);
    expect(res.report).not.toBeNull();
    const f = single(of(res.findings, "R04"));
    expect(f).toMatchObject({ ruleId: "R04", severity: "error", cells: ["t3.granted.naturalPerson"] });
    expectMessage(f, shown);
    expectLabels(f, "t3.granted.naturalPerson");
    expect(f.message.zh).toContain("不小于0");
    expect(f.message.en).toContain("≥ 0");
    // The bad cell is read as blank and not reported a second time as a blank (R06).
    expect(of(res.findings, "R06")).toEqual([]);
    expect(res.report && getCell(res.report, "t3.granted.naturalPerson")).toBeNull();
  });

  it("is an error without “≥ 0” for a fractional 2019 本年增/减 (a signed cell)", () => {
    const json = asJson(gen2019());
    at(json, "tables.t2.penalties").delta = 2.5;
    const f = single(of(checkReport(json).findings, "R04"));
    expect(f).toMatchObject({ severity: "error", cells: ["t2.penalties.delta"] });
    expectMessage(f, "2.5");
    expectLabels(f, "t2.penalties.delta");
    expect(f.message.en).not.toContain("≥ 0");
  });

  it("is an error for a negative count in a typed report passed straight to validateReport", () => {
    const r = setCell(gen2019(), "t4.suitDirect.upheld", -4);
    const f = single(rule(r, "R04"));
    expect(f).toMatchObject({ severity: "error", cells: ["t4.suitDirect.upheld"], values: { value: -4 } });
    expectMessage(f, "-4");
  });

  it("passes a negative 2019 本年增/减, through both validateReport and checkReport", () => {
    const r = setCell(gen2019(), "t2.licensing.delta", -18);
    expect(rule(r, "R04")).toEqual([]);
    expect(of(checkReport(asJson(r)).findings, "R04")).toEqual([]);
  });
});

describe("R05 money amounts", () => {
  it("is an error for a non-numeric 2021 fee amount, read through checkReport", () => {
    const json = asJson(gen2021());
    at(json, "tables.t2.fees").amount = { amount: "abc", unit: "万元" };
    const res = checkReport(json);
    const f = single(of(res.findings, "R05"));
    expect(f).toMatchObject({ severity: "error", cells: ["t2.fees.amount"] });
    expectMessage(f, "abc", "万元");
  });

  it("is an error for a negative 2019 procurement amount and for an unknown unit", () => {
    const neg = asJson(gen2019());
    at(neg, "tables.t2.procurement").amount = { amount: "-5", unit: "元" };
    const f1 = single(of(checkReport(neg).findings, "R05"));
    expect(f1).toMatchObject({ severity: "error", cells: ["t2.procurement.amount"] });
    expectMessage(f1, "-5");
    expectLabels(f1, "t2.procurement.amount");

    const unit = asJson(gen2019());
    at(unit, "tables.t2.procurement").amount = { amount: "251000", unit: "美元" };
    const f2 = single(of(checkReport(unit).findings, "R05"));
    expect(f2).toMatchObject({ severity: "error", cells: ["t2.procurement.amount"] });
    expectMessage(f2, "251000", "美元");
  });

  it("is an error for an amount that is not a decimal in a typed report passed to validateReport", () => {
    const r = setCell(gen2021(), "t2.fees.amount", { amount: "12,5", unit: "万元" });
    const f = single(rule(r, "R05"));
    expect(f).toMatchObject({ severity: "error", cells: ["t2.fees.amount"], values: { amount: "12,5" } });
    expectMessage(f, "12,5");
  });

  it("warns when a 2021 fee amount is written in 元 instead of 万元", () => {
    const r = setCell(gen2021(), "t2.fees.amount", { amount: "186510600", unit: "元" });
    const f = single(rule(r, "R05"));
    expect(f).toMatchObject({
      severity: "warning",
      cells: ["t2.fees.amount"],
      values: { amount: "186510600", unit: "元" },
    });
    expectMessage(f, "186510600");
  });

  it("warns when a 2021 fee amount has more than 6 decimals", () => {
    const r = setCell(gen2021(), "t2.fees.amount", { amount: "1234.5678912", unit: "万元" });
    const f = single(rule(r, "R05"));
    expect(f).toMatchObject({ severity: "warning", cells: ["t2.fees.amount"], values: { amount: "1234.5678912" } });
    expectMessage(f, "1234.5678912");
  });

  it("passes a 2021 amount in 万元 with exactly 6 decimals, and a 2019 amount in 元 with many decimals", () => {
    expect(rule(setCell(gen2021(), "t2.fees.amount", { amount: "1234.567891", unit: "万元" }), "R05")).toEqual([]);
    expect(rule(setCell(gen2019(), "t2.procurement.amount", { amount: "251000.1234567", unit: "元" }), "R05")).toEqual(
      [],
    );
    expect(rule(setCell(gen2019(), "t2.procurement.amount", { amount: "251000", unit: "元" }), "R05")).toEqual([]);
  });
});

describe("R06 blank cells", () => {
  it("warns once per blank cell in a template report, naming the cell, and counts the blank as 0", () => {
    const r = gen2021();
    const zeroCell = cellPaths(2021).find((p) => p.startsWith("t3.denied.") && getCell(r, p) === 0);
    if (!zeroCell) throw new Error("the generated report has no zero cell under （三）");
    const findings = validateReport(setCell(r, zeroCell, null));
    const f = single(of(findings, "R06"));
    expect(f).toMatchObject({ severity: "warning", cells: [zeroCell] });
    const name = nameOfCell(2021, zeroCell);
    expect(f.message.zh).toContain(name.zh);
    expect(f.message.en).toContain(name.en);
    // Blank = 0: no arithmetic rule fires, only the warning.
    expect(findings).toEqual([f]);
  });

  it("warns once per table in a legacy report, listing every unstated cell and the counts", () => {
    let r: Report2019 = { ...emptyReport({ agency, year: 2019, edition: 2019 }), layout: "legacy" };
    r = withDefaultTexts(r);
    r = setCells(r, {
      "t4.review.upheld": 1,
      "t4.review.corrected": 0,
      "t4.review.other": 0,
      "t4.review.pending": 0,
      "t4.review.total": 1,
    });
    const findings = rule(r, "R06");
    expect(findings).toHaveLength(3);
    const t2 = findings.find((f) => f.cells.includes("t2.rules.madeNew"));
    const t3 = findings.find((f) => f.cells.includes("t3.granted.total"));
    const t4 = findings.find((f) => f.cells.includes("t4.suitDirect.total"));
    expect(t2).toMatchObject({ severity: "warning", values: { blank: 22, cells: 22 } });
    expect(t3).toMatchObject({ severity: "warning", values: { blank: 161, cells: 161 } });
    expect(t4).toMatchObject({ severity: "warning", values: { blank: 10, cells: 15 } });
    expect(t2?.cells).toHaveLength(22);
    expect(t4?.cells).not.toContain("t4.review.total");
    expectMessage(t4 as Finding, "10", "15");
  });

  it("passes reports with every cell filled (template and legacy)", () => {
    expect(rule(gen2019(), "R06")).toEqual([]);
    expect(rule({ ...gen2019(1, 2019), layout: "legacy" }, "R06")).toEqual([]);
  });
});

describe("R07 row total", () => {
  it("is an error when a row's 总计 differs from the sum of its six applicant columns", () => {
    const r = gen2021();
    const sum = n(r, "t3.granted.total");
    const broken = setCell(r, "t3.granted.total", sum + 5);
    const f = single(rule(broken, "R07"));
    expect(f).toMatchObject({
      severity: "error",
      cells: ["t3.granted.total", ...t3ApplicantKeys.map((c) => `t3.granted.${c}`)],
      values: { total: sum + 5, sum },
    });
    expectMessage(f, sum + 5, sum);
    expect(f.message.zh).toContain("（一）予以公开");
    expect(f.message.en).toContain("(1) Disclosed");
  });

  it("is an error when 总计 is blank but the applicant columns are not zero", () => {
    const r = fillT3(zero2019(), { granted: [258, 12, 0, 0, 1, 1] });
    const f = single(rule(setCell(r, "t3.granted.total", null), "R07"));
    expect(f).toMatchObject({ severity: "error", values: { total: null, sum: 272 } });
    expect(f.cells[0]).toBe("t3.granted.total");
    expectMessage(f, "272");
  });

  it("passes a blank 总计 whose applicant columns are all zero (only the blank warning remains)", () => {
    const r = setCell(zero2019(), "t3.denied.processInfo.total", null);
    expect(rule(r, "R07")).toEqual([]);
    expect(rule(r, "R06")).toHaveLength(1);
  });

  it("skips a row with a blank in a legacy report (the report did not state it)", () => {
    const r: Report2019 = { ...setCell(gen2019(1, 2019), "t3.granted.total", null), layout: "legacy" };
    expect(rule(r, "R07")).toEqual([]);
  });

  it("reports the 11 outcome rows of Shanghai 2019 whose 总计 was left blank (fixture C)", () => {
    const findings = rule(fixture2019("shanghai-szfbgt-2019"), "R07");
    expect(findings).toHaveLength(11);
    expect(findings.every((f) => f.severity === "error" && f.values?.total === null)).toBe(true);
    const granted = findings.find((f) => f.cells[0] === "t3.granted.total");
    expect(granted?.values).toEqual({ total: null, sum: 272 });
  });

  it("passes the corrected row", () => {
    const r = gen2021();
    const broken = setCell(r, "t3.granted.total", n(r, "t3.granted.total") + 5);
    expect(rule(setCell(broken, "t3.granted.total", n(r, "t3.granted.total")), "R07")).toEqual([]);
  });
});

describe("R08 outcome total", () => {
  it("is an error for the column whose （七）总计 is not the sum of the outcome rows, naming the non-zero rows", () => {
    const r = fillT3(zero2021(), { granted: [5, 1], "unable.notHeld": [3], "other.misc": [1] });
    const broken = setRow(r, "handledTotal", [12, 1]);
    const findings = rule(broken, "R08");
    const f = forColumn(findings, "naturalPerson");
    expect(f).toMatchObject({
      severity: "error",
      cells: [
        "t3.handledTotal.naturalPerson",
        "t3.granted.naturalPerson",
        "t3.unable.notHeld.naturalPerson",
        "t3.other.misc.naturalPerson",
      ],
      values: { total: 12, sum: 9, column: "naturalPerson" },
    });
    expectMessage(f, "12", "9");
    expect(f.message.zh).toContain("（七）总计 自然人");
    expect(f.message.en).toContain("Natural persons");
    expect(forColumn(findings, "total").values).toMatchObject({ total: 13, sum: 10 });
    expect(findings.map((x) => x.values?.column)).toEqual(["naturalPerson", "total"]);
  });

  it("reads a blank （七）总计 as 0 and shows it as a dash", () => {
    const r = fillT3(zero2019(), { granted: [4] });
    const f = forColumn(rule(setCell(r, "t3.handledTotal.naturalPerson", null), "R08"), "naturalPerson");
    expect(f.values).toMatchObject({ total: null, sum: 4 });
    expectMessage(f, "—", "4");
  });

  it("counts the 2019 （六）其他处理 row and the three 2021 （六） rows as outcomes", () => {
    const r2019 = fillT3(zero2019(), { granted: [2], otherHandling: [1] });
    expect(n(r2019, "t3.handledTotal.total")).toBe(3);
    expect(rule(r2019, "R08")).toEqual([]);
    const r2021 = fillT3(zero2021(), {
      granted: [2],
      "other.noCorrection": [1],
      "other.feeUnpaid": [1],
      "other.misc": [1],
    });
    expect(rule(r2021, "R08")).toEqual([]);
    expect(
      forColumn(rule(setCell(r2021, "t3.other.feeUnpaid.naturalPerson", 2), "R08"), "naturalPerson").values,
    ).toMatchObject({
      total: 5,
      sum: 6,
    });
  });

  it("finds the real arithmetic error in Pingtan 2020 (fixture D: 20 vs 26 and 21 vs 27)", () => {
    const findings = rule(fixture2019("pingtan-2020"), "R08");
    expect(findings).toHaveLength(2);
    expect(forColumn(findings, "naturalPerson").values).toMatchObject({ total: 20, sum: 26 });
    const total = forColumn(findings, "total");
    expect(total.values).toMatchObject({ total: 21, sum: 27 });
    expectMessage(total, "21", "27");
  });

  it("passes when counts move between outcome rows but their sum is unchanged (fixture A passes too)", () => {
    const r = fillT3(zero2021(), { granted: [5, 1], "unable.notHeld": [3] });
    const moved = setRow(setRow(r, "granted", [4, 1]), "unable.notHeld", [4]);
    expect(rule(moved, "R08")).toEqual([]);
    expect(rule(fixture2021("pingtan-2024"), "R08")).toEqual([]);
  });
});

describe("R09 balance of each column", () => {
  it("is an error per column where 新收 + 上年结转 ≠ （七）总计 + 结转下年度", () => {
    const r = fillT3(zero2021(), { granted: [10, 2] }, { over: [1], forward: [3] });
    // 本年新收 commercial 2 → 4 (row total kept consistent, so only the balance breaks)
    const broken = setCells(r, { "t3.newReceived.commercial": 4, "t3.newReceived.total": 16 });
    const findings = rule(broken, "R09");
    expect(findings.map((f) => f.values?.column)).toEqual(["commercial", "total"]);
    const f = forColumn(findings, "commercial");
    expect(f).toMatchObject({
      severity: "error",
      cells: [
        "t3.handledTotal.commercial",
        "t3.carriedForward.commercial",
        "t3.newReceived.commercial",
        "t3.carriedOver.commercial",
      ],
      values: { left: 4, right: 2 },
    });
    expectMessage(f, "4", "2");
    expect(f.message.zh).toContain("商业企业");
    expect(f.message.en).toContain("Commercial enterprises");
    const total = forColumn(findings, "total");
    expect(total.values).toMatchObject({ left: 17, right: 15 });
    expectMessage(total, "16", "1", "17", "12", "3", "15");
  });

  it("passes in every column of Shanghai 2019 (859 + 18 = 805 + 72) despite its blanks", () => {
    expect(rule(fixture2019("shanghai-szfbgt-2019"), "R09")).toEqual([]);
  });

  it("passes the corrected column", () => {
    const r = fillT3(zero2021(), { granted: [10, 2] }, { over: [1], forward: [3] });
    expect(rule(r, "R09")).toEqual([]);
  });
});

describe("R10 carry-over matches last year", () => {
  const current = () => fillT3(zero2021(2024), { granted: [10, 2] }, { over: [2, 1] });
  const previousWith = (forward: readonly number[]) => fillT3(zero2021(2023), { granted: [5] }, { forward });

  it("warns per column when 上年结转 differs from last year's 结转下年度继续办理", () => {
    const findings = rule(current(), "R10", { previous: previousWith([2, 0]) });
    expect(findings.map((f) => f.values?.column)).toEqual(["commercial", "total"]);
    const f = forColumn(findings, "commercial");
    expect(f).toMatchObject({
      severity: "warning",
      cells: ["t3.carriedOver.commercial"],
      values: { now: 1, previous: 0, column: "commercial" },
    });
    expectMessage(f, "1", "0", "2023");
    expect(forColumn(findings, "total").values).toMatchObject({ now: 3, previous: 2 });
  });

  it("also compares across the edition change (2020 report in the 2019 edition → 2021 report)", () => {
    const prev = fillT3(zero2019(2020), { granted: [5] }, { forward: [4] });
    const now = fillT3(zero2021(2021), { granted: [10] }, { over: [3] });
    const f = forColumn(rule(now, "R10", { previous: prev }), "naturalPerson");
    expect(f.values).toMatchObject({ now: 3, previous: 4 });
    expectMessage(f, "3", "4", "2020");
  });

  it("skips a blank in a legacy previous report (the figure was never stated)", () => {
    const prev: Report2021 = {
      ...setCell(previousWith([2, 0]), "t3.carriedForward.commercial", null),
      layout: "legacy",
    };
    const findings = rule(current(), "R10", { previous: prev });
    expect(findings.map((f) => f.values?.column)).toEqual(["total"]);
  });

  it("passes when the rows match, and is not checked without a report for exactly the year before", () => {
    expect(rule(current(), "R10", { previous: previousWith([2, 1]) })).toEqual([]);
    expect(rule(current(), "R10")).toEqual([]);
    const twoYearsBack: Report2021 = { ...previousWith([0]), year: 2022 };
    expect(rule(current(), "R10", { previous: twoYearsBack })).toEqual([]);
  });
});

describe("R11 other-handling share", () => {
  it("warns when 2019 （六）其他处理 is above 10 % of （七）总计, quoting count, total and share", () => {
    const r = fillT3(zero2019(), { granted: [8], otherHandling: [2] });
    const f = single(rule(r, "R11"));
    expect(f).toMatchObject({
      severity: "warning",
      cells: ["t3.otherHandling.total", "t3.handledTotal.total"],
      values: { other: 2, total: 10, share: 0.2 },
    });
    expectMessage(f, "2", "10", "20.0%");
  });

  it("warns on Pingtan 2020: 其他处理 4 of 21 ≈ 19 % (fixture D)", () => {
    const f = single(rule(fixture2019("pingtan-2020"), "R11"));
    expect(f.values).toMatchObject({ other: 4, total: 21 });
    expectMessage(f, "19.0%");
  });

  it("uses only （六）3.其他 in the 2021 edition", () => {
    const misc = fillT3(zero2021(), { granted: [7], "other.misc": [3] });
    const f = single(rule(misc, "R11"));
    expect(f).toMatchObject({
      cells: ["t3.other.misc.total", "t3.handledTotal.total"],
      values: { other: 3, total: 10 },
    });
    expectMessage(f, "30.0%");
    const noCorrection = fillT3(zero2021(), { granted: [5], "other.noCorrection": [3], "other.feeUnpaid": [2] });
    expect(rule(noCorrection, "R11")).toEqual([]);
  });

  it("passes at exactly the threshold and below a custom threshold", () => {
    expect(rule(fillT3(zero2019(), { granted: [9], otherHandling: [1] }), "R11")).toEqual([]);
    const r = fillT3(zero2019(), { granted: [8], otherHandling: [2] });
    expect(rule(r, "R11", { otherHandlingShare: 0.25 })).toEqual([]);
    expect(rule(r, "R11", { otherHandlingShare: 0.15 })).toHaveLength(1);
  });
});

describe("R12 carried forward vs “all completed”", () => {
  const carried = () => fillT3(zero2021(), { granted: [10] }, { forward: [2] });

  it("warns when applications are carried forward but the overview says all were completed", () => {
    const r = withSection(carried(), "overview", "全年收到的政府信息公开申请均已按时办结。");
    const f = single(rule(r, "R12"));
    expect(f).toMatchObject({
      severity: "warning",
      section: "overview",
      cells: ["t3.carriedForward.total"],
      values: { carriedForward: 2, quote: "均已按时办结" },
    });
    expectMessage(f, "2", "均已按时办结");
  });

  it("also recognises “无结转” style claims", () => {
    const r = withSection(carried(), "overview", "本年度无结转申请。");
    expect(single(rule(r, "R12")).values).toMatchObject({ quote: "无结转申请" });
  });

  it("passes when nothing is carried forward, or when the overview makes no such claim", () => {
    const allDone = withSection(
      fillT3(zero2021(), { granted: [10] }),
      "overview",
      "全年收到的政府信息公开申请均已按时办结。",
    );
    expect(rule(allDone, "R12")).toEqual([]);
    expect(rule(withSection(carried(), "overview", "2件申请结转下年度继续办理。"), "R12")).toEqual([]);
  });
});

describe("R13 table 四 totals", () => {
  it("is an error when a block's 总计 is not 维持 + 纠正 + 其他 + 尚未审结", () => {
    const r = setCells(zero2021(), {
      "t4.review.upheld": 2,
      "t4.review.corrected": 1,
      "t4.review.other": 3,
      "t4.review.pending": 1,
      "t4.review.total": 8,
    });
    const f = single(rule(r, "R13"));
    expect(f).toMatchObject({
      severity: "error",
      cells: ["t4.review.total", "t4.review.upheld", "t4.review.corrected", "t4.review.other", "t4.review.pending"],
      values: { total: 8, sum: 7 },
    });
    expectMessage(f, "8", "7");
    expect(f.message.zh).toContain("行政复议");
    expect(f.message.en).toContain("Administrative review");
  });

  it("is an error when 总计 is blank but the outcomes are not zero", () => {
    const r = setCells(zero2019(), { "t4.suitAfterReview.upheld": 13, "t4.suitAfterReview.total": null });
    const f = single(rule(r, "R13"));
    expect(f).toMatchObject({
      cells: expect.arrayContaining(["t4.suitAfterReview.total"]),
      values: { total: null, sum: 13 },
    });
    expectMessage(f, "—", "13");
    expect(f.message.zh).toContain("复议后起诉");
    expect(f.message.en).toContain("Suits filed after review");
  });

  it("passes the corrected block (Pingtan 2024: 2 + 1 + 3 + 1 = 7, 13 + 2 + 4 + 0 = 19)", () => {
    const r = setCells(zero2021(), {
      "t4.review.upheld": 2,
      "t4.review.corrected": 1,
      "t4.review.other": 3,
      "t4.review.pending": 1,
      "t4.review.total": 7,
    });
    expect(rule(r, "R13")).toEqual([]);
    expect(rule(fixture2021("pingtan-2024"), "R13")).toEqual([]);
  });
});

describe("R14 review and litigation in the text", () => {
  const pingtan = () => fixture2021("pingtan-2024");

  it("warns when the text's 行政复议 count differs from the review total of table 四", () => {
    const r = withSection(pingtan(), "overview", "2024年，本区发生政府信息公开行政复议案件8件，行政诉讼案件19件。");
    const f = single(rule(r, "R14"));
    expect(f).toMatchObject({
      severity: "warning",
      section: "overview",
      cells: ["t4.review.total"],
      values: { stated: 8, table: 7, quote: "行政复议案件8件" },
    });
    expectMessage(f, "8", "7", "行政复议案件8件");
  });

  it("warns when the text's 行政诉讼 count differs from direct + after-review suits", () => {
    const r = withSection(pingtan(), "reviewLitigation", "被提起行政诉讼20件。");
    const f = single(rule(r, "R14"));
    expect(f).toMatchObject({
      section: "reviewLitigation",
      cells: ["t4.suitDirect.total", "t4.suitAfterReview.total"],
      values: { stated: 20, table: 19 },
    });
    expectMessage(f, "20", "19");
  });

  it("passes matching counts, and ignores counts about last year", () => {
    const ok = withSection(pingtan(), "overview", "2024年，本区发生政府信息公开行政复议案件7件，行政诉讼案件19件。");
    expect(rule(ok, "R14")).toEqual([]);
    const lastYear = withSection(pingtan(), "overview", "去年发生行政复议案件3件。");
    expect(rule(lastYear, "R14")).toEqual([]);
  });

  // Regression (was a bug): a combined figure "行政复议、行政诉讼共26件" (7 + 19 = 26, correct) is read as the review
  // count alone: the review pattern's gap swallows "、行政诉讼共" and R14 warns "行政复议 26 ≠ 7".
  it("does not read a combined 行政复议、行政诉讼 figure as the review count", () => {
    const r = withSection(pingtan(), "overview", "2024年，本区发生政府信息公开行政复议、行政诉讼共26件。");
    expect(rule(r, "R14")).toEqual([]);
  });

  // Regression (was a bug): "行政复议和行政诉讼案件分别为7件和19件" (both correct) gives litigation = 7: the litigation
  // pattern reads the first number after "诉讼案件分别为", which belongs to 行政复议.
  it("does not pair the first number of “分别为7件和19件” with 行政诉讼", () => {
    const r = withSection(pingtan(), "overview", "2024年，本区政府信息公开行政复议和行政诉讼案件分别为7件和19件。");
    expect(rule(r, "R14")).toEqual([]);
  });
});

describe("R15 in force ≥ issued this year", () => {
  it("warns (2021) when 现行有效件数 is below 本年制发件数", () => {
    const r = setCells(zero2021(), { "t2.normativeDocs.made": 62, "t2.normativeDocs.inForce": 40 });
    const f = single(rule(r, "R15"));
    expect(f).toMatchObject({
      severity: "warning",
      cells: ["t2.normativeDocs.inForce", "t2.normativeDocs.made"],
      values: { inForce: 40, made: 62 },
    });
    expectMessage(f, "40", "62");
    expectLabels(f, "t2.normativeDocs.inForce");
  });

  it("passes equal counts, and does not apply to the 2019 edition", () => {
    expect(rule(setCells(zero2021(), { "t2.rules.made": 5, "t2.rules.inForce": 5 }), "R15")).toEqual([]);
    expect(
      rule(
        setCells(zero2019(), { "t2.rules.madeNew": 5, "t2.rules.publishedNew": 5, "t2.rules.publishedTotal": 5 }),
        "R15",
      ),
    ).toEqual([]);
  });
});

describe("R16 in-force continuity", () => {
  const now = () =>
    setCells(zero2021(2024), {
      "t2.normativeDocs.made": 62,
      "t2.normativeDocs.repealed": 33,
      "t2.normativeDocs.inForce": 440,
    });

  it("warns when 现行有效 ≠ last year's 现行有效 + 制发 − 废止", () => {
    const prev = setCells(zero2021(2023), { "t2.normativeDocs.inForce": 400 });
    const f = single(rule(now(), "R16", { previous: prev }));
    expect(f).toMatchObject({
      severity: "warning",
      cells: ["t2.normativeDocs.inForce", "t2.normativeDocs.made", "t2.normativeDocs.repealed"],
      values: { inForce: 440, expected: 429 },
    });
    expectMessage(f, "440", "400", "62", "33", "429");
  });

  it("passes a continuous count (411 + 62 − 33 = 440) and needs last year's report", () => {
    expect(rule(now(), "R16", { previous: setCells(zero2021(2023), { "t2.normativeDocs.inForce": 411 }) })).toEqual([]);
    expect(rule(now(), "R16")).toEqual([]);
  });

  it("never compares across the 2020 → 2021 edition boundary", () => {
    const r2021 = setCells(zero2021(2021), { "t2.normativeDocs.made": 10, "t2.normativeDocs.inForce": 10 });
    expect(rule(r2021, "R16", { previous: zero2019(2020) })).toEqual([]);
  });
});

describe("R17 item continuity (2019 edition)", () => {
  const prev = () => setCells(zero2019(2019), { "t2.licensing.prevItems": 120, "t2.licensing.delta": -7 });

  it("warns when 上一年项目数量 ≠ last year's 上一年项目数量 + 本年增/减", () => {
    const now = setCells(zero2019(2020), { "t2.licensing.prevItems": 120 });
    const f = single(rule(now, "R17", { previous: prev() }));
    expect(f).toMatchObject({
      severity: "warning",
      cells: ["t2.licensing.prevItems"],
      values: { now: 120, expected: 113 },
    });
    expectMessage(f, "120", "-7", "113", "2019");
    expectLabels(f, "t2.licensing.prevItems");
  });

  it("passes a carried count (120 − 7 = 113) and is not checked without last year's report", () => {
    const now = setCells(zero2019(2020), { "t2.licensing.prevItems": 113 });
    expect(rule(now, "R17", { previous: prev() })).toEqual([]);
    expect(rule(setCells(zero2019(2020), { "t2.licensing.prevItems": 120 }), "R17")).toEqual([]);
  });

  it("checks all five item rows, including 行政事业性收费", () => {
    const p = setCells(zero2019(2019), { "t2.fees.prevItems": 10, "t2.fees.delta": 2 });
    const f = single(rule(zero2019(2020), "R17", { previous: p }));
    expect(f).toMatchObject({ cells: ["t2.fees.prevItems"], values: { now: 0, expected: 12 } });
  });
});

describe("R18 total published ≥ newly published (2019 edition)", () => {
  it("warns when 对外公开总数量 is below 本年新公开数量", () => {
    const r = setCells(zero2019(), { "t2.rules.publishedNew": 13, "t2.rules.publishedTotal": 12 });
    const f = single(rule(r, "R18"));
    expect(f).toMatchObject({
      severity: "warning",
      cells: ["t2.rules.publishedTotal", "t2.rules.publishedNew"],
      values: { total: 12, publishedNew: 13 },
    });
    expectMessage(f, "12", "13");
    expectLabels(f, "t2.rules.publishedTotal");
  });

  it("passes when the total is at least the newly published (Shanghai 2019: 524 ≥ 13, 368 ≥ 60)", () => {
    expect(rule(setCells(zero2019(), { "t2.rules.publishedNew": 13, "t2.rules.publishedTotal": 13 }), "R18")).toEqual(
      [],
    );
    expect(rule(fixture2019("shanghai-szfbgt-2019"), "R18")).toEqual([]);
  });
});

describe("R19 overview length (2021 edition)", () => {
  it("warns when section 一 has more than 1,000 characters", () => {
    const r = withSection(zero2021(), "overview", "公".repeat(1001));
    const f = single(rule(r, "R19"));
    expect(f).toMatchObject({
      severity: "warning",
      section: "overview",
      cells: [],
      values: { characters: 1001, max: 1000 },
    });
    expectMessage(f, "1001", "1000");
  });

  it("counts a run of digits as one character and ignores punctuation", () => {
    const text = `${"公".repeat(999)}，2024。`;
    expect(rule(withSection(zero2021(), "overview", text), "R19")).toEqual([]);
    expect(single(rule(withSection(zero2021(), "overview", `${text}开`), "R19")).values).toMatchObject({
      characters: 1001,
    });
  });

  it("passes exactly 1,000 characters, a raised limit, and the 2019 edition", () => {
    expect(rule(withSection(zero2021(), "overview", "公".repeat(1000)), "R19")).toEqual([]);
    expect(rule(withSection(zero2021(), "overview", "公".repeat(1500)), "R19", { overviewMaxChars: 2000 })).toEqual([]);
    expect(rule(withSection(zero2019(), "overview", "公".repeat(1500)), "R19")).toEqual([]);
  });
});

describe("R20 processing-fee statement (2021 edition)", () => {
  it("warns when section 六 says nothing about 信息处理费", () => {
    const r = withSection(zero2021(), "other", "无其他需要报告的事项。");
    const f = single(rule(r, "R20"));
    expect(f).toMatchObject({ severity: "warning", section: "other", cells: [] });
    expectMessage(f, "六");
    expect(f.message.zh).toContain("信息处理费");
  });

  it("warns when applications were dropped for an unpaid fee but section 六 says nothing about fee notices", () => {
    const r = withSection(
      fillT3(zero2021(), { granted: [5], "other.feeUnpaid": [2] }),
      "other",
      "2024年，无收取信息处理费情况。",
    );
    const f = single(rule(r, "R20"));
    expect(f).toMatchObject({
      severity: "warning",
      section: "other",
      cells: ["t3.other.feeUnpaid.total"],
      values: { feeUnpaid: 2 },
    });
    expectMessage(f, "2");
  });

  it("warns when section 六 mentions the fee but states neither an amount nor that none was charged", () => {
    const f = single(rule(withSection(zero2021(), "other", "本机关严格执行信息处理费管理办法。"), "R20"));
    expect(f.message.en).toBe(
      "Section 六 mentions processing fees but states neither an amount or count nor that none were charged.",
    );
    expect(rule(withSection(zero2021(), "other", "本年度共收取信息处理费380元。"), "R20")).toEqual([]);
    expect(rule(withSection(zero2021(), "other", "有1件申请收取信息处理费 380 元。"), "R20")).toEqual([]);
  });

  it("passes an explicit “none charged”, a statement about fee notices, and the 2019 edition", () => {
    expect(rule(withSection(zero2021(), "other", "2024年，无收取信息处理费情况。"), "R20")).toEqual([]);
    const notices = withSection(
      fillT3(zero2021(), { granted: [5], "other.feeUnpaid": [2] }),
      "other",
      "本年度发出收费通知2件，申请人逾期未缴纳，未收取信息处理费。",
    );
    expect(rule(notices, "R20")).toEqual([]);
    expect(rule(withSection(zero2019(), "other", "无。"), "R20")).toEqual([]);
  });
});

describe("R21 Art. 50 topics in a people's-government report", () => {
  const government = (r: Report2021): Report2021 => ({
    ...r,
    agency: { ...r.agency, kind: "consolidated", level: "county" },
  });

  it("warns when a government report's overview covers none of 工作考核 / 社会评议 / 责任追究", () => {
    const f = single(rule(government(zero2021()), "R21"));
    expect(f).toMatchObject({
      severity: "warning",
      section: "overview",
      cells: [],
      values: { missing: "工作考核、社会评议、责任追究" },
    });
    expect(f.message.zh).toContain("工作考核、社会评议、责任追究");
    expect(f.message.en).toContain("assessment, public evaluation, accountability");
  });

  it("names only the topics that are missing (Pingtan 2024 mentions 考核 only)", () => {
    const f = single(rule(fixture2021("pingtan-2024"), "R21"));
    expect(f.values).toEqual({ missing: "社会评议、责任追究" });
    expect(f.message.en).toContain("public evaluation, accountability");
    expect(f.message.en).not.toContain("assessment");
  });

  it("passes a government report covering all three, and does not apply to departments", () => {
    const covered = withSection(
      government(zero2021()),
      "overview",
      "将政务公开纳入绩效考核，开展社会评议，对工作不力的单位依规追责问责。",
    );
    expect(rule(covered, "R21")).toEqual([]);
    expect(rule(zero2021(), "R21")).toEqual([]);
  });
});

describe("R22 figures in the text match the tables", () => {
  const pingtan = () => fixture2021("pingtan-2024");

  it("warns when the number of applications received matches neither new nor new + carried over", () => {
    const r = withSection(pingtan(), "overview", "2024年，共收到政府信息公开申请220件。");
    const f = single(rule(r, "R22"));
    expect(f).toMatchObject({
      severity: "warning",
      section: "overview",
      cells: ["t3.newReceived.total", "t3.carriedOver.total"],
      values: { stated: 220, table: 218 },
    });
    expectMessage(f, "220", "218");
  });

  it("accepts “收到” as new applications only or as new + carried over", () => {
    const r = fillT3(zero2021(), { granted: [75] }, { over: [1] });
    expect(n(r, "t3.newReceived.total")).toBe(74);
    expect(rule(withSection(r, "overview", "全年收到政府信息公开申请74件。"), "R22")).toEqual([]);
    expect(rule(withSection(r, "overview", "全年收到政府信息公开申请75件。"), "R22")).toEqual([]);
    expect(single(rule(withSection(r, "overview", "全年收到政府信息公开申请76件。"), "R22")).values).toMatchObject({
      stated: 76,
    });
  });

  it("warns about a wrong outcome count and about outcome counts that do not add up to （七）总计", () => {
    const text = "予以公开71件，部分公开29件，不予公开39件，无法提供75件，不予处理1件，其他处理4件。";
    const findings = rule(withSection(pingtan(), "requests", text), "R22");
    expect(findings).toHaveLength(2);
    const other = findings.find((f) => f.values?.quote === "其他处理4件");
    expect(other).toMatchObject({
      section: "requests",
      cells: ["t3.other.noCorrection.total", "t3.other.feeUnpaid.total", "t3.other.misc.total"],
      values: { stated: 4, table: 3 },
    });
    const sum = findings.find((f) => f.cells[0] === "t3.handledTotal.total");
    expect(sum?.values).toEqual({ stated: 219, table: 218 });
    expectMessage(sum as Finding, "100 + 39 + 75 + 1 + 4", "219", "218");
  });

  it("warns when the 行政规范性文件 issued this year differ from table 二", () => {
    const r = withSection(pingtan(), "overview", "本年度制发行政规范性文件60件。");
    const f = single(rule(r, "R22"));
    expect(f).toMatchObject({ cells: ["t2.normativeDocs.made"], values: { stated: 60, table: 62 } });
    expectMessage(f, "60", "62");
  });

  it("reports Shanghai 2019's narrative conflicts (fixture C: 258 vs 275, 265 vs 337, 716 vs 805)", () => {
    const findings = rule(fixture2019("shanghai-szfbgt-2019"), "R22");
    expect(findings.map((f) => [f.values?.stated, f.values?.table])).toEqual([
      [258, 275],
      [265, 337],
      [716, 805],
    ]);
    expect(findings.every((f) => f.severity === "warning")).toBe(true);
    expectMessage(findings[0] as Finding, "258", "275");
  });

  it("warns when the 行政规范性文件 repealed this year differ from table 二 (2021)", () => {
    const f = single(rule(withSection(pingtan(), "overview", "本年度废止行政规范性文件30件。"), "R22"));
    expect(f).toMatchObject({ cells: ["t2.normativeDocs.repealed"], values: { stated: 30, table: 33 } });
    expectMessage(f, "30", "33");
  });

  it("compares 2019 documents “公开” this year with 本年新公开数量 (or 新制作 / 对外公开总数量)", () => {
    const r = setCells(zero2019(), {
      "t2.rules.madeNew": 13,
      "t2.rules.publishedNew": 12,
      "t2.rules.publishedTotal": 524,
    });
    for (const ok of [12, 13, 524]) {
      expect(rule(withSection(r, "overview", `本年度主动公开规章${ok}件。`), "R22")).toEqual([]);
    }
    const f = single(rule(withSection(r, "overview", "本年度主动公开规章14件。"), "R22"));
    expect(f).toMatchObject({
      cells: ["t2.rules.publishedNew", "t2.rules.madeNew"],
      values: { stated: 14, table: 12 },
    });
  });

  it("ignores figures about last year and about documents being cleaned up (清理)", () => {
    const text = "去年收到政府信息公开申请150件，今年收到政府信息公开申请218件。清理行政规范性文件120件。";
    expect(rule(withSection(pingtan(), "overview", text), "R22")).toEqual([]);
  });

  // Regression (was a bug): the verb governing a document count is the last verb anywhere earlier in the sentence,
  // across commas. In this typical (and correct) 2021 sentence the in-force count 440 inherits
  // "废止" from the previous clause and is compared with 本年废止件数 33:
  // R22 "第一部分称“范性文件33件，现行有效行政规范性文件440件”，但表二本年废止件数为 33".
  it("does not compare the in-force count with the repealed count when one sentence lists 制发, 废止 and 现行有效", () => {
    const r = withSection(
      pingtan(),
      "overview",
      "本年度制发行政规范性文件62件，废止行政规范性文件33件，现行有效行政规范性文件440件。",
    );
    expect(rule(r, "R22")).toEqual([]);
  });

  it("passes text whose figures match the tables (Pingtan 2024: 218 applications, 62 documents; full outcome list)", () => {
    expect(rule(pingtan(), "R22")).toEqual([]);
    const text = "予以公开71件，部分公开29件，不予公开39件，无法提供75件，不予处理1件，其他处理3件。";
    expect(rule(withSection(pingtan(), "requests", text), "R22")).toEqual([]);
  });
});

describe("R23 similarity to last year", () => {
  const problems =
    "一是公开内容仍需进一步丰富，重点领域信息公开的深度和广度不够；二是政策解读形式较为单一，解读质量有待提升；三是政务新媒体管理仍需加强。下一步将加强业务培训，完善工作制度。";
  const long = `${texts.overview}${"本机关持续深化政务公开，不断提升政府信息公开工作的质量和水平，加强政策解读和回应关切。".repeat(6)}`;

  it("warns when section 五 repeats last year's text, quoting the similarity and the year", () => {
    const prev = withSection(zero2021(2023), "problems", problems);
    const now = withSection(zero2021(2024), "problems", problems);
    const f = single(rule(now, "R23", { previous: prev }));
    expect(f).toMatchObject({
      severity: "warning",
      section: "problems",
      cells: [],
      values: { similarity: 1, previousYear: 2023 },
    });
    expectMessage(f, "100%", "2023");
  });

  it("also warns about the whole text when the report overall is a copy", () => {
    const prev = withSection(withSection(zero2021(2023), "problems", problems), "overview", long);
    const now = withSection(withSection(zero2021(2024), "problems", problems), "overview", long);
    const findings = rule(now, "R23", { previous: prev });
    expect(findings.map((f) => f.section)).toEqual(["problems", undefined]);
    expectMessage(findings[1] as Finding, "100%", "2023");
  });

  it("passes a rewritten section 五, another agency's report, and short texts", () => {
    const prev = withSection(zero2021(2023), "problems", problems);
    const rewritten = withSection(
      zero2021(2024),
      "problems",
      "本年度依申请公开答复的规范性仍有不足，个别答复告知书说理不充分。明年将修订办理规程，建立答复文书集体审核机制，并按季度通报办理质量。",
    );
    expect(rule(rewritten, "R23", { previous: prev })).toEqual([]);
    const otherAgency: Report2021 = { ...prev, agency: { ...prev.agency, id: "another-agency" } };
    expect(rule(withSection(zero2021(2024), "problems", problems), "R23", { previous: otherAgency })).toEqual([]);
    expect(rule(zero2021(2024), "R23", { previous: zero2021(2023) })).toEqual([]);
  });
});

describe("R24 publication deadline", () => {
  const published = <R extends Report>(r: R, date: string | null): R => ({ ...r, publicationDate: date });

  it("warns when a department publishes after 31 January, quoting the dates and days late", () => {
    const f = single(rule(published(zero2021(2024), "2025-02-03"), "R24"));
    expect(f).toMatchObject({
      severity: "warning",
      cells: [],
      fields: ["publicationDate"],
      values: { publicationDate: "2025-02-03", deadline: "2025-01-31", daysLate: 3 },
    });
    expectMessage(f, "2025-02-03", "2025-01-31", "3");
  });

  it("is an error when the workflow enforces deadlines", () => {
    const f = single(rule(published(zero2021(2024), "2025-02-03"), "R24", { enforceDeadlines: true }));
    expect(f.severity).toBe("error");
  });

  it("uses the consolidated deadline for the government's level (prefecture: 10 March)", () => {
    const pingtan = fixture2021("pingtan-2024");
    expect(pingtan.publicationDate).toBe("2025-03-10");
    expect(rule(pingtan, "R24")).toEqual([]);
    const f = single(rule(published(pingtan, "2025-03-11"), "R24"));
    expect(f.values).toEqual({ publicationDate: "2025-03-11", deadline: "2025-03-10", daysLate: 1 });
  });

  it.each([
    ["department", "provincial", "2025-01-31"],
    ["government_office", "prefecture", "2025-01-31"],
    ["township_government", "township", "2025-01-31"],
    ["consolidated", "county", "2025-02-20"],
    ["consolidated", "prefecture", "2025-03-10"],
    ["consolidated", "provincial", "2025-03-31"],
    ["vertical_system", "national", "2025-03-31"],
  ] as const)("gives a %s at %s level the deadline %s", (kind, level, deadline) => {
    const r: Report2021 = { ...zero2021(2024), agency: { ...agency, kind, level } };
    expect(rule(published(r, deadline), "R24")).toEqual([]);
    const dayAfter = new Date(Date.parse(`${deadline}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const f = single(rule(published(r, dayAfter), "R24"));
    expect(f.values).toEqual({ publicationDate: dayAfter, deadline, daysLate: 1 });
  });

  it("uses configured local deadlines", () => {
    const deadlines = {
      default: "01-28",
      consolidated: { national: "03-31", provincial: "03-31", prefecture: "03-10", county: "02-20", township: "01-31" },
      verticalSystem: "03-31",
    };
    const f = single(rule(published(zero2021(2021), "2022-01-30"), "R24", { deadlines }));
    expect(f.values).toMatchObject({ deadline: "2022-01-28", daysLate: 2 });
  });

  it("passes publication on the deadline day and a report without a publication date", () => {
    expect(rule(published(zero2021(2024), "2025-01-31"), "R24")).toEqual([]);
    expect(rule(published(zero2021(2024), null), "R24", { enforceDeadlines: true })).toEqual([]);
  });
});

describe("R25 old template used (2021 edition)", () => {
  it("warns when a 2021-edition report cites 国办公开办函〔2019〕60号", () => {
    const r: Report2021 = { ...zero2021(), preamble: "本报告根据国办公开办函〔2019〕60号要求编制。" };
    const f = single(rule(r, "R25"));
    expect(f).toMatchObject({ severity: "warning", cells: [], values: { found: "国办公开办函〔2019〕60号" } });
    expectMessage(f, "国办公开办函〔2019〕60号");
  });

  it("warns when a 2021-edition report uses 2019 column labels in its text", () => {
    const r = withSection(zero2021(), "proactive", "本年新制作数量与上一年项目数量均有增加。");
    const f = single(rule(r, "R25"));
    expect(f.values).toEqual({ found: "本年新制作数量、上一年项目数量" });
    expectMessage(f, "本年新制作数量", "上一年项目数量");
  });

  it("passes a 2021-edition report citing the 2021 notice, and a 2019-edition report citing the 2019 notice", () => {
    expect(rule({ ...zero2021(), preamble: "本报告根据国办公开办函〔2021〕30号要求编制。" }, "R25")).toEqual([]);
    expect(rule({ ...zero2019(), preamble: "本报告根据国办公开办函〔2019〕60号要求编制。" }, "R25")).toEqual([]);
  });

  // Regression (was a bug): any document numbered 〔2019〕60号 counts as the 2019 notice; the pattern ignores the
  // issuer, so a local document (here 闽政办〔2019〕60号) triggers R25.
  it("does not flag a different document that happens to be numbered 〔2019〕60号", () => {
    const r = withSection(
      zero2021(),
      "overview",
      "按照《福建省人民政府办公厅关于推进基层政务公开的通知》（闽政办〔2019〕60号）要求，推进基层政务公开。",
    );
    expect(rule(r, "R25")).toEqual([]);
  });
});
