import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signInConsole } from "../src/admin";
import { ApiSession, DEMO_PASSWORD } from "../src/api";
import { launchBrowser } from "../src/browser";

// Importing a published report in the console, in real Chromium against the real server (temporary
// PGlite, demo data). The editor of 成都市应急管理局 previews 平潭 2020 (another agency's report, with a
// real arithmetic error: report-format.md §8.4) and cannot accept it; then imports a report of their
// own agency for 2026 (the demo data stops at 2025) and gets the draft in the editor.

const base = inject("baseUrl");
const fixtures = resolve(import.meta.dirname, "../fixtures");
/** The importer's own copy of the real published pages (report-format.md §8). */
const importerFixtures = resolve(import.meta.dirname, "../../packages/importer/test/fixtures");
const MAX_BYTES = 10 * 1024 * 1024;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const signIn = (email: string, viewport?: { width: number; height: number }) =>
  signInConsole(browser, base, email, viewport);

/** Choose a file in the upload area, as the file dialog would, and wait for the preview. */
async function upload(page: Page, file: string) {
  await page
    .locator('input[type="file"]')
    .setInputFiles(file === "pingtan-2020.html" ? join(importerFixtures, file) : join(fixtures, file));
  await page.locator(".imports-report .gk-report").waitFor({ timeout: 30_000 });
}

/** A data cell of the report as read (a button that shows its source). */
const cell = (page: Page, path: string) => page.locator(`button[data-prov="${path}"]`);
const acceptCard = (page: Page) => page.locator(".imports-card").filter({ hasText: "生成草稿" });

