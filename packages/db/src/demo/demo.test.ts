import {
  AgencyIdSchema,
  countCharacters,
  deadlineFor,
  editionForYear,
  type Finding,
  hasErrors,
  RegionSchema,
  ReportSchema,
  t3ColumnKeys,
  validateReport,
} from "@gongkai/schema";
import { describe, expect, it } from "vitest";
import {
  type DemoReportPlan,
  demoAgencies,
  demoAgencyEvents,
  demoRegions,
  demoReportDefaults,
  demoReports,
  errorSeverityKinds,
  injectedErrorKinds,
  injectedErrorRules,
} from "./index";

const regions = demoRegions();
const regionByCode = new Map(regions.map((r) => [r.code, r]));
const agencies = demoAgencies();
const agencyById = new Map(agencies.map((a) => [a.id, a]));
const tracked = agencies.filter((a) => a.tracked);
const years = demoReportDefaults.years;

const key = (agencyId: string, year: number) => `${agencyId}:${year}`;

// Generated once and shared: the whole demo is a few seconds of work.
let cache: { plans: DemoReportPlan[]; byKey: Map<string, DemoReportPlan>; findings: Map<DemoReportPlan, Finding[]> };
function all() {
  if (!cache) {
    const plans = demoReports({ agencies });
    const byKey = new Map(plans.map((p) => [key(p.agencyId, p.year), p]));
    const findings = new Map(
      plans.map((p) => [p, validateReport(p.report, { previous: byKey.get(key(p.agencyId, p.year - 1))?.report })]),
    );
    cache = { plans, byKey, findings };
  }
  return cache;
}
const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

describe("demoRegions", () => {
  it("has unique codes, valid shapes, and parents listed before their children", () => {
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length);
    const seen = new Set<string>();
    for (const r of regions) {
      expect(RegionSchema.parse(r)).toEqual(r);
      if (r.level === "province") {
        expect(r.parentCode).toBeNull();
        expect(r.code).toMatch(/0000$/);
      } else {
        expect(r.parentCode).not.toBeNull();
        expect(seen.has(r.parentCode ?? "")).toBe(true);
        const parent = regionByCode.get(r.parentCode ?? "");
        expect(parent?.level).toBe(r.level === "prefecture" ? "province" : "prefecture");
        expect(r.code.startsWith(regionPrefixOf(parent?.code ?? ""))).toBe(true);
      }
      seen.add(r.code);
    }
    const rank = { province: 0, prefecture: 1, county: 2 } as const;
    const ranks = regions.map((r) => rank[r.level]);
    expect([...ranks].sort((x, y) => x - y)).toEqual(ranks);
  });

  it("covers 四川省 with all 21 prefecture-level divisions and the districts of 成都市", () => {
    expect(regionByCode.get("510000")?.name).toBe("四川省");
    const sichuan = regions.filter((r) => r.parentCode === "510000");
    expect(sichuan).toHaveLength(21);
    expect(regionByCode.get("510100")?.name).toBe("成都市");
    expect(regionByCode.get("513200")?.name).toBe("阿坝藏族羌族自治州");
    expect(regionByCode.get("513300")?.name).toBe("甘孜藏族自治州");
    expect(regionByCode.get("513400")?.name).toBe("凉山彝族自治州");
    const chengduDistricts = regions.filter((r) => r.parentCode === "510100" && r.name.endsWith("区"));
    expect(chengduDistricts.length).toBeGreaterThanOrEqual(12);
    const otherPrefecturesWithCounties = new Set(
      regions
        .filter((r) => r.level === "county" && r.code.startsWith("51") && r.parentCode !== "510100")
        .map((r) => r.parentCode),
    );
    expect(otherPrefecturesWithCounties.size).toBeGreaterThanOrEqual(3);
  });

  it("has the regions the real agencies and the other provinces need", () => {
    expect(regionByCode.get("310000")?.name).toBe("上海市");
    expect(regionByCode.get("350000")?.name).toBe("福建省");
    expect(regionByCode.get("350100")?.name).toBe("福州市");
    expect(regionByCode.get("350128")).toEqual({
      code: "350128",
      name: "平潭县",
      parentCode: "350100",
      level: "county",
    });
    expect(regionByCode.get("110000")?.name).toBe("北京市");
    expect(regionByCode.get("440100")?.name).toBe("广州市");
    expect(regionByCode.get("440300")?.name).toBe("深圳市");
    expect(regionByCode.get("330100")?.name).toBe("杭州市");
  });
});

function regionPrefixOf(code: string): string {
  return code.endsWith("0000") ? code.slice(0, 2) : code.slice(0, 4);
}

