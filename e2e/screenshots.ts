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
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  await server?.stop();
}
