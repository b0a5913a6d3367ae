import { readFileSync } from "node:fs";
import { agencies, agencyEvents } from "@gongkai/db";
import { getCell, type Report, ReportSchema, setCell } from "@gongkai/schema";
import { generateConsistentReport, seededRandom } from "@gongkai/schema/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkLoadReports, importPublishedReport, indexAgencies } from "../src/services/imports";
import { rebuildRollups } from "../src/services/publishing";
import { createWorld, type TestWorld } from "./harness";

const fixture = (name: string): Report =>
  ReportSchema.parse(
    JSON.parse(readFileSync(new URL(`../../schema/test/fixtures/${name}.json`, import.meta.url), "utf8")),
  );

let w: TestWorld;

beforeAll(async () => {
  w = await createWorld({ now: "2025-03-01T00:00:00Z" });
  for (const [code, name, parent] of [
    ["510000", "四川省", null],
    ["510100", "成都市", "510000"],
    ["510104", "锦江区", "510100"],
    ["350000", "福建省", null],
    ["350100", "福州市", "350000"],
    ["350128", "平潭县", "350100"],
    ["310000", "上海市", null],
  ] as const) {
    await w.region(code, name, parent);
  }
  await w.agency({ id: "sc-emergency-management", name: "四川省应急管理厅", regionCode: "510000", tracked: false });
  await w.agency({
    id: "pingtan",
    name: "平潭综合实验区",
    regionCode: "350128",
    level: "prefecture",
    kind: "consolidated",
    tracked: false,
  });
  await w.agency({
    id: "sh-government-office",
    name: "上海市人民政府办公厅",
    regionCode: "310000",
    kind: "government_office",
    tracked: false,
  });
  await w.agency({ id: "cd-edu", name: "成都市教育局", regionCode: "510100", level: "prefecture" });
  await w.agency({ id: "jj-gov", name: "锦江区人民政府", regionCode: "510104", level: "county", kind: "consolidated" });
  await w.handle.db.insert(agencyEvents).values({
    agencyId: "cd-edu",
    kind: "renamed",
    date: "2021-03-01",
    fromName: "成都市教育委员会",
    toName: "成都市教育局",
  });
  await indexAgencies(w.handle.db, [
    { id: "sc-emergency-management", name: "四川省应急管理厅", regionName: "四川省", formerNames: [] },
    { id: "pingtan", name: "平潭综合实验区", regionName: "平潭县", formerNames: [] },
    { id: "cd-edu", name: "成都市教育局", regionName: "成都市", formerNames: ["成都市教育委员会"] },
  ]);
  const ctx = w.context(null);
  for (const name of ["sichuan-emergency-management-2019", "pingtan-2020", "pingtan-2024", "shanghai-szfbgt-2019"]) {
    await importPublishedReport(ctx, { content: fixture(name) });
  }
  // Generated reports for two agencies, 2021–2024; 2024 of cd-edu stays a draft.
  const items = [];
  for (const [id, name, regionCode, level, kind] of [
    ["cd-edu", "成都市教育局", "510100", "prefecture", "department"],
    ["jj-gov", "锦江区人民政府", "510104", "county", "consolidated"],
  ] as const) {
    for (const year of [2021, 2022, 2023, 2024]) {
      const content = generateConsistentReport({
        edition: 2021,
        random: seededRandom(year),
        year,
        agency: { id, name, regionCode, level, kind },
      });
      const draft = id === "cd-edu" && year === 2024;
      items.push({
        content: { ...content, publicationDate: draft ? null : `${year + 1}-01-${id === "jj-gov" ? "15" : "28"}` },
        state: draft ? ("draft" as const) : ("published" as const),
      });
    }
  }
  await bulkLoadReports(w.handle, items);
}, 120_000);

afterAll(async () => {
  await w?.close();
});