describe("demoAgencies", () => {
  it("has a few hundred agencies with unique, valid ids in known regions, parents first", () => {
    expect(agencies.length).toBeGreaterThanOrEqual(250);
    expect(agencies.length).toBeLessThanOrEqual(400);
    expect(new Set(agencies.map((a) => a.id)).size).toBe(agencies.length);
    const seen = new Set<string>();
    for (const a of agencies) {
      expect(AgencyIdSchema.safeParse(a.id).success, a.id).toBe(true);
      expect(a.id).toMatch(/^[a-z0-9][a-z0-9_-]{1,63}$/);
      expect(regionByCode.has(a.regionCode), `${a.id} ${a.regionCode}`).toBe(true);
      if (a.parentId !== null) expect(seen.has(a.parentId), `${a.id} → ${a.parentId}`).toBe(true);
      if (a.kind === "township_government") {
        expect(a.level).toBe("township");
        expect(regionByCode.get(a.regionCode)?.level).toBe("county");
      }
      seen.add(a.id);
    }
  });

  it("keeps the real agencies exactly as specified and untracked", () => {
    expect(agencyById.get("sc-emergency-management")).toMatchObject({
      name: "四川省应急管理厅",
      regionCode: "510000",
      level: "provincial",
      kind: "department",
      tracked: false,
    });
    expect(agencyById.get("pingtan")).toMatchObject({
      name: "平潭综合实验区",
      regionCode: "350128",
      level: "prefecture",
      kind: "consolidated",
      tracked: false,
    });
    expect(agencyById.get("sh-government-office")).toMatchObject({
      name: "上海市人民政府办公厅",
      regionCode: "310000",
      level: "provincial",
      kind: "government_office",
      tracked: false,
    });
    expect(agencyById.get("sc-gov")).toMatchObject({
      name: "四川省人民政府",
      level: "provincial",
      kind: "consolidated",
      tracked: true,
    });
    expect(agencyById.get("sc-gov-office")?.kind).toBe("government_office");
  });

  it("gives every Sichuan prefecture its government, office and 8–10 departments", () => {
    const departments = agencies.filter((a) => a.regionCode === "510000" && a.kind === "department");
    expect(departments.length).toBeGreaterThanOrEqual(15);
    for (const region of regions.filter((r) => r.parentCode === "510000")) {
      const here = agencies.filter((a) => a.regionCode === region.code && a.level === "prefecture");
      const gov = here.find((a) => a.kind === "consolidated");
      expect(gov?.name).toBe(`${region.name}人民政府`);
      expect(here.filter((a) => a.kind === "government_office")).toHaveLength(1);
      const depts = here.filter((a) => a.kind === "department" && a.tracked);
      expect(depts.length, region.name).toBeGreaterThanOrEqual(8);
      expect(depts.length, region.name).toBeLessThanOrEqual(11);
      for (const d of depts) expect(d.parentId).toBe(gov?.id);
      if (region.name.endsWith("自治州")) {
        for (const d of depts) expect(d.name).toMatch(/^.{2}州/);
      }
    }
    expect(agencies.filter((a) => a.kind === "township_government" && a.tracked).length).toBeGreaterThanOrEqual(5);
  });

  it("lists agency events that point at existing agencies", () => {
    const events = demoAgencyEvents();
    expect(events.length).toBeGreaterThanOrEqual(4);
    for (const e of events) {
      expect(agencyById.has(e.agencyId)).toBe(true);
      if (e.otherAgencyId !== null) expect(agencyById.has(e.otherAgencyId)).toBe(true);
      expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (e.kind === "merged_into" || e.kind === "dissolved") expect(agencyById.get(e.agencyId)?.tracked).toBe(false);
    }
    expect(events.some((e) => e.kind === "merged_into" && /安全生产监督管理局/.test(e.fromName ?? ""))).toBe(true);
    expect(events.some((e) => e.kind === "renamed" && e.date.startsWith("2021"))).toBe(true);
  });
});

