import {
  type BulkReport,
  bulkLoadReports,
  createCallerFactory,
  createContext,
  type Deps,
  portalRouter,
} from "@gongkai/api";
import { bulkInsert, type DbHandle, sql } from "@gongkai/db";
import { type DemoAgency, demoAgencies } from "@gongkai/db/demo";
import { generateConsistentReport, seededRandom } from "@gongkai/schema/testing";
import { seedReference } from "@gongkai/server/src/seed.ts";
// The service itself, as the portal router calls it (not exported from the package root).
import { metricSeries } from "../../packages/api/src/services/metrics.ts";
import { type Engine, type FreshDatabase, freshDatabase } from "../_shared/db";
import { fmt, mb, median, memoryOf, option } from "../_shared/util";

const n = option("n", "BENCH_METRICS_N", 100_000);
const pgliteN = option("pglite-n", null, n);
const yearsOption = option("years", null, 0);
const chunk = option("chunk", null, 4000);
const runs = option("runs", null, 5);
const FIRST_YEAR = 2019;
const MAX_YEARS = 2100 - FIRST_YEAR + 1;
const LOAD_GOAL = { reports: 150_000, seconds: 60 };
const QUERY_GOALS: Record<Engine, { n: number; ms: number }> = {
  postgres: { n: 1_500_000, ms: 100 },
  pglite: { n: 100_000, ms: 300 },
};

interface Plan {
  years: number;
  agencies: DemoAgency[];
  /** The synthetic twins among `agencies` (they must be inserted first). */
  twins: DemoAgency[];
}

/**
 * The tracked demo agencies over as many years as needed (2019–2100). 380 agencies × 82 years hold
 * only ~31k reports, so beyond that each demo agency gets synthetic twins (same region, level, kind).
 */
function plan(count: number): Plan {
  const tracked = demoAgencies().filter((a) => a.tracked);
  const years = yearsOption || Math.min(MAX_YEARS, Math.ceil(count / tracked.length));
  if (years > MAX_YEARS) throw new Error(`--years ${years}: only ${MAX_YEARS} years (2019–2100) are valid`);
  const needed = Math.ceil(count / years);
  const twins: DemoAgency[] = [];
  for (let k = 1; tracked.length + twins.length < needed; k++) {
    for (const a of tracked) {
      if (tracked.length + twins.length >= needed) break;
      twins.push({ ...a, id: `${a.id}-twin${k}`, name: `${a.name}（合成${k}）`, parentId: null });
    }
  }
  return { years, agencies: [...tracked, ...twins].slice(0, Math.max(needed, 1)), twins };
}

async function insertClones(db: DbHandle, p: Plan): Promise<void> {
  const clones = p.twins;
  for (let i = 0; i < clones.length; i += 10_000) {
    await bulkInsert(
      db.db,
      "agencies",
      [
        { name: "id", type: "text" },
        { name: "name", type: "text" },
        { name: "region_code", type: "text" },
        { name: "level", type: "agency_level" },
        { name: "kind", type: "agency_kind" },
        { name: "tracked", type: "boolean" },
        { name: "created_at", type: "timestamptz" },
      ],
      clones
        .slice(i, i + 10_000)
        .map((a) => [a.id, a.name, a.regionCode, a.level, a.kind, "true", "2018-01-01T00:00:00Z"]),
    );
  }
}

/** Reports in (year, agency) order, generated lazily: never more than one chunk in memory. */
function* reportsFor(p: Plan, count: number): Generator<BulkReport> {
  let i = 0;
  for (let year = FIRST_YEAR; year < FIRST_YEAR + p.years; year++) {
    for (const a of p.agencies) {
      if (i >= count) return;
      const content = generateConsistentReport({
        edition: year <= 2020 ? 2019 : 2021,
        random: seededRandom(i++),
        year,
        agency: { id: a.id, name: a.name, regionCode: a.regionCode, level: a.level, kind: a.kind },
      });
      yield { content: { ...content, publicationDate: `${year + 1}-01-20` }, state: "published" };
    }
  }
}

interface LoadResult {
  loaded: number;
  genMs: number;
  loadMs: number;
  wallMs: number;
  first150k: { loadMs: number; wallMs: number } | null;
  peakRss: number;
}