describe("portal", () => {
  it("serves the region tree", async () => {
    const tree = await w.portal().regions.tree();
    const sichuan = tree.find((r) => r.code === "510000");
    expect(sichuan?.children.map((c) => c.name)).toEqual(["成都市"]);
    expect(sichuan?.children[0]?.children.map((c) => c.code)).toEqual(["510104"]);
  });

  it("lists, filters and finds agencies, with their renames", async () => {
    const inSichuan = await w.portal().agencies.list({ regionPrefix: "51" });
    expect(inSichuan.items.map((a) => a.id).sort()).toEqual(["cd-edu", "jj-gov", "sc-emergency-management"]);
    expect((await w.portal().agencies.list({ query: "应急" })).items.map((a) => a.name)).toEqual(["四川省应急管理厅"]);
    const edu = await w.portal().agencies.byId({ id: "cd-edu" });
    expect(edu.events).toEqual([
      expect.objectContaining({ kind: "renamed", fromName: "成都市教育委员会", toName: "成都市教育局" }),
    ]);
    await expect(w.portal().agencies.byId({ id: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists published reports only, with filters, quality and pagination", async () => {
    const all = await w.portal().reports.list({ pageSize: 100 });
    expect(all.total).toBe(11);
    expect(all.items.some((r) => r.agency.id === "cd-edu" && r.year === 2024)).toBe(false);
    const withErrors = await w.portal().reports.list({ quality: "errors" });
    expect(withErrors.items.map((r) => `${r.agency.id} ${r.year}`).sort()).toEqual([
      "pingtan 2020",
      "sh-government-office 2019",
    ]);
    const sichuan2019 = await w.portal().reports.list({ regionPrefix: "51", year: 2019 });
    expect(sichuan2019.items.map((r) => r.agency.name)).toEqual(["四川省应急管理厅"]);
    expect(sichuan2019.items[0]).toMatchObject({
      edition: 2019,
      quality: "warnings",
      onTime: true,
      publicationDate: "2020-01-20",
      deadline: "2020-01-31",
    });
    const page2 = await w.portal().reports.list({ pageSize: 4, page: 2, sort: "year_asc" });
    expect(page2.items).toHaveLength(4);
    expect(page2.total).toBe(11);
    const county = await w.portal().reports.list({ level: "county", edition: 2021 });
    expect(county.items.every((r) => r.agency.id === "jj-gov")).toBe(true);
  });

  it("gets a report by agency and year with its version, findings and footnotes", async () => {
    const r = await w.portal().reports.get({ agencyId: "pingtan", year: 2020 });
    expect(r.content.tables.t3.handledTotal.total).toBe(21);
    expect(r.findings.filter((f) => f.ruleId === "R08")).toHaveLength(2);
    expect(r.summary).toMatchObject({ quality: "errors", errors: 2, onTime: true, deadline: "2021-03-10" });
    expect(r.versions).toHaveLength(1);
    await expect(w.portal().reports.get({ agencyId: "cd-edu", year: 2024 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("serves the metric catalogue and series by year, region and level", async () => {
    const catalog = await w.portal().metrics.catalog();
    expect(catalog.find((m) => m.key === "derived.grantedShare")?.label.zh).toBe("公开率（含部分公开）");
    const byYear = await w.portal().metrics.series({ metric: "t3.newReceived.total", groupBy: "year" });
    const y2024 = byYear.points.find((p) => p.key === "2024");
    const expected2024 =
      218 +
      (generateConsistentReport({
        edition: 2021,
        random: seededRandom(2024),
        year: 2024,
        agency: { id: "jj-gov", name: "x", regionCode: "510104", level: "county", kind: "consolidated" },
      }).tables.t3.newReceived.total ?? 0);
    expect(y2024).toMatchObject({ value: expected2024, reports: 2, reportsWithValue: 2 });
    expect(byYear.points.find((p) => p.key === "2019")).toMatchObject({ value: 864, reports: 2 });
    const byProvince = await w
      .portal()
      .metrics.series({ metric: "t3.newReceived.total", groupBy: "region", years: [2019] });
    expect(byProvince.points.map((p) => [p.key, p.label.zh, p.value])).toEqual([
      ["310000", "上海市", 859],
      ["510000", "四川省", 5],
    ]);
    const fees = await w.portal().metrics.series({ metric: "t2.fees.amount", groupBy: "region", regionPrefix: "35" });
    expect(fees.points).toEqual([expect.objectContaining({ key: "350100", value: "18651.06", reportsWithValue: 1 })]);
    const share = await w.portal().metrics.series({ metric: "derived.grantedShare", groupBy: "level", years: [2024] });
    expect(share.points.find((p) => p.key === "prefecture")?.value).toBeCloseTo(100 / 218, 10);
    const counties = await w
      .portal()
      .metrics.series({ metric: "t3.newReceived.total", groupBy: "region", regionPrefix: "5101" });
    expect(counties.points.map((p) => p.key)).toEqual(["510100", "510104"]);
    await expect(w.portal().metrics.series({ metric: "nope" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("compares agencies across years, null where there is no report or the edition lacks the metric", async () => {
    const c = await w.portal().metrics.compare({
      agencyIds: ["pingtan", "sc-emergency-management"],
      years: [2019, 2020, 2024],
      metrics: ["t3.newReceived.total", "t3.otherHandling.total", "derived.grantedShare", "t2.fees.amount"],
    });
    const row = (a: string, y: number) => c.rows.find((r) => r.agencyId === a && r.year === y)?.values;
    expect(row("pingtan", 2020)).toEqual({
      "t3.newReceived.total": 21,
      "t3.otherHandling.total": 4,
      "derived.grantedShare": 13 / 21,
      "t2.fees.amount": null,
    });
    expect(row("pingtan", 2024)).toMatchObject({
      "t3.newReceived.total": 218,
      "t3.otherHandling.total": null,
      "t2.fees.amount": "18651.06",
    });
    expect(row("pingtan", 2019)).toEqual({
      "t3.newReceived.total": null,
      "t3.otherHandling.total": null,
      "derived.grantedShare": null,
      "t2.fees.amount": null,
    });
    expect(row("sc-emergency-management", 2019)).toMatchObject({
      "t3.newReceived.total": 5,
      "t3.otherHandling.total": null,
      "derived.grantedShare": null,
    });
  });

  it("summarises compliance per year and region: due, published, on time, late, missing", async () => {
    const s = await w.portal().compliance.summary({ year: 2023 });
    expect(s.totals).toMatchObject({ due: 2, published: 2, onTime: 2, late: 0, missing: 0 });
    const s24 = await w.portal().compliance.summary({ year: 2024, regionPrefix: "5101" });
    expect(s24.totals).toMatchObject({ due: 2, published: 1, missing: 1 });
    expect(s24.lateOrMissing.map((a) => [a.agencyId, a.status, a.state])).toEqual([["cd-edu", "missing", "draft"]]);
  });

  it("applies a region's own deadlines (configured by its oversight) to compliance", async () => {
    const oversight = await w.user("四川监督", [{ role: "oversight", regionCode: "510000" }]);
    // cd-edu published its 2023 report on 2024-01-28; a provincial rule of 25 January makes it late.
    await w.admin(oversight).deadlines.set({
      regionCode: "510000",
      config: {
        default: "01-25",
        consolidated: {
          national: "03-31",
          provincial: "03-31",
          prefecture: "03-10",
          county: "02-20",
          township: "01-31",
        },
        verticalSystem: "03-31",
      },
    });
    const s = await w.portal().compliance.summary({ year: 2023, regionPrefix: "51" });
    expect(s.lateOrMissing.map((a) => [a.agencyId, a.status, a.deadline, a.daysLate])).toEqual([
      ["cd-edu", "late", "2024-01-25", 3],
    ]);
    const board = await w.admin(oversight).compliance.board({ year: 2023 });
    expect(board.agencies.find((a) => a.agencyId === "jj-gov")?.status).toBe("on_time");
    expect((await w.admin(oversight).deadlines.list()).map((r) => r.regionCode)).toEqual(["510000"]);
    await w.admin(oversight).deadlines.clear({ regionCode: "510000" });
    expect((await w.portal().compliance.summary({ year: 2023, regionPrefix: "51" })).totals.late).toBe(0);
  });

  it("finds 应急管理厅 and 依申请公开 in Chinese full text", async () => {
    const agenciesFound = await w.portal().search({ q: "应急管理厅" });
    expect(agenciesFound.hits[0]).toMatchObject({ kind: "agency", agencyId: "sc-emergency-management" });
    expect(
      agenciesFound.hits.some(
        (h) => h.kind === "report" && h.agencyId === "sc-emergency-management" && h.year === 2019,
      ),
    ).toBe(true);
    const phrase = await w.portal().search({ q: "依申请公开", kind: "report" });
    expect(phrase.hits.map((h) => h.agencyId)).toContain("sc-emergency-management");
    expect(phrase.hits.find((h) => h.agencyId === "sc-emergency-management")?.snippet).toContain("依申请公开");
    expect((await w.portal().search({ q: "教育委员会" })).hits[0]?.agencyId).toBe("cd-edu");
    expect((await w.portal().search({ q: "不存在的词语组合" })).hits).toEqual([]);
  });

  it("never exposes a draft: not in lists, search, series or compare", async () => {
    const draftYear = await w
      .portal()
      .metrics.compare({ agencyIds: ["cd-edu"], years: [2024], metrics: ["t3.newReceived.total"] });
    expect(draftYear.rows[0]?.reportId).toBeNull();
    const hits = await w.portal().search({ q: "成都市教育局" });
    expect(hits.hits.some((h) => h.year === 2024)).toBe(false);
    const [row] = await w.handle.db.select().from(agencies);
    expect(row).toBeDefined();
  });
});

// Last: it adds reports that the counts above do not expect.
describe("bulk loads", () => {
  it("store each report's error and warning counts, drafts included, as the validator gives them", async () => {
    // 2019 and 2020 of 锦江区 with table 三's total one more than its parts: one published, one a draft.
    const agency = {
      id: "jj-gov",
      name: "锦江区人民政府",
      regionCode: "510104",
      level: "county",
      kind: "consolidated",
    } as const;
    const broken = (year: number) => {
      const r = generateConsistentReport({ edition: 2019, random: seededRandom(year), year, agency });
      const total = getCell(r, "t3.newReceived.total");
      return setCell(r, "t3.newReceived.total", (typeof total === "number" ? total : 0) + 1);
    };
    await bulkLoadReports(w.handle, [
      { content: { ...broken(2019), publicationDate: "2020-01-20" }, state: "published" as const },
      { content: { ...broken(2020), publicationDate: null }, state: "draft" as const },
    ]);
    const rows = await w.handle.query<{ year: number; state: string; errors: number; warnings: number }>(
      "SELECT year, state, errors, warnings FROM reports WHERE agency_id = 'jj-gov' AND year IN (2019, 2020) ORDER BY year",
    );
    expect(rows.map((r) => r.state)).toEqual(["published", "draft"]);
    for (const r of rows) expect(r.errors, `${r.year}`).toBeGreaterThan(0);
    const [version] = await w.handle.query<{ errors: number; warnings: number }>(
      "SELECT v.errors, v.warnings FROM report_versions v JOIN reports r ON r.id = v.report_id WHERE r.agency_id = 'jj-gov' AND r.year = 2019",
    );
    expect({ errors: rows[0]?.errors, warnings: rows[0]?.warnings }).toEqual(version);
  });

  it("keep the rollups equal to a rebuild from every metric row, after loads in several chunks", async () => {
    const snapshot = () =>
      w.handle.query<Record<string, unknown>>(
        "SELECT metric, year, prefecture, level, kind, edition, sum::text AS sum, blanks, reports FROM metric_rollups ORDER BY 1, 2, 3, 4, 5, 6",
      );
    const incremental = await snapshot();
    expect(incremental.length).toBeGreaterThan(0);
    await w.handle.db.transaction((tx) => rebuildRollups(tx));
    expect(await snapshot()).toEqual(incremental);
  });
});