describe("demoReports", { timeout: 180_000 }, () => {
  // Generating the whole demo is CPU work: seconds here, much longer on a loaded CI machine.
  // How fast it runs is the seed's business (pnpm start reports the seconds), not a test's.
  it("plans a report for (nearly) every tracked agency and year", () => {
    const plans = demoReports({ agencies });
    expect(plans.length).toBeGreaterThan(tracked.length * years.length * 0.9);
  });

  it("is deterministic for a seed, and each agency's reports do not depend on the others", () => {
    const some = agencies.filter((_, i) => i % 9 === 0);
    const a = demoReports({ agencies: some, seed: 7 });
    const b = demoReports({ agencies: some, seed: 7 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = demoReports({ agencies: some, seed: 8 });
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
    // Same seed, full list: the subset's plans are the same.
    const { byKey } = all();
    const d = demoReports({ agencies: some });
    for (const p of d) expect(JSON.stringify(p)).toBe(JSON.stringify(byKey.get(key(p.agencyId, p.year))));
  });

  it("makes plans only for tracked agencies, with the edition the year requires (rule 1)", () => {
    const { plans } = all();
    for (const p of plans) {
      const agency = agencyById.get(p.agencyId);
      expect(agency?.tracked).toBe(true);
      expect(p.report.year).toBe(p.year);
      expect(p.report.edition).toBe(editionForYear(p.year));
      expect(p.report.agency).toEqual({
        id: agency?.id,
        name: agency?.name,
        regionCode: agency?.regionCode,
        level: agency?.level,
        kind: agency?.kind,
      });
      expect(p.report.status).toBe(p.state);
      expect(p.report.publicationDate).toBe(p.publicationDate);
      expect(p.report.title).toMatch(new RegExp(`^${agency?.name}${p.year}年度?政府信息公开工作年度报告$`));
      expect(p.report.preamble).toContain("国务院令第711号");
      expect(p.report.preamble).toContain(p.year <= 2020 ? "国办公开办函〔2019〕60号" : "国办公开办函〔2021〕30号");
      expect(p.report.preamble).toContain(`${p.year}年1月1日`);
    }
    expect(plans.some((p) => p.agencyId === "sc-emergency-management")).toBe(false);
    expect(plans.some((p) => p.agencyId === "pingtan" || p.agencyId === "sh-government-office")).toBe(false);
  });

  it("produces reports that parse with ReportSchema", () => {
    for (const p of all().plans) {
      expect(ReportSchema.parse(p.report)).toEqual(p.report);
    }
  });

  it("injects errors into 2–10 % of the plans, and clean reports have no errors", () => {
    const { plans, findings } = all();
    const withErrors = plans.filter((p) => hasErrors(findings.get(p) ?? []));
    const errorShare = share(withErrors.length, plans.length);
    const injected = plans.filter((p) => p.injectedError !== null);
    console.log(
      `errors: ${withErrors.length}/${plans.length} plans (${(errorShare * 100).toFixed(1)} %), ` +
        `deliberate problems incl. warnings: ${injected.length} (${(share(injected.length, plans.length) * 100).toFixed(1)} %)`,
    );
    expect(errorShare).toBeGreaterThanOrEqual(0.02);
    expect(errorShare).toBeLessThanOrEqual(0.1);
    for (const p of plans) {
      const errors = (findings.get(p) ?? []).filter((f) => f.severity === "error");
      if (p.injectedError !== null && errorSeverityKinds.includes(p.injectedError)) {
        expect(errors.length, `${p.agencyId} ${p.year} ${p.injectedError}`).toBeGreaterThan(0);
      } else {
        expect(errors, `${p.agencyId} ${p.year}`).toEqual([]);
      }
    }
    // Every kind occurs, and breaks the rule it is meant to.
    for (const kind of injectedErrorKinds) {
      const ofKind = plans.filter((p) => p.injectedError === kind);
      expect(ofKind.length, kind).toBeGreaterThan(0);
      for (const p of ofKind) {
        expect(
          (findings.get(p) ?? []).some((f) => f.ruleId === injectedErrorRules[kind]),
          `${p.agencyId} ${p.year} ${kind}`,
        ).toBe(true);
      }
    }
  });

  it("gives clean published reports zero validation errors and few warnings", () => {
    const { plans, findings } = all();
    const clean = plans.filter((p) => p.state === "published" && p.injectedError === null);
    expect(clean.length).toBeGreaterThan(0);
    const allowed = new Set(["R11", "R16", "R24"]);
    for (const p of clean) {
      const f = findings.get(p) ?? [];
      expect(hasErrors(f)).toBe(false);
      const unexpected = f.filter((x) => !allowed.has(x.ruleId));
      expect(unexpected, `${p.agencyId} ${p.year}`).toEqual([]);
    }
  });

  it("keeps carried-over applications consistent from year to year", () => {
    const { plans, byKey } = all();
    let pairs = 0;
    for (const p of plans) {
      const prev = byKey.get(key(p.agencyId, p.year - 1));
      if (!prev || p.injectedError === "carry_over_mismatch") continue;
      pairs++;
      for (const col of t3ColumnKeys) {
        expect(p.report.tables.t3.carriedOver[col], `${p.agencyId} ${p.year} ${col}`).toBe(
          prev.report.tables.t3.carriedForward[col],
        );
      }
    }
    expect(pairs).toBeGreaterThan(plans.length * 0.7);
  });

  it("continues 现行有效件数 from last year for most agencies (2021 edition)", () => {
    const { plans, byKey } = all();
    let pairs = 0;
    let continued = 0;
    for (const p of plans) {
      const prev = byKey.get(key(p.agencyId, p.year - 1));
      if (p.report.edition !== 2021 || prev?.report.edition !== 2021) continue;
      pairs++;
      const now = p.report.tables.t2.normativeDocs;
      const before = prev.report.tables.t2.normativeDocs;
      if (now.inForce === (before.inForce ?? 0) + (now.made ?? 0) - (now.repealed ?? 0)) continued++;
    }
    expect(pairs).toBeGreaterThan(0);
    expect(share(continued, pairs)).toBeGreaterThan(0.8);
  });

  it("has missing reports, late reports and an unfinished latest year", () => {
    const { plans, findings } = all();
    const expected = tracked.length * years.length;
    const missingShare = share(expected - plans.length, expected);
    const published = plans.filter((p) => p.state === "published");
    const late = published.filter((p) => (p.publicationDate ?? "") > deadlineFor(p.report.agency, p.year));
    const lateShare = share(late.length, published.length);
    const latest = plans.filter((p) => p.year === 2025);
    const latestPublished = share(latest.filter((p) => p.state === "published").length, latest.length);
    console.log(
      `missing ${(missingShare * 100).toFixed(1)} %, late ${(lateShare * 100).toFixed(1)} % of published, ` +
        `2025 published ${(latestPublished * 100).toFixed(1)} %`,
    );
    expect(missingShare).toBeGreaterThan(0.01);
    expect(missingShare).toBeLessThan(0.06);
    expect(lateShare).toBeGreaterThan(0.05);
    expect(lateShare).toBeLessThan(0.16);
    for (const p of late) expect((findings.get(p) ?? []).some((f) => f.ruleId === "R24")).toBe(true);
    expect(latestPublished).toBeGreaterThan(0.65);
    expect(latestPublished).toBeLessThan(0.85);
    for (const p of plans) {
      if (p.year <= 2024) expect(p.state).toBe("published");
      if (p.state === "published") {
        expect(p.publicationDate).not.toBeNull();
        expect((p.publicationDate ?? "") < demoReportDefaults.today).toBe(true);
        expect((p.publicationDate ?? "") > `${p.year}-12-31`).toBe(true);
      } else {
        expect(p.publicationDate).toBeNull();
        expect(["draft", "submitted", "approved"]).toContain(p.state);
      }
    }
  });

  it("writes narrative consistent with the tables", () => {
    const { plans } = all();
    for (const p of plans) {
      if (p.injectedError !== null) continue;
      const { report } = p;
      const overview = report.sections.overview.text ?? "";
      const received = report.tables.t3.newReceived.total ?? 0;
      const handled = report.tables.t3.handledTotal.total ?? 0;
      if (received > 0 || handled > 0) {
        expect(overview).toContain(`收到政府信息公开申请${received}件`);
        expect(overview).toMatch(new RegExp(`(办结|依法答复|办理)政府信息公开申请${handled}件`));
      }
      if (report.edition === 2021) {
        expect(countCharacters(overview)).toBeLessThanOrEqual(1000);
        expect(report.sections.other.text).toMatch(/信息处理费/);
      }
      if (report.agency.kind === "consolidated" || report.agency.kind === "township_government") {
        expect(overview).toMatch(/考核/);
        expect(overview).toMatch(/评议/);
        expect(overview).toMatch(/责任追究/);
      }
      for (const key of ["overview", "problems", "other"] as const) expect(report.sections[key].text).toBeTruthy();
    }
  });

  it("varies section 五 from year to year", () => {
    const { plans, byKey } = all();
    for (const p of plans) {
      const prev = byKey.get(key(p.agencyId, p.year - 1));
      if (prev) expect(p.report.sections.problems.text).not.toBe(prev.report.sections.problems.text);
    }
  });

  it("publishes nothing on or after `today`", () => {
    const some = agencies.filter((_, i) => i % 5 === 0);
    const plans = demoReports({ agencies: some, years: [2023, 2024], today: "2025-02-15" });
    for (const p of plans) {
      if (p.publicationDate !== null) expect(p.publicationDate < "2025-02-15").toBe(true);
      if (p.year === 2023) expect(p.state).toBe("published");
    }
    expect(plans.some((p) => p.year === 2024 && p.state !== "published")).toBe(true);
    expect(() => demoReports({ agencies: some, years: [2018] })).toThrow(RangeError);
  });
});