async function load(db: DbHandle, p: Plan, count: number, label: string): Promise<LoadResult> {
  let genMs = 0;
  let loadMs = 0;
  let loaded = 0;
  let first150k: LoadResult["first150k"] = null;
  let nextProgress = 50_000;
  const wall0 = performance.now();
  const source = reportsFor(p, count);
  for (;;) {
    const g0 = performance.now();
    const items: BulkReport[] = [];
    while (items.length < chunk) {
      const next = source.next();
      if (next.done) break;
      items.push(next.value);
    }
    genMs += performance.now() - g0;
    if (items.length === 0) break;
    const l0 = performance.now();
    const r = await bulkLoadReports(db, items);
    loadMs += performance.now() - l0;
    loaded += r.loaded;
    if (!first150k && loaded >= LOAD_GOAL.reports) first150k = { loadMs, wallMs: performance.now() - wall0 };
    if (loaded >= nextProgress || loaded === count) {
      nextProgress += 50_000;
      console.error(
        `  [${label}] ${fmt(loaded)} / ${fmt(count)} loaded — ${fmt((loaded / loadMs) * 1000)} reports/s in bulkLoadReports, ${fmt((performance.now() - wall0) / 1000, 1)} s wall, RSS ${mb(memoryOf(process.pid)?.rss ?? 0)}`,
      );
    }
  }
  return {
    loaded,
    genMs,
    loadMs,
    wallMs: performance.now() - wall0,
    first150k,
    peakRss: memoryOf(process.pid)?.hwm ?? 0,
  };
}

interface Timing {
  name: string;
  ms: number;
  points?: number;
}

async function time(name: string, fn: () => Promise<number | undefined>): Promise<Timing> {
  const points = await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return { name, ms: median(samples), ...(points === undefined ? {} : { points }) };
}

async function queries(fresh: FreshDatabase): Promise<Timing[]> {
  const db = fresh.handle;
  const deps: Deps = {
    db,
    auth: null as never, // metric queries never touch auth
    now: () => new Date(),
  };
  const ctx = createContext(deps, { viewer: null, requestId: "bench" });
  const portal = createCallerFactory(portalRouter)(ctx);
  const out: Timing[] = [];
  out.push(
    await time("baseline: SELECT 1 round trip", async () => {
      await db.readDb.execute(sql`select 1`);
      return undefined;
    }),
  );
  for (const metric of ["t3.newReceived.total", "derived.grantedShare"]) {
    for (const groupBy of ["region", "year"] as const) {
      out.push(
        await time(
          `metricSeries ${metric} by ${groupBy}`,
          async () => (await metricSeries({ ctx, input: { metric, groupBy } })).points.length,
        ),
      );
    }
  }
  out.push(
    await time(
      "portal tRPC metrics.series t3.newReceived.total by region",
      async () => (await portal.metrics.series({ metric: "t3.newReceived.total", groupBy: "region" })).points.length,
    ),
  );
  out.push(
    await time("SQL metric_rollups by year × province (t3.newReceived.total)", async () => {
      const r = await db.readDb.execute(sql`
        SELECT year, substr(prefecture, 1, 2) AS province, sum(sum)::text AS s, sum(blanks)::int AS n
        FROM metric_rollups WHERE metric = ${"t3.newReceived.total"} AND year > 0
        GROUP BY year, province ORDER BY year, province`);
      return (r as unknown as { rows: unknown[] }).rows.length;
    }),
  );
  out.push(
    await time("  for comparison: same from report_metrics (no rollups)", async () => {
      const r = await db.readDb.execute(sql`
        SELECT year, substr(prefecture, 1, 2) AS province, sum(value)::text AS s, count(*)::int AS n
        FROM report_metrics WHERE metric = ${"t3.newReceived.total"}
        GROUP BY year, province ORDER BY year, province`);
      return (r as unknown as { rows: unknown[] }).rows.length;
    }),
  );
  return out;
}

const TABLES = [
  "reports",
  "report_versions",
  "report_metrics",
  "metric_rollups",
  "report_findings",
  "search_documents",
];

/** Rows and bytes (with indexes and TOAST) of the tables a published report writes to. */
async function tableStats(db: DbHandle): Promise<string> {
  const parts: string[] = [];
  for (const t of TABLES) {
    const [row] = await db.query<{ n: string; b: string }>(
      `select (select count(*) from ${t})::text as n, pg_total_relation_size('${t}')::text as b`,
    );
    parts.push(`${t} ${fmt(Number(row?.n ?? 0))} rows / ${mb(Number(row?.b ?? 0))}`);
  }
  return parts.join(", ");
}

