import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signInConsole } from "../src/admin";
import { ApiSession, DEMO_PASSWORD } from "../src/api";
import { launchBrowser } from "../src/browser";
import { openPage } from "../src/page";

// The console as agency staff use it, in real Chromium against the real server (temporary PGlite,
// demo data): an editor drafts the 2025 report of 成都市应急管理局, an approver sends it back with
// a comment on a cell and finally publishes it, and the portal shows it.

const base = inject("baseUrl");
const YEAR = 2025;
let browser: Browser;
let reportId = "";

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const signIn = (email: string, viewport?: { width: number; height: number }) =>
  signInConsole(browser, base, email, viewport);

const cell = (page: Page, path: string) => page.locator(`input[data-path="${path}"]`);

/** What the Chinese clerk does with a clipboard: paste a block copied from Excel into a cell. */
async function paste(page: Page, path: string, text: string) {
  await cell(page, path).focus();
  await cell(page, path).evaluate((el, data) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", data);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

async function saved(page: Page) {
  await expect
    .poll(() =>
      page
        .getByRole("status")
        .filter({ hasText: /已保存|有未保存|正在保存|保存失败|暂时无法/ })
        .first()
        .textContent(),
    )
    .toContain("已保存");
}

/** The report's state as the header's tag shows it, or the error the open dialog shows instead. */
async function stateOrError(page: Page): Promise<string> {
  const alert = page.locator(".ant-modal [role=alert]");
  if (await alert.count()) return `dialog error: ${await alert.first().textContent()}`;
  const open = page.locator(".ant-modal-wrap:visible .ant-modal-title");
  if (await open.count()) return `dialog still open: ${await open.first().textContent()}`;
  return (await page.locator(".editor-head .state-tag").first().textContent()) ?? "";
}

/** Fill each warning's acknowledgement in the open dialog. */
async function acknowledge(page: Page) {
  const notes = page.locator(".ant-modal .acks textarea");
  for (let i = 0; i < (await notes.count()); i++) await notes.nth(i).fill("已核实，与台账一致");
}

const T3_COLUMNS = ["naturalPerson", "commercial", "research", "socialWelfare", "legalService", "otherOrg"] as const;

describe("admin console in Chromium", () => {
  it("editor: creates the 2025 report, pastes a table, sees a rule fail, fixes it and submits", async () => {
    const { context, page, problems } = await signIn("editor@gongkai.demo");
    await page.getByRole("button", { name: `开始编写 ${YEAR} 年度报告` }).click();
    await page.getByRole("button", { name: "创建草稿" }).click();
    await page.waitForURL(/\/admin\/reports\/rpt_/);
    reportId = new URL(page.url()).pathname.split("/").pop() as string;
    await expect.poll(() => page.locator("h1").first().textContent()).toContain("成都市应急管理局");

    // Narrative for all six sections.
    for (const k of ["overview", "proactive", "requests", "reviewLitigation", "problems", "other"]) {
      await page
        .locator(`#section-${k} textarea`)
        .first()
        .fill(`成都市应急管理局${YEAR}年${k}部分的情况说明，按统一格式编写。`);
    }
    // Tables 二 and 四: nothing to report, stated as 0 rather than left blank.
    await page.locator("#section-proactive").getByRole("button", { name: "其余空格填 0" }).click();
    await page.locator("#section-reviewLitigation").getByRole("button", { name: "其余空格填 0" }).click();

    // Table 三: a row pasted from Excel whose total does not add up (3 + 1 ≠ 9).
    await paste(page, "t3.newReceived.naturalPerson", "3\t1\t0\t0\t0\t0\t9\r\n");
    expect(await cell(page, "t3.newReceived.commercial").inputValue()).toBe("1");
    await expect
      .poll(() => cell(page, "t3.newReceived.total").evaluate((el) => el.closest("td")?.className ?? ""))
      .toContain("gk-flag-error");
    await expect.poll(() => page.locator(".gk-findings").textContent()).toContain("总计 = 9");

    // Fix: the rest of table 三 is 0, each column's applications are all granted, totals computed.
    await page.locator("#section-requests").getByRole("button", { name: "其余空格填 0" }).click();
    const carried = await Promise.all(
      T3_COLUMNS.map(async (c) => Number((await cell(page, `t3.carriedOver.${c}`).inputValue()) || 0)),
    );
    const received = [3, 1, 0, 0, 0, 0];
    await paste(
      page,
      "t3.granted.naturalPerson",
      T3_COLUMNS.map((_, i) => String((received[i] ?? 0) + (carried[i] ?? 0))).join("\t"),
    );
    await page.getByRole("button", { name: "计算合计" }).click();
    expect(await cell(page, "t3.newReceived.total").inputValue()).toBe("4");
    await expect
      .poll(() => cell(page, "t3.newReceived.total").evaluate((el) => el.closest("td")?.className ?? ""))
      .not.toContain("gk-flag-error");
    await saved(page);

    // Submit: no errors left; each warning acknowledged in writing.
    await page.locator(".editor-head").getByRole("button", { name: "提交审核" }).click();
    await expect.poll(() => page.locator(".ant-modal").textContent()).not.toContain("改正后才能提交");
    await acknowledge(page);
    await page.locator(".ant-modal-footer").getByRole("button", { name: "提交审核" }).click();
    await expect.poll(() => stateOrError(page)).toBe("待审核");
    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
    await context.close();
  });

  it("approver: sends it back with a comment on a cell; the editor sees the comment, fixes and resubmits", async () => {
    const approver = await signIn("approver@gongkai.demo");
    await approver.page.goto(`${base}/admin/reports/${reportId}`);
    await cell(approver.page, "t3.granted.naturalPerson").click();
    await approver.page.locator(".editor-head").getByRole("button", { name: "退回修改" }).click();
    await approver.page.getByLabel("需要修改的内容").fill("请核对予以公开的自然人申请数。");
    await approver.page.getByLabel(/^对单元格/).fill("此数应与台账一致，请复核。");
    await approver.page.locator(".ant-modal-footer").getByRole("button", { name: "退回修改" }).click();
    await expect.poll(() => stateOrError(approver.page)).toBe("草稿");
    await approver.context.close();

    const editor = await signIn("editor@gongkai.demo");
    await editor.page.goto(`${base}/admin/reports/${reportId}`);
    await expect
      .poll(() =>
        cell(editor.page, "t3.granted.naturalPerson").evaluate(
          (el) => el.closest("td")?.querySelector(".edit-comments")?.textContent ?? "",
        ),
      )
      .toContain("1");
    await editor.page.getByRole("tab", { name: /评论/ }).click();
    await expect.poll(() => editor.page.locator(".comments").textContent()).toContain("此数应与台账一致");
    await editor.page
      .locator("#section-problems textarea")
      .first()
      .fill("已按审核意见复核予以公开的申请数，与台账一致。");
    await saved(editor.page);
    await editor.page.locator(".editor-head").getByRole("button", { name: "提交审核" }).click();
    await acknowledge(editor.page);
    await editor.page.locator(".ant-modal-footer").getByRole("button", { name: "提交审核" }).click();
    await expect.poll(() => stateOrError(editor.page)).toBe("待审核");
    await editor.context.close();
  });

  it("approver: approves and publishes with sign-off; the portal shows the published report", async () => {
    const { context, page } = await signIn("approver@gongkai.demo");
    await page.goto(`${base}/admin/reports/${reportId}`);
    await page.locator(".editor-head").getByRole("button", { name: "审核通过" }).click();
    await page.locator(".ant-modal-footer").getByRole("button", { name: "审核通过" }).click();
    await expect.poll(() => stateOrError(page)).toBe("已审核");
    await page.locator(".editor-head").getByRole("button", { name: "发布" }).click();
    await acknowledge(page);
    await page.locator(".ant-modal").getByRole("checkbox").check();
    await page.locator(".ant-modal-footer").getByRole("button", { name: "签发并发布" }).click();
    await expect.poll(() => stateOrError(page)).toBe("已发布");
    await context.close();

    const portal = await openPage(browser);
    const res = await portal.page.goto(`${base}/reports/${reportId}`);
    expect(res?.status()).toBe(200);
    expect(await portal.page.locator('td[data-cell="t3.newReceived.total"]').textContent()).toBe("4");
    expect(await portal.page.locator(".versions").textContent()).toContain("信息公开审核");
    await portal.context.close();
  });

  it("two browsers save the same draft: the second gets the conflict dialog, and merging keeps both edits", async () => {
    // A correction opens a new draft of the published report.
    const approverApi = new ApiSession(base);
    await approverApi.signIn("approver@gongkai.demo", DEMO_PASSWORD);
    await approverApi.mutate("reports.correct", { id: reportId, reason: "复核后更正行政复议数据" });
    const one = await signIn("editor@gongkai.demo");
    const two = await signIn("editor@gongkai.demo");
    await one.page.goto(`${base}/admin/reports/${reportId}`);
    await two.page.goto(`${base}/admin/reports/${reportId}`);
    await cell(one.page, "t4.review.upheld").fill("1");
    await cell(one.page, "t4.review.total").fill("1");
    await saved(one.page);
    await cell(two.page, "t4.review.pending").fill("2");
    await expect.poll(() => two.page.getByRole("dialog").textContent()).toContain("报告已被他人修改");
    await two.page.getByRole("button", { name: /合并/ }).click();
    await saved(two.page);
    const editorApi = new ApiSession(base);
    await editorApi.signIn("editor@gongkai.demo", DEMO_PASSWORD);
    const draft = await editorApi.query<{ content: { tables: { t4: { review: Record<string, number | null> } } } }>(
      "reports.get",
      { id: reportId },
    );
    expect(draft.content.tables.t4.review.upheld).toBe(1);
    expect(draft.content.tables.t4.review.pending).toBe(2);
    await one.context.close();
    await two.context.close();
  });

  it("an editor of one agency cannot open another agency's draft", async () => {
    // The demo data holds drafts of other agencies; the admin sees them all.
    const admin = new ApiSession(base);
    await admin.signIn("admin@gongkai.demo", DEMO_PASSWORD);
    const drafts = await admin.query<{ items: { id: string; agency: { id: string } }[] }>("reports.list", {
      state: "draft",
      page: 1,
      pageSize: 50,
    });
    const theirs = drafts.items.find((r) => r.agency.id !== "cd-yjglj");
    expect(theirs).toBeDefined();
    const { context, page } = await signIn("editor@gongkai.demo");
    await page.goto(`${base}/admin/reports/${theirs?.id}`);
    await expect.poll(() => page.locator("body").textContent()).toContain("找不到这个页面");
    expect(await page.locator("input[data-path]").count()).toBe(0);
    // The API refuses it too, not only the page.
    const editor = new ApiSession(base);
    await editor.signIn("editor@gongkai.demo", DEMO_PASSWORD);
    await expect(editor.query("reports.get", { id: theirs?.id })).rejects.toThrow(/404/);
    await context.close();
  });

  it("an expired session sends the editor to sign in and back, and the unsaved edit is offered again", async () => {
    // The correction draft opened above is still a draft of 成都市应急管理局.
    const { context, page } = await signIn("editor@gongkai.demo");
    await page.goto(`${base}/admin/reports/${reportId}`);
    await cell(page, "t4.suitAfterReview.pending").fill("3");
    // The session ends before the autosave runs (a server restart, a timeout, sign-out in another tab).
    await context.clearCookies();
    await page.waitForURL(/sign-in\?.*expired=1/);
    await expect.poll(() => page.locator("body").textContent()).toContain("登录已过期");
    await page.getByLabel("电子邮箱").fill("editor@gongkai.demo");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(new RegExp(`/admin/reports/${reportId}`));
    await expect.poll(() => page.getByRole("dialog").textContent()).toContain("发现未保存的修改");
    await page.getByRole("dialog").getByRole("button", { name: "恢复" }).click();
    expect(await cell(page, "t4.suitAfterReview.pending").inputValue()).toBe("3");
    await saved(page);
    const api = new ApiSession(base);
    await api.signIn("editor@gongkai.demo", DEMO_PASSWORD);
    const draft = await api.query<{
      content: { tables: { t4: { suitAfterReview: Record<string, number | null> } } };
    }>("reports.get", { id: reportId });
    expect(draft.content.tables.t4.suitAfterReview.pending).toBe(3);
    await context.close();
  });

  it("a signed-out visitor is sent to sign in, and back to the page afterwards", async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${base}/admin/reports/${reportId}`);
    await page.waitForURL(/sign-in\?next=/);
    await page.getByLabel("电子邮箱").fill("editor@gongkai.demo");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(new RegExp(`/admin/reports/${reportId}`));
    await context.close();
  });
});
