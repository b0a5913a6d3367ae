import { readdirSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { importPublishedReport } from "@gongkai/api";
import { createWorld, type TestWorld } from "@gongkai/api/testing";
import { ReportSchema } from "@gongkai/schema";
import { type ServerType, serve } from "@hono/node-server";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { loadPortal } from "../src/ssr";

// The server-rendered portal over real HTTP: the built apps/portal (turbo builds it before these
// tests: it is a dev dependency of the server) rendered against a real database.

const portalDist = fileURLToPath(new URL("../../portal/dist", import.meta.url));
let w: TestWorld;
let server: ServerType;
let base = "";
let reportId = "";

beforeAll(async () => {
  w = await createWorld({ now: "2025-03-01T00:00:00Z" });
  await w.region("510000", "四川省");
  await w.agency({ id: "sc-emergency-management", name: "四川省应急管理厅", regionCode: "510000", tracked: false });
  const content = ReportSchema.parse(
    JSON.parse(
      readFileSync(
        new URL("../../../packages/schema/test/fixtures/sichuan-emergency-management-2019.json", import.meta.url),
        "utf8",
      ),
    ),
  );
  reportId = (await importPublishedReport(w.context(null), { content })).id;
  const portal = await loadPortal(portalDist);
  if (!portal) throw new Error(`the portal is not built in ${portalDist}: run pnpm turbo run build`);
  const app = createApp({ ...w.deps, logger: pino({ level: "silent" }), trustedOrigins: ["http://localhost"], portal });
  server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((ok) => server.once("listening", () => ok()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
  await w?.close();
});

describe("the server-rendered portal", () => {
  it("serves a report page as complete HTML, in Chinese by default", async () => {
    const res = await fetch(`${base}/reports/${reportId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("vary")).toContain("Cookie");
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toMatch(/<td[^>]*data-cell="t3.newReceived.total"[^>]*>5<\/td>/);
    expect(html).toContain('<script id="gk-state" type="application/json">');
    // The page's own code is preloaded, not discovered after the entry script runs.
    expect(html).toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/report-[^"]+\.js"/);
    // No inline script: the content security policy allows none.
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(html.match(/<script(?![^>]*(src=|type="application\/json"))[^>]*>/g)).toBeNull();
  });

  it("renders English from the language cookie or ?lang=", async () => {
    const byCookie = await (await fetch(`${base}/browse`, { headers: { cookie: "gk-lang=en" } })).text();
    expect(byCookie).toContain('<html lang="en">');
    expect(byCookie).toContain("Browse reports");
    const byQuery = await (await fetch(`${base}/data?lang=en`)).text();
    expect(byQuery).toContain("Data &amp; API");
  });

  it("answers unknown pages with 404 and the not-found page, and API paths with JSON", async () => {
    const page = await fetch(`${base}/reports/rpt_doesnotexist0`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("找不到这个页面");
    const api = await fetch(`${base}/api/v1/nothing-here`);
    expect(api.status).toBe(404);
    expect(api.headers.get("content-type")).toContain("application/json");
  });

  it("redirects a URL with invalid parameters to its canonical form", async () => {
    const res = await fetch(`${base}/browse?level=galaxy&region=51`, { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/browse?region=51");
  });

  it("serves the built assets with long-lived caching, and never the build manifest", async () => {
    const asset = readdirSync(`${portalDist}/client/assets`).find((f) => f.endsWith(".js"));
    const res = await fetch(`${base}/assets/${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect((await fetch(`${base}/.vite/manifest.json`)).status).toBe(404);
    expect((await fetch(`${base}/assets/..%2F..%2Fserver%2Fentry-server.js`)).status).toBe(404);
  });
});
