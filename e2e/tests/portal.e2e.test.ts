import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../src/browser";
import { openPage } from "../src/page";

const base = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The seed report's id, found the way a script would: through the public search API. */
async function seedReportPath(): Promise<string> {
  const input = encodeURIComponent(JSON.stringify({ q: "四川省应急管理厅", limit: 10 }));
  const body = (await (await fetch(`${base}/trpc/portal/search?input=${input}`)).json()) as {
    result: { data: { hits: { kind: string; reportId?: string; year?: number; title: string }[] } };
  };
  const hit = body.result.data.hits.find(
    (h) => h.kind === "report" && h.year === 2019 && h.title.includes("四川省应急管理厅"),
  );
  if (!hit?.reportId) throw new Error("the seed report is not in the demo data");
  return `/reports/${hit.reportId}`;
}

describe("public portal in Chromium", () => {
  it("finds the seed report by searching 应急管理厅 and shows the figures it states", async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(base);
    await expect.poll(() => page.locator("h1").first().textContent()).toContain("政府信息公开工作年度报告");
    await page.getByRole("searchbox", { name: "搜索机关或报告内容" }).first().fill("应急管理厅");
    await page.getByRole("searchbox", { name: "搜索机关或报告内容" }).first().press("Enter");
    await page.waitForURL(/\/search\?q=/);
    const result = page
      .locator(".search-results a", { hasText: "四川省应急管理厅" })
      .filter({ hasText: "2019" })
      .first();
    await result.click();
    await page.waitForURL(/\/reports\/rpt_/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("四川省应急管理厅2019年政府信息公开工作年度报告");
    // Table 三: five applications received, in the merged-header layout of the 2019 edition.
    expect(await page.locator('td[data-cell="t3.newReceived.total"]').textContent()).toBe("5");
    // Figures the report states in its text, kept as extra metrics beside the tables.
    expect(await page.locator('tr[data-metric="proactive.itemsPublished"]').textContent()).toContain("6,229");
    expect(await page.locator('tr[data-metric="proactive.portalItems"]').textContent()).toContain("3,562");
    expect(await page.locator(".gk-report").textContent()).toContain(
      "主动公开信息6229条,其中,通过政府门户网站公开政府信息3562条",
    );
    // The data-quality panel lists findings in plain words; choosing one marks its cells.
    await page.locator(".gk-finding button").first().click();
    await expect.poll(() => page.locator(".gk-highlight").count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("switches to English, keeps it across pages and reloads, and sets the lang attribute", async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${base}/browse`);
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator("h1").textContent()).toBe("Browse reports");
    await page.reload();
    // Rendered in English by the server this time (the choice is a cookie).
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator("nav.site-nav").textContent()).toContain("Compare");
    await page.getByRole("link", { name: "Data & API" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Data & API");
    await page.getByRole("button", { name: "切换到中文" }).click();
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(await page.locator("h1").textContent()).toBe("数据与接口");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("downloads the report as CSV with one row per cell", async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(base + (await seedReportPath()));
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('a[data-format="csv"]').click()]);
    expect(download.suggestedFilename()).toMatch(/2019\.csv$/);
    const csv = readFileSync(await download.path(), "utf8");
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("路径,表格,行,列,数值,单位");
    expect(lines).toContain(
      "t3.newReceived.total,收到和处理政府信息公开申请情况,一、本年新收政府信息公开申请数量,总计,5,件",
    );
    // Blank cells stay blank (null), they do not become 0.
    expect(lines.find((l) => l.startsWith("t2.rules.madeNew,"))).toBe(
      "t2.rules.madeNew,主动公开政府信息情况,规章,本年新制作数量,,件",
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  it("compares two agencies side by side, with differences, and exports the comparison", async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${base}/compare?years=2019,2020`);
    const picker = page.getByRole("searchbox", { name: "添加机关" });
    for (const [i, name] of ["四川省应急管理厅", "成都市应急管理局"].entries()) {
      await picker.fill("应急管理");
      const option = page.locator(".picker-options button", { hasText: name });
      await option.waitFor();
      await option.click();
      await expect.poll(() => new URL(page.url()).searchParams.get("agencies")?.split(",").length ?? 0).toBe(i + 1);
    }
    const table = page.locator("table.compare-table");
    // Two agencies × two years, each a column after the metric names.
    await expect.poll(() => table.locator("thead th").count()).toBe(5);
    expect(await table.locator("tbody tr").count()).toBeGreaterThanOrEqual(4);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载 CSV" }).click(),
    ]);
    const csv = readFileSync(await download.path(), "utf8");
    expect(csv.split("\n")[0]?.split(",").length).toBe(5);
    // The view is in the URL: opening it again shows the same comparison.
    const again = await context.newPage();
    await again.goto(page.url());
    expect(await again.locator("table.compare-table thead th").count()).toBe(5);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the metric explorer draws a chart beside its table and regroups it by region", async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${base}/metrics`);
    await page.locator('.echart[data-chart="ready"] svg').waitFor();
    const rows = await page.locator("table.data-table tbody tr").count();
    expect(rows).toBeGreaterThan(3);
    await page.getByRole("searchbox", { name: "查找指标（中文或英文）" }).fill("granted");
    await page.locator(".picker-options a").first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get("metric")).toMatch(/granted/i);
    await page.getByRole("radio", { name: "按地区" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("groupBy")).toBe("region");
    await expect.poll(() => page.locator("table.data-table tbody").textContent()).toContain("四川省");
    await page.locator('.echart[data-chart="ready"] svg').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("with JavaScript disabled, the report page still contains its tables and figures", async () => {
    const { context, page } = await openPage(browser, { javaScriptEnabled: false });
    const response = await page.goto(base + (await seedReportPath()));
    expect(response?.status()).toBe(200);
    expect(await page.locator('td[data-cell="t3.newReceived.total"]').textContent()).toBe("5");
    expect(await page.locator("table caption").count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('th[scope="col"]').count()).toBeGreaterThan(10);
    expect(await page.title()).toContain("四川省应急管理厅2019年政府信息公开工作年度报告");
    // Search works as a plain form.
    await page.getByRole("searchbox", { name: "搜索机关或报告内容" }).first().fill("平潭");
    await page.getByRole("searchbox", { name: "搜索机关或报告内容" }).first().press("Enter");
    await page.waitForURL(/\/search\?q=/);
    expect(await page.locator(".search-results").textContent()).toContain("平潭");
    await context.close();
  });

  it("an unknown report is a real 404 page with a search box", async () => {
    const { context, page } = await openPage(browser);
    const response = await page.goto(`${base}/reports/rpt_doesnotexist0`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("找不到这个页面");
    expect(await page.getByRole("searchbox", { name: "搜索机关或报告内容" }).count()).toBeGreaterThan(0);
    await context.close();
  });

  it("when the API is down the visitor sees a clear message and can retry", async () => {
    const { context, page } = await openPage(browser);
    await page.goto(base);
    await page.route("**/trpc/portal/**", (route) => route.abort("connectionrefused"));
    // Browse needs data the home page did not load.
    await page.getByRole("link", { name: "浏览报告" }).first().click();
    const alert = page.getByRole("alert");
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.textContent()).toContain("暂时无法加载");
    await page.unroute("**/trpc/portal/**");
    await alert.getByRole("button", { name: "重试" }).click();
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 15_000 }).toBe("浏览报告");
    await context.close();
  });

  it("can be used with the keyboard: skip link first, then focus lands on the content", async () => {
    const { context, page } = await openPage(browser);
    await page.goto(base);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip-link");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await context.close();
  });

  it("works on a 360 px phone: the page does not scroll sideways, wide tables scroll inside with a sticky first column", async () => {
    const { context, page } = await openPage(browser, {
      viewport: { width: 360, height: 780 },
      isMobile: true,
      hasTouch: true,
    });
    await page.goto(base + (await seedReportPath()));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const t3 = page.locator(".gk-table-t3").first();
    const scroller = t3.locator("xpath=..");
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(
      await t3
        .locator("tbody th")
        .first()
        .evaluate((el) => getComputedStyle(el).position),
    ).toBe("sticky");
    await context.close();
  });
});
