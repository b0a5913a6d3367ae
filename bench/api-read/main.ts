import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAuth, createContext, type Deps, importPublishedReport } from "@gongkai/api";
import { createApp } from "@gongkai/server/src/app.ts";
import { createResponseCache } from "@gongkai/server/src/response-cache.ts";
import { realReport, realReportFiles, seedReference } from "@gongkai/server/src/seed.ts";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import pino from "pino";
import { type Engine, engines, type FreshDatabase, freshDatabase } from "../_shared/db";
import { type CannonResult, cannon, fmt } from "../_shared/util";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const goal = 0.6;
const input = JSON.stringify({ agencyId: "pingtan", year: 2024 });
const path = `/trpc/portal/reports.get?input=${encodeURIComponent(input)}`;

function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<{ server: Server; base: string }> {
  const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }) as Server;
  return once(server, "listening").then(() => ({
    server,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  }));
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** The real server: seeded reference data and the four real fixtures, createApp, @hono/node-server. */
async function realServer(
  engine: Engine,
): Promise<{ fresh: FreshDatabase; server: Server; base: string; uncached: { server: Server; base: string } }> {
  const fresh = await freshDatabase(engine);
  try {
    const db = fresh.handle;
    await seedReference(db);
    const { port: auth } = createAuth(db, {
      secret: "bench-secret-bench-secret-bench-secret",
      baseURL: "http://127.0.0.1",
    });
    const deps: Deps = { db, auth, now: () => new Date() };
    const ctx = createContext(deps, { viewer: null, requestId: "bench" });
    for (const name of realReportFiles) await importPublishedReport(ctx, { content: realReport(name) });
    // As in production (LOG_LEVEL=info, one JSON line per request, synchronous), but into /dev/null.
    const logger = pino(
      { level: "info", base: { service: "gongkai" } },
      pino.destination({ dest: "/dev/null", sync: true }),
    );
    // As pnpm start runs it: portal answers kept in memory for PORTAL_CACHE_SECONDS (30) …
    const portalCache = createResponseCache({ ttlMs: 30_000, maxBytes: 64 * 1024 * 1024 });
    const app = createApp({ ...deps, logger, trustedOrigins: ["http://127.0.0.1"], portalCache });
    // … and with PORTAL_CACHE_SECONDS=0: every request goes through tRPC to the database.
    const off = createApp({ ...deps, logger, trustedOrigins: ["http://127.0.0.1"] });
    return { fresh, ...(await listen(app.fetch)), uncached: await listen(off.fetch) };
  } catch (err) {
    await fresh.drop();
    throw err;
  }
}

async function measure(base: string): Promise<CannonResult> {
  if (warmupSeconds > 0) await cannon({ url: `${base}${path}`, connections, duration: warmupSeconds });
  const r = await cannon({ url: `${base}${path}`, connections, duration: seconds });
  if (r.non2xx || r.errors || r.timeouts)
    throw new Error(
      `${base}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts — the figures would mean nothing`,
    );
  return r;
}

const rows: { engine: Engine; name: string; r: CannonResult; ratio: number | null; goal?: boolean }[] = [];
let bodyBytes = 0;
for (const engine of engines()) {
  const real = await realServer(engine);
  let bare: Server | null = null;
  try {
    // The exact bytes the real route returns, kept in memory for the bare route.
    const res = await fetch(`${real.base}${path}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (res.status !== 200) throw new Error(`reports.get answered ${res.status}: ${new TextDecoder().decode(bytes)}`);
    bodyBytes = bytes.byteLength;
    const contentType = res.headers.get("content-type") ?? "application/json";
    const bareApp = new Hono();
    bareApp.get("/trpc/portal/reports.get", (c) => c.body(bytes, 200, { "content-type": contentType }));
    const b = await listen(bareApp.fetch);
    bare = b.server;
    const check = new Uint8Array(await (await fetch(`${b.base}${path}`)).arrayBuffer());
    if (Buffer.compare(check, bytes) !== 0) throw new Error("the bare route does not return the same bytes");

    const realResult = await measure(real.base);
    const uncachedResult = await measure(real.uncached.base);
    const bareResult = await measure(b.base);
    const ratio = (r: CannonResult) => r.requestsPerSecond / bareResult.requestsPerSecond;
    rows.push({ engine, name: "Gongkai app (as started)", r: realResult, ratio: ratio(realResult), goal: true });
    rows.push({ engine, name: "Gongkai app, PORTAL_CACHE_SECONDS=0", r: uncachedResult, ratio: ratio(uncachedResult) });
    rows.push({ engine, name: "bare Hono, same bytes", r: bareResult, ratio: null });
  } finally {
    if (bare) await close(bare);
    await close(real.server);
    await close(real.uncached.server);
    await real.fresh.drop();
  }
}

console.log(
  `bench/api-read — GET ${decodeURIComponent(path)} (${fmt(bodyBytes)} bytes), ${connections} connections, ${seconds} s each after ${warmupSeconds} s warm-up; autocannon in its own process`,
);
console.log(
  `  ${"engine".padEnd(9)} ${"server".padEnd(34)} ${"req/s".padStart(9)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"MB/s".padStart(7)}  real/bare`,
);
for (const { engine, name, r, ratio } of rows) {
  console.log(
    `  ${engine.padEnd(9)} ${name.padEnd(36)} ${fmt(r.requestsPerSecond).padStart(9)} ${fmt(r.latency.p50, 1).padStart(7)} ${fmt(r.latency.p99, 1).padStart(7)} ${fmt(r.bytesPerSecond / 1e6, 1).padStart(7)}  ${ratio === null ? "" : `${ratio.toFixed(2)}×`}`,
  );
}
for (const { engine, ratio, goal: counts } of rows) {
  if (ratio === null || !counts) continue;
  const off = rows.find((r) => r.engine === engine && r.ratio !== null && !r.goal);
  console.log(
    `  goal real/bare ≥ ${goal} (${engine}): ${ratio >= goal ? "met" : "NOT met"} (${ratio.toFixed(2)} as started; ${off?.ratio?.toFixed(2) ?? "?"} with the answer cache off)`,
  );
}
if (!process.env.DATABASE_URL) console.log("  (PostgreSQL not measured: DATABASE_URL is not set)");