const engineList: { engine: Engine; count: number }[] = [
  ...(process.env.DATABASE_URL ? [{ engine: "postgres" as const, count: n }] : []),
  ...(pgliteN > 0 ? [{ engine: "pglite" as const, count: pgliteN }] : []),
];

const summaries: string[] = [];
for (const { engine, count } of engineList) {
  const p = plan(count);
  const fresh = await freshDatabase(engine);
  try {
    await seedReference(fresh.handle);
    await insertClones(fresh.handle, p);
    console.error(
      `bench/metrics [${engine}]: ${fmt(count)} reports over ${p.years} years × ${fmt(p.agencies.length)} agencies (${fmt(p.twins.length)} synthetic twins of the ${fmt(p.agencies.length - p.twins.length)} tracked demo agencies)`,
    );
    const l = await load(fresh.handle, p, count, engine);
    const counts = await tableStats(fresh.handle);
    const size = await fresh.size();
    const asLoaded = await queries(fresh);
    await fresh.handle.exec("ANALYZE");
    const analyzed = await queries(fresh);

    const lines: string[] = [];
    const rate = (l.loaded / l.loadMs) * 1000;
    lines.push(
      `bench/metrics — ${engine === "postgres" ? "PostgreSQL" : "PGlite (embedded)"}: ${fmt(l.loaded)} published reports, ${p.years} years (${FIRST_YEAR}–${FIRST_YEAR + p.years - 1}) × ${fmt(p.agencies.length)} agencies, chunks of ${fmt(chunk)}`,
    );
    lines.push(
      `  load (bulkLoadReports)     ${fmt(l.loadMs / 1000, 1).padStart(8)} s   ${fmt(rate).padStart(7)} reports/s   (+ ${fmt(l.genMs / 1000, 1)} s generating reports in the bench; wall ${fmt(l.wallMs / 1000, 1)} s; bench process peak RSS ${mb(l.peakRss)})`,
    );
    const goal150 = l.first150k
      ? { s: l.first150k.loadMs / 1000, how: "measured" }
      : { s: LOAD_GOAL.reports / rate, how: `extrapolated from ${fmt(l.loaded)}` };
    lines.push(
      `  first 150k reports         ${fmt(goal150.s, 1).padStart(8)} s   (${goal150.how}${l.first150k ? `; wall incl. generation ${fmt(l.first150k.wallMs / 1000, 1)} s` : ""}) — goal ≤ ${LOAD_GOAL.seconds} s: ${goal150.s <= LOAD_GOAL.seconds ? "met" : "NOT met"}${l.first150k ? "" : " (extrapolated)"}`,
    );
    lines.push(`  tables: ${counts}`);
    lines.push(
      `  database size              ${mb(size.bytes).padStart(10)}   (${size.note}; ${fmt(size.bytes / l.loaded)} B/report)`,
    );
    lines.push(
      `  query (median of ${runs} after a warm-up)                            as loaded      ×SELECT1   after ANALYZE   ×SELECT1  points`,
    );
    const base0 = asLoaded[0]?.ms ?? 1;
    const base1 = analyzed[0]?.ms ?? 1;
    asLoaded.forEach((t, i) => {
      const a = analyzed[i] as Timing;
      lines.push(
        `  ${t.name.padEnd(62)} ${fmt(t.ms, 2).padStart(9)} ms ${fmt(t.ms / base0, 0).padStart(8)}× ${fmt(a.ms, 2).padStart(11)} ms ${fmt(a.ms / base1, 0).padStart(8)}×  ${t.points ?? ""}`,
      );
    });
    const goal = QUERY_GOALS[engine];
    const portalQueries = asLoaded.filter((t) => t.name.startsWith("metricSeries") || t.name.startsWith("SQL"));
    const worst = Math.max(...portalQueries.map((t) => t.ms));
    const verdict = worst <= goal.ms ? "met" : "NOT met";
    lines.push(
      `  goal: metric series ≤ ${goal.ms} ms at ${fmt(goal.n)} reports on ${engine}: slowest ${fmt(worst, 1)} ms at ${fmt(l.loaded)} → ${
        l.loaded >= goal.n
          ? verdict
          : `${verdict} at this size (the goal is stated for ${fmt(goal.n)}; run with --n ${goal.n}${engine === "postgres" ? " --pglite-n 0" : ""})`
      }`,
    );
    summaries.push(lines.join("\n"));
    console.log(lines.join("\n"));
  } finally {
    await fresh.drop();
  }
}
if (!process.env.DATABASE_URL) console.log("  (PostgreSQL not measured: DATABASE_URL is not set)");
