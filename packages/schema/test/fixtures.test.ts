import { describe, expect, it } from "vitest";
import { cellPaths, type Finding, getCell, validateReport } from "../src/index";
import { fixtureJson, fixtureNames, loadFixture, loadFixtureOf } from "./load";

const byRule = (findings: readonly Finding[]) => {
  const out: Record<string, { error: number; warning: number }> = {};
  for (const f of findings) {
    out[f.ruleId] ??= { error: 0, warning: 0 };
    (out[f.ruleId] as { error: number; warning: number })[f.severity]++;
  }
  return out;
};

describe("real fixtures", () => {
  it.each(fixtureNames)("%s parses and serialises back to the same JSON", (name) => {
    const json = fixtureJson(name);
    expect(JSON.parse(JSON.stringify(loadFixture(name)))).toEqual(json);
  });
});

describe("平潭综合实验区 2024 (2021 edition, report-format.md §8.1)", () => {
  const report = loadFixtureOf("pingtan-2024", 2021);
  const findings = validateReport(report);

  it("gives zero errors", () => {
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("holds the published figures cell by cell", () => {
    expect(report.edition).toBe(2021);
    expect(report.tables.t2.normativeDocs).toEqual({ made: 62, repealed: 33, inForce: 440 });
    expect(report.tables.t2.fees.amount).toEqual({ amount: "18651.06", unit: "万元" });
    expect(report.tables.t3.newReceived).toEqual({
      naturalPerson: 217,
      commercial: 1,
      research: 0,
      socialWelfare: 0,
      legalService: 0,
      otherOrg: 0,
      total: 218,
    });
    expect(report.tables.t3.other.misc.total).toBe(2);
    expect(report.tables.t4.suitAfterReview).toEqual({ upheld: 13, corrected: 2, other: 4, pending: 0, total: 19 });
    expect(cellPaths(2021).every((p) => getCell(report, p) !== null)).toBe(true);
  });

  it("only warns that the overview of a government report lacks evaluation and accountability", () => {
    expect(byRule(findings)).toEqual({ R21: { error: 0, warning: 1 } });
  });
});

describe("平潭综合实验区 2020 (2019 edition, §8.4)", () => {
  const findings = validateReport(loadFixture("pingtan-2020"));

  it("gives the rule-8 error for 自然人 and 总计, naming the cells", () => {
    const r8 = findings.filter((f) => f.ruleId === "R08");
    expect(r8.map((f) => [f.severity, f.values?.column, f.values?.total, f.values?.sum])).toEqual([
      ["error", "naturalPerson", 20, 26],
      ["error", "total", 21, 27],
    ]);
    expect(r8[0]?.cells).toEqual([
      "t3.handledTotal.naturalPerson",
      "t3.granted.naturalPerson",
      "t3.partiallyGranted.naturalPerson",
      "t3.unable.notHeld.naturalPerson",
      "t3.unable.unclearAfterCorrection.naturalPerson",
      "t3.notProcessed.duplicate.naturalPerson",
      "t3.otherHandling.naturalPerson",
    ]);
    expect(r8[0]?.message.zh).toBe("（七）总计 自然人 = 20，但各项办理结果之和为 26。");
    expect(r8[0]?.message.en).toBe("（七）总计 Natural persons = 20, but the outcome rows add up to 26.");
  });

  it("passes rule 9, which only uses （七）总计", () => {
    expect(findings.some((f) => f.ruleId === "R09")).toBe(false);
  });

  it("warns about the high share of 其他处理 (4 of 21)", () => {
    const r11 = findings.find((f) => f.ruleId === "R11");
    expect(r11?.values).toMatchObject({ other: 4, total: 21 });
  });

  it("has no other errors", () => {
    expect(findings.filter((f) => f.severity === "error" && f.ruleId !== "R08")).toEqual([]);
  });
});

describe("上海市人民政府办公厅 2019 (§8.3)", () => {
  const report = loadFixtureOf("shanghai-szfbgt-2019", 2019);
  const findings = validateReport(report);
  const blanks = cellPaths(2019).filter((p) => getCell(report, p) === null);

  it("keeps the published blanks as null, not 0", () => {
    expect(report.tables.t3.granted.total).toBeNull();
    expect(report.tables.t3.newReceived.research).toBeNull();
    expect(report.tables.t2.procurement.amount).toEqual({ amount: "251000", unit: "元" });
    expect(blanks.length).toBe(135);
  });

  it("gives rule 7 on exactly the 11 outcome rows with a blank 总计 and non-zero applicants", () => {
    const rows = findings.filter((f) => f.ruleId === "R07").map((f) => f.cells[0]);
    expect(rows).toEqual([
      "t3.granted.total",
      "t3.partiallyGranted.total",
      "t3.denied.stateSecret.total",
      "t3.denied.internalAffairs.total",
      "t3.denied.processInfo.total",
      "t3.denied.adminQuery.total",
      "t3.unable.notHeld.total",
      "t3.unable.needsCreation.total",
      "t3.unable.unclearAfterCorrection.total",
      "t3.notProcessed.petitionComplaint.total",
      "t3.notProcessed.duplicate.total",
    ]);
  });

  it("gives rule 6 on every blank and on nothing else", () => {
    expect(findings.filter((f) => f.ruleId === "R06").map((f) => f.cells[0])).toEqual(blanks);
  });

  it("fails rule 8 for 总计 only (blank leaves read as 0 ≠ 805)", () => {
    const r8 = findings.filter((f) => f.ruleId === "R08");
    expect(r8.map((f) => f.values)).toEqual([{ total: 805, sum: 0, column: "total" }]);
  });

  it("passes rules 9 and 13", () => {
    expect(findings.filter((f) => f.ruleId === "R09" || f.ruleId === "R13")).toEqual([]);
  });

  it("warns (rule 22) that the narrative figures disagree with the table", () => {
    const r22 = findings.filter((f) => f.ruleId === "R22");
    expect(r22.map((f) => [f.values?.stated, f.values?.table])).toEqual([
      [258, 275],
      [265, 337],
      [716, 805],
    ]);
  });

  it("gives exactly these findings: R07×11, R08×1, R06 on every blank, R22×3 — plus R02 for its section-五 heading", () => {
    expect(byRule(findings)).toEqual({
      R02: { error: 0, warning: 1 },
      R06: { error: 0, warning: 135 },
      R07: { error: 11, warning: 0 },
      R08: { error: 1, warning: 0 },
      R22: { error: 0, warning: 3 },
    });
    expect(findings.find((f) => f.ruleId === "R02")?.values?.heading).toBe(
      "五、政府信息公开工作存在的主要问题及改进情况",
    );
  });
});

describe("the seed: 四川省应急管理厅 2019 (pre-template, five parts)", () => {
  const report = loadFixture("sichuan-emergency-management-2019");
  const findings = validateReport(report);

  it("maps its five parts onto sections 一–五 without losing their headings, and leaves 六 absent", () => {
    expect(report.layout).toBe("legacy");
    expect(report.sections.overview.heading).toBe("一、概述");
    expect(report.sections.problems.heading).toBe("五、存在问题及改进措施");
    expect(report.sections.other).toEqual({ heading: null, text: null });
    expect(report.sections.overview.text).toContain("全年共组织自查24次");
    expect(report.sections.problems.text).toContain("四是深化事故隐患、自然灾害等重点领域信息公开");
    expect(report.preamble).toContain("全文包括概述,政府信息主动公开情况");
  });

  it("keeps the page furniture and the second copy of the scrape out of the report text", () => {
    const all = JSON.stringify(report);
    for (const furniture of ["上一篇", "主办单位:四川省应急管理厅", "【编辑", "分享到", "相关链接", "网站声明"]) {
      expect(all.includes(furniture), furniture).toBe(false);
    }
    expect(report.sections.overview.text?.match(/一、概述|（一）加强组织领导|\(一\)加强组织领导/g)?.length).toBe(1);
  });

  it("states 5 applications as the only table cell; everything else is not reported", () => {
    expect(report.tables.t3.newReceived.total).toBe(5);
    const filled = cellPaths(2019).filter((p) => getCell(report, p) !== null);
    expect(filled).toEqual(["t3.newReceived.total"]);
  });

  it("keeps every other figure it states as an extra metric in its own words", () => {
    const metric = (key: string) => report.extraMetrics.find((m) => m.key === key);
    expect(metric("proactive.itemsPublished")?.value).toBe(6229);
    expect(metric("proactive.portalItems")?.value).toBe(3562);
    expect(metric("proactive.wechatItems")?.value).toBe(762);
    expect(metric("proactive.weiboItems")?.value).toBe(692);
    expect(metric("proactive.otherMediaItems")?.value).toBe(1213);
    expect(metric("proactive.reportedToProvince")).toMatchObject({ value: 620, qualifier: "over" });
    expect(metric("proactive.licencesApproved")?.value).toBe(1166);
    expect(metric("overview.peopleTrained")).toMatchObject({ value: 220, qualifier: "over" });
    expect(metric("reviewLitigation.reviewMediationRate")).toMatchObject({ value: 88.9, unit: "%" });
    for (const m of report.extraMetrics) {
      expect(report.sections[m.section ?? "overview"].text).toContain(m.quote);
    }
  });

  it("does not turn its 10 review cases (as review body) or 4 suits (against the department in general) into table 四", () => {
    expect(Object.values(report.tables.t4).flatMap((b) => Object.values(b))).toEqual(Array(15).fill(null));
    expect(report.extraMetrics.find((m) => m.key === "reviewLitigation.reviewsAsReviewBody")?.value).toBe(10);
    expect(report.extraMetrics.find((m) => m.key === "reviewLitigation.suitsAgainstDepartment")?.value).toBe(4);
  });

  it("gives warnings only: legacy layout, headings, the missing section 六, unreported tables", () => {
    expect(byRule(findings)).toEqual({
      R01: { error: 0, warning: 1 },
      R02: { error: 0, warning: 6 },
      R06: { error: 0, warning: 3 },
    });
  });
});
