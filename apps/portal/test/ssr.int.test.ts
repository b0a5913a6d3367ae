import { readFileSync } from "node:fs";
import { importPublishedReport, indexAgencies, portalRouter } from "@gongkai/api";
import { createWorld, type TestWorld } from "@gongkai/api/testing";
import { type Report, ReportSchema } from "@gongkai/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { render } from "../src/entry-server";

// Server-side rendering with the real API router on a real database: what a visitor without
// JavaScript (or a search engine) receives, and the status codes that go with it.

const fixture = (name: string): Report =>
  ReportSchema.parse(
    JSON.parse(readFileSync(new URL(`../../../packages/schema/test/fixtures/${name}.json`, import.meta.url), "utf8")),
  );

let w: TestWorld;
let seedId = "";

beforeAll(async () => {
  w = await createWorld({ now: "2025-03-01T00:00:00Z" });
  await w.region("510000", "四川省");
  await w.agency({ id: "sc-emergency-management", name: "四川省应急管理厅", regionCode: "510000", tracked: false });
  await indexAgencies(w.handle.db, [
    { id: "sc-emergency-management", name: "四川省应急管理厅", regionName: "四川省", formerNames: [] },
  ]);
  const ctx = w.context(null);
  seedId = (await importPublishedReport(ctx, { content: fixture("sichuan-emergency-management-2019") })).id;
});
afterAll(async () => {
  await w?.close();
});

const page = (url: string, locale: "zh" | "en" = "zh") =>
  render({ url, api: { router: portalRouter, ctx: w.context(null) }, locale, today: "2025-03-01" });

describe("portal server rendering", () => {
  it("renders a report page completely: tables, figures, title and the state the browser hydrates from", async () => {
    const r = await page(`/reports/${seedId}`);
    expect(r.status).toBe(200);
    expect(r.head).toContain("<title>四川省应急管理厅2019年政府信息公开工作年度报告 — 公开");
    expect(r.head).toContain('<meta name="description"');
    expect(r.html).toMatch(/<td[^>]*data-cell="t3.newReceived.total"[^>]*>5<\/td>/);
    expect(r.html).toContain("主动公开信息6229条");
    expect(r.html.match(/<caption/g)?.length).toBeGreaterThanOrEqual(3);
    // The dehydrated cache is JSON in a non-executable script, with no way to close it early.
    const json = r.state.replace(/^<script id="gk-state" type="application\/json">/, "").replace(/<\/script>$/, "");
    expect(json).not.toMatch(/<\/script/i);
    const state = JSON.parse(json) as { locale: string; today: string; queries: { queries: { queryKey: unknown }[] } };
    expect(state.locale).toBe("zh");
    expect(state.queries.queries.length).toBeGreaterThan(0);
  });

  it("renders in English when asked, keeping the report's own text", async () => {
    const r = await page(`/reports/${seedId}`, "en");
    expect(r.status).toBe(200);
    expect(r.html).toContain("Download");
    expect(r.html).toContain("Data quality");
    expect(r.html).toContain("四川省应急管理厅2019年政府信息公开工作年度报告");
    expect(r.head).toContain("annual report on open government information");
  });

  it("answers 404 with the not-found page for unknown or malformed report ids and unknown paths", async () => {
    for (const url of ["/reports/rpt_doesnotexist0", "/reports/not-an-id", "/agencies/nobody", "/no/such/page"]) {
      const r = await page(url);
      expect(r.status, url).toBe(404);
      expect(r.html, url).toContain("找不到这个页面");
      expect(r.head, url).toContain("<title>找不到这个页面");
    }
  });

  it("renders every page of the portal from its URL", async () => {
    const cases: [string, string][] = [
      ["/", "政府信息公开工作年度报告"],
      ["/browse?region=51&year=2019", "四川省应急管理厅"],
      ["/agencies/sc-emergency-management", "四川省应急管理厅"],
      ["/search?q=%E5%BA%94%E6%80%A5%E7%AE%A1%E7%90%86%E5%8E%85", "四川省应急管理厅"],
      ["/compare?agencies=sc-emergency-management&years=2019", "compare-table"],
      ["/metrics?metric=t3.newReceived.total&groupBy=year", "本年新收政府信息公开申请数量"],
      ["/compliance?year=2019", "发布情况"],
      ["/data", "指标说明"],
    ];
    for (const [url, text] of cases) {
      const r = await page(url);
      expect(r.status, url).toBe(200);
      expect(r.html, url).toContain(text);
    }
  });

  it("sends a URL with invalid parameters to its cleaned, canonical form instead of failing", async () => {
    const r = await page("/browse?year=abc&level=galaxy&page=-3&sort=%3Cscript%3E&region=51");
    expect(r.status).toBe(302);
    expect(r.location).toBe("/browse?region=51");
    const clean = await page(r.location ?? "");
    expect(clean.status).toBe(200);
    expect(clean.html).not.toContain("<script>");
  });

  it("keeps shared views short and readable in the URL", async () => {
    const r = await page("/compare?agencies=sc-emergency-management,other&years=2019");
    expect(r.status).toBe(200);
    expect((await page("/metrics?metric=t3.newReceived.total&groupBy=region&region=51")).status).toBe(200);
  });
});