describe("import a file, in Chromium", () => {
  it("editor: previews 平潭 2020 — the figures, the rule 8 error, each cell's source — and may not accept it", async () => {
    const { context, page, problems } = await signIn("editor@gongkai.demo");
    await page.getByRole("link", { name: "从文件导入" }).click();
    await page.waitForURL(/\/admin\/imports$/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("从文件导入");
    await upload(page, "pingtan-2020.html");

    // What was recognised.
    const detected = page.locator(".imports-card").filter({ hasText: "识别结果" });
    await expect.poll(() => detected.textContent()).toContain("平潭综合实验区2020年政府信息公开工作年度报告");
    expect(await detected.textContent()).toContain("2019 年版");
    expect(await page.locator(".imports-stats").textContent()).toContain("读到数字 198 格");

    // Table 三 as §8.4 gives it: 一 20 … 1, 21; （一）6 … 1, 7; （七）20 … 21.
    expect(await cell(page, "t3.newReceived.naturalPerson").textContent()).toBe("20");
    expect(await cell(page, "t3.newReceived.otherOrg").textContent()).toBe("1");
    expect(await cell(page, "t3.newReceived.total").textContent()).toBe("21");
    expect(await cell(page, "t3.granted.naturalPerson").textContent()).toBe("6");
    expect(await cell(page, "t3.granted.total").textContent()).toBe("7");
    expect(await cell(page, "t3.handledTotal.total").textContent()).toBe("21");

    // Rule 8: the outcome rows add up to 26 and 27, not the 20 and 21 the report states.
    const quality = page.locator(".gk-findings");
    expect(await quality.textContent()).toContain("（七）总计 自然人 = 20，但各项办理结果之和为 26");
    expect(await quality.locator(".gk-finding-error").filter({ hasText: "R08" }).count()).toBe(2);
    expect(await cell(page, "t3.handledTotal.total").evaluate((el) => el.closest("td")?.className)).toContain(
      "gk-flag-error",
    );

    // Clicking a cell marks its source cell and says where it came from.
    await cell(page, "t3.granted.naturalPerson").click();
    const marked = page.locator(".imports-source .src-highlight");
    await expect.poll(() => marked.count()).toBe(1);
    expect(await marked.getAttribute("id")).toMatch(/^src-\d+-\d+-\d+$/);
    expect((await marked.textContent())?.trim()).toBe("6");
    const provenance = page.locator(".imports-prov");
    await expect.poll(() => provenance.textContent()).toContain("（一）予以公开");
    expect(await provenance.textContent()).toContain("“6”");
    // The keyboard does the same: Tab to the next cell moves the mark.
    const before = await marked.getAttribute("id");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.prov)).toBe(
      "t3.granted.commercial",
    );
    await expect.poll(() => marked.getAttribute("id")).not.toBe(before);

    // Another agency's report, and a year it already has: no draft.
    const accept = acceptCard(page);
    expect(await accept.textContent()).toContain("即平台上的“平潭综合实验区”");
    expect(await accept.textContent()).toContain("您不是该机关的编辑人员");
    expect(await accept.textContent()).toContain("已有 2020 年度报告（已发布）");
    expect(await page.getByRole("button", { name: "创建草稿" }).count()).toBe(0);

    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
    await context.close();
  });

  it("editor: imports the agency's own 2026 report and lands in the editor with the figures", async () => {
    const { context, page, problems } = await signIn("editor@gongkai.demo");
    await page.goto(`${base}/admin/imports`);
    await upload(page, "cd-yjglj-2026.html");
    const accept = acceptCard(page);
    await expect.poll(() => accept.textContent()).toContain("即平台上的“成都市应急管理局”");
    expect(await accept.locator(".ant-select").textContent()).toContain("2026");
    // The file's table 三: 本年新收 自然人 21, 总计 31.
    expect(await cell(page, "t3.newReceived.naturalPerson").textContent()).toBe("21");
    expect(await cell(page, "t3.newReceived.total").textContent()).toBe("31");

    await page.getByRole("button", { name: "创建草稿" }).click();
    await page.waitForURL(/\/admin\/reports\/rpt_/);
    await expect.poll(() => page.locator(".ant-message").textContent()).toContain("已根据“cd-yjglj-2026.html”创建草稿");
    await expect.poll(() => page.locator("h1").first().textContent()).toContain("成都市应急管理局");
    expect(await page.locator("h1").first().textContent()).toContain("2026");
    expect(await page.locator('input[data-path="t3.newReceived.naturalPerson"]').inputValue()).toBe("21");
    expect(await page.locator('input[data-path="t3.newReceived.total"]').inputValue()).toBe("31");

    // The API has it as the agency's 2026 draft, noting the file it came from.
    const id = new URL(page.url()).pathname.split("/").pop() as string;
    const api = new ApiSession(base);
    await api.signIn("editor@gongkai.demo", DEMO_PASSWORD);
    const draft = await api.query<{ state: string; year: number; content: { source?: { note?: string } } }>(
      "reports.get",
      { id },
    );
    expect(draft.state).toBe("draft");
    expect(draft.year).toBe(2026);
    expect(draft.content.source?.note).toContain("cd-yjglj-2026.html");

    // The same file again: the agency now has that year, and the page says so with a link to it.
    await page.goto(`${base}/admin/imports`);
    await upload(page, "cd-yjglj-2026.html");
    await expect.poll(() => acceptCard(page).textContent()).toContain("已有 2026 年度报告（草稿）");
    expect(await acceptCard(page).getByRole("link", { name: "打开已有的报告" }).getAttribute("href")).toBe(
      `/admin/reports/${id}`,
    );
    expect(await page.getByRole("button", { name: "创建草稿" }).isDisabled()).toBe(true);

    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
    await context.close();
  });

  it("on a phone: refuses an empty or too large file before sending it; the preview fits 390 px", async () => {
    const { context, page, problems } = await signIn("editor@gongkai.demo", { width: 390, height: 844 });
    await page.goto(`${base}/admin/imports`);
    const input = page.locator('input[type="file"]');
    await input.setInputFiles({ name: "empty.html", mimeType: "text/html", buffer: Buffer.alloc(0) });
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("“empty.html”是空文件");
    await input.setInputFiles({ name: "huge.html", mimeType: "text/html", buffer: Buffer.alloc(MAX_BYTES + 1, 32) });
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("“huge.html”超过 10 MB");

    await upload(page, "pingtan-2020.html");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await cell(page, "t3.handledTotal.naturalPerson").click();
    await expect.poll(() => page.locator(".imports-source .src-highlight").textContent()).toContain("20");
    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
    await context.close();
  });
});
