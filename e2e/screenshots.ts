// Screenshots of every portal page, desktop and phone, for people to look at:
//   pnpm --filter @gongkai/e2e screenshots [baseUrl]
// Without a URL it starts the built server on a temporary PGlite with demo data.
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { launchBrowser } from "./src/browser";
import { startServer } from "./src/server";

const out = resolve(import.meta.dirname, "../screenshots");
mkdirSync(out, { recursive: true });
const server = process.argv[2] ? null : await startServer();
const base = process.argv[2] ?? server?.url ?? "";
const browser = await launchBrowser();
try {
  const first = await (
    await fetch(`${base}/trpc/portal/search?input=${encodeURIComponent(JSON.stringify({ q: "应急管理厅", limit: 5 }))}`)
  ).json();
  const hit = (
    first as { result: { data: { hits: { kind: string; reportId?: string; agencyId: string }[] } } }
  ).result.data.hits.find((h) => h.kind === "report");
  const pages: [string, string][] = [
    ["home", "/"],
    ["browse", "/browse?region=51"],
    ["report", `/reports/${hit?.reportId ?? ""}`],
    ["agency", `/agencies/${hit?.agencyId ?? ""}`],
    ["search", "/search?q=应急管理厅"],
    ["compare", "/compare"],
    ["metrics", "/metrics?metric=t3.newReceived.total&groupBy=region"],
    ["compliance", "/compliance"],
    ["data", "/data"],
    ["not-found", "/reports/rpt_doesnotexist1"],
  ];
  for (const [viewport, size] of [
    ["desktop", { width: 1280, height: 900 }],
    ["phone", { width: 360, height: 780 }],
  ] as const) {
    for (const lang of ["zh", "en"] as const) {
      const context = await browser.newContext({ viewport: size, deviceScaleFactor: 1 });
      await context.addCookies([{ name: "gk-lang", value: lang, url: base }]);
      const page = await context.newPage();
      for (const [name, path] of pages) {
        await page.goto(base + path, { waitUntil: "networkidle" });
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${out}/${name}-${viewport}-${lang}.png`, fullPage: viewport === "desktop" });
      }
      await context.close();
    }
  }
  // The admin console, as each demo account sees it.
  const adminPages: [string, string, string][] = [
    ["editor", "dashboard", "/admin/"],
    ["editor", "new-report", "/admin/reports/new"],
    ["oversight", "dashboard", "/admin/"],
    ["oversight", "compliance", "/admin/compliance"],
    ["oversight", "quality", "/admin/quality"],
    ["admin", "agencies", "/admin/agencies"],
    ["admin", "users", "/admin/users"],
    ["admin", "audit", "/admin/audit"],
    ["editor", "imports", "/admin/imports"],
  ];
  for (const [viewport, size] of [
    ["desktop", { width: 1440, height: 900 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    for (const lang of ["zh", "en"] as const) {
      for (const account of ["editor", "oversight", "admin"]) {
        const context = await browser.newContext({ viewport: size, deviceScaleFactor: 1 });
        await context.addCookies([{ name: "gk-lang", value: lang, url: base }]);
        const page = await context.newPage();
        await page.goto(`${base}/admin/sign-in`);
        await page.locator("input[type=email]").fill(`${account}@gongkai.demo`);
        await page.locator("input[type=password]").fill("gongkai-demo-2026");
        await page.locator("button[type=submit]").click();
        await page.waitForURL((u) => !u.pathname.includes("sign-in"));
        for (const [who, name, path] of adminPages) {
          if (who !== account) continue;
          await page.goto(base + path, { waitUntil: "networkidle" });
          await page.waitForTimeout(500);
          await page.screenshot({ path: `${out}/admin-${who}-${name}-${viewport}-${lang}.png`, fullPage: true });
        }
        if (account === "editor") {
          // The editor on a report with findings: the first draft the editor may open.
          const drafts = await page.evaluate(async () => {
            const r = await fetch("/trpc/admin/reports.list?input=%7B%22page%22%3A1%2C%22pageSize%22%3A20%7D");
            return ((await r.json()) as { result: { data: { items: { id: string; state: string }[] } } }).result.data
              .items;
          });
          const draft = drafts.find((d) => d.state === "draft") ?? drafts[0];
          if (draft) {
            await page.goto(`${base}/admin/reports/${draft.id}`, { waitUntil: "networkidle" });
            await page.waitForTimeout(800);
            await page.screenshot({ path: `${out}/admin-editor-report-${viewport}-${lang}.png`, fullPage: true });
          }
        }
        await context.close();
      }
    }
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await server?.stop();
}
