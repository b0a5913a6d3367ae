import { createWorld, type TestWorld } from "@gongkai/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, demoAccounts, isEmpty, seedDemo } from "../src/seed";

let w: TestWorld;
let loaded = 0;

beforeAll(async () => {
  w = await createWorld({ now: "2026-11-26T08:00:00Z" });
  expect(await isEmpty(w.handle)).toBe(true);
  loaded = (await seedDemo(w.deps, { step: () => {} })).reports;
}, 300_000);

afterAll(async () => {
  await w?.close();
});

describe("demo data (what pnpm start loads into an empty database)", () => {
  it("loads a few thousand reports 2019–2025 over a few hundred agencies", async () => {
    expect(loaded).toBeGreaterThan(2000);
    const [a] = await w.handle.query<{ n: string }>("select count(*) as n from agencies");
    expect(Number(a?.n)).toBeGreaterThan(250);
    const years = await w.handle.query<{ year: number; n: string }>(
      "select year, count(*) as n from reports group by year order by year",
    );
    expect(years.map((y) => Number(y.year))).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
  });

  it("includes the real reports as their real agencies", async () => {
    const seed = await w.portal().reports.get({ agencyId: "sc-emergency-management", year: 2019 });
    expect(seed.content.tables.t3.newReceived.total).toBe(5);
    expect(seed.content.extraMetrics.find((m) => m.key === "proactive.itemsPublished")?.value).toBe(6229);
    expect((await w.portal().reports.get({ agencyId: "pingtan", year: 2024 })).summary.quality).not.toBe("errors");
    expect((await w.portal().reports.get({ agencyId: "pingtan", year: 2020 })).summary.quality).toBe("errors");
    expect((await w.portal().reports.get({ agencyId: "sh-government-office", year: 2019 })).summary.errors).toBe(12);
  });

  it("gives the compliance board content: late and missing reports, reports in review", async () => {
    const s = await w.portal().compliance.summary({ year: 2024, regionPrefix: "51" });
    expect(s.totals.late).toBeGreaterThan(0);
    expect(s.totals.missing).toBeGreaterThan(0);
    const [review] = await w.handle.query<{ n: string }>(
      "select count(*) as n from reports where state in ('submitted','approved')",
    );
    expect(Number(review?.n)).toBeGreaterThan(0);
    const errs = await w.portal().reports.list({ quality: "errors", pageSize: 1 });
    expect(errs.total / loaded).toBeGreaterThan(0.02);
    expect(errs.total / loaded).toBeLessThan(0.1);
  });

  it("creates the demo accounts, and the editor's agency has no 2025 report yet", async () => {
    const accounts = demoAccounts();
    expect(accounts.map((a) => a.role).sort()).toEqual(["admin", "approver", "editor", "oversight"]);
    const editor = accounts.find((a) => a.role === "editor");
    const [row] = await w.handle.query<{ n: string }>(
      "select count(*) as n from reports where agency_id = $1 and year = 2025",
      [editor?.agencyId],
    );
    expect(Number(row?.n)).toBe(0);
    const [users] = await w.handle.query<{ n: string }>(
      "select count(*) as n from users where email like '%@gongkai.demo'",
    );
    expect(Number(users?.n)).toBe(4);
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(10);
  });
});
