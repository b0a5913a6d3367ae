import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { CHROMIUM, CHROMIUM_ARGS, ensureChromium } from "../../e2e/src/browser";
import { startServer } from "../../e2e/src/server";
import { fmt, median, repoRoot } from "../_shared/util";

const GOAL_JS_KB = 120;
const GOAL_TTFB_MS = 30;
const GOAL_SCORE = 95;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const client = join(repoRoot, "apps/portal/dist/client");

type Manifest = Record<string, { file: string; imports?: string[]; isEntry?: boolean; css?: string[] }>;

/** The JavaScript a first visit to a page downloads before it is interactive: the entry, the page's module, all they import. */
function initialJs(manifest: Manifest, page: string) {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const i of chunk.imports ?? []) visit(i);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  visit(page);
  const sizes = [...files].map((f) => {
    const bytes = readFileSync(join(client, f));
    return { file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { files: sizes.sort((a, b) => b.gzip - a.gzip), gzip: sizes.reduce((s, f) => s + f.gzip, 0) };
}

/** Milliseconds until the response headers arrive (the first byte), one request at a time. */
function ttfb(url: string): Promise<number> {
  return new Promise((ok, fail) => {
    const t0 = performance.now();
    const req = get(url, (res) => {
      const t = performance.now() - t0;
      res.resume();
      res.on("end", () =>
        res.statusCode && res.statusCode < 400 ? ok(t) : fail(new Error(`${url}: ${res.statusCode}`)),
      );
    });
    req.on("error", fail);
  });
}

async function timings(url: string) {
  for (let i = 0; i < 20; i++) await ttfb(url);
  const values: number[] = [];
  for (let i = 0; i < SAMPLES; i++) values.push(await ttfb(url));
  values.sort((a, b) => a - b);
  return { p50: median(values), p90: values[Math.floor(values.length * 0.9)] ?? Number.NaN };
}

function lighthouse(url: string, preset: "mobile" | "desktop") {
  const out = mkdtempSync(join(tmpdir(), "gongkai-lh-"));
  try {
    const bin = join(repoRoot, "bench/node_modules/.bin/lighthouse");
    execFileSync(
      bin,
      [
        url,
        "--quiet",
        "--only-categories=performance,accessibility",
        // Lighthouse needs the new headless mode to record its trace.
        `--chrome-flags=${CHROMIUM_ARGS.map((a) => (a === "--headless" ? "--headless=new" : a)).join(" ")}`,
        "--output=json",
        `--output-path=${out}/report.json`,
        ...(preset === "desktop" ? ["--preset=desktop"] : []),
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ["ignore", "ignore", "pipe"] },
    );
    const report = JSON.parse(readFileSync(`${out}/report.json`, "utf8")) as {
      categories: Record<string, { score: number }>;
      audits: Record<string, { score: number | null; title: string; displayValue?: string; numericValue?: number }>;
    };
    const failing = Object.values(report.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && a.numericValue === undefined)
      .map((a) => a.title);
    return {
      performance: Math.round((report.categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((report.categories.accessibility?.score ?? 0) * 100),
      lcp: report.audits["largest-contentful-paint"]?.displayValue ?? "?",
      tbt: report.audits["total-blocking-time"]?.displayValue ?? "?",
      failing,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const manifestFile = join(client, ".vite/manifest.json");
if (!existsSync(manifestFile)) {
  console.error("apps/portal is not built: run `pnpm turbo run build --filter=@gongkai/server` first");
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;

console.log("bench/portal — the public portal as a visitor gets it\n");
console.log(`Initial JavaScript (gzip -9; goal for the report page ≤ ${GOAL_JS_KB} KB):`);
for (const [name, page] of [
  ["report", "src/pages/report.tsx"],
  ["home", "src/pages/home.tsx"],
  ["metric explorer", "src/pages/metrics.tsx"],
] as const) {
  const js = initialJs(manifest, page);
  const kb = js.gzip / 1024;
  console.log(
    `  ${name.padEnd(16)} ${fmt(kb, 1).padStart(6)} KB  ${name === "report" ? (kb <= GOAL_JS_KB ? "goal met" : "GOAL MISSED") : ""}`,
  );
  if (name === "report")
    for (const f of js.files.slice(0, 6)) console.log(`      ${fmt(f.gzip / 1024, 1).padStart(6)} KB  ${f.file}`);
}

ensureChromium();
console.log("\nStarting the built server on a temporary PGlite with demo data…");
const server = await startServer();
try {
  const input = encodeURIComponent(JSON.stringify({ q: "四川省应急管理厅", limit: 10 }));
  const search = (await (await fetch(`${server.url}/trpc/portal/search?input=${input}`)).json()) as {
    result: { data: { hits: { kind: string; reportId?: string; year?: number }[] } };
  };
  const reportId = search.result.data.hits.find((h) => h.kind === "report" && h.year === 2019)?.reportId;
  const reportUrl = `${server.url}/reports/${reportId}`;

  console.log(
    `\nTime to first byte, ${SAMPLES} sequential requests each (goal: report page p50 ≤ ${GOAL_TTFB_MS} ms):`,
  );
  const baseline = await timings(`${server.url}/healthz`);
  const rows = [
    ["GET /healthz (baseline)", baseline],
    ["report page (SSR)", await timings(reportUrl)],
    ["home page (SSR)", await timings(`${server.url}/`)],
    ["explorer (SSR)", await timings(`${server.url}/metrics`)],
  ] as const;
  for (const [name, t] of rows) {
    const ratio = name.includes("baseline") ? "" : `  ×${fmt(t.p50 / baseline.p50, 1)} baseline`;
    console.log(
      `  ${name.padEnd(26)} p50 ${fmt(t.p50, 1).padStart(6)} ms   p90 ${fmt(t.p90, 1).padStart(6)} ms${ratio}`,
    );
  }
  const report = rows[1][1];
  console.log(`  report page p50 ${report.p50 <= GOAL_TTFB_MS ? "meets" : "MISSES"} the goal`);

  if (process.env.BENCH_LIGHTHOUSE !== "0") {
    console.log(`\nLighthouse 12 (goal: performance and accessibility ≥ ${GOAL_SCORE}):`);
    for (const [name, url] of [
      ["home", `${server.url}/`],
      ["report", reportUrl],
      ["explorer", `${server.url}/metrics`],
    ] as const) {
      for (const preset of ["mobile", "desktop"] as const) {
        const r = lighthouse(url, preset);
        const ok = r.performance >= GOAL_SCORE && r.accessibility >= GOAL_SCORE ? "" : "  BELOW GOAL";
        console.log(
          `  ${name.padEnd(9)} ${preset.padEnd(8)} performance ${String(r.performance).padStart(3)}  accessibility ${String(r.accessibility).padStart(3)}  LCP ${r.lcp}  TBT ${r.tbt}${ok}`,
        );
        if (r.failing.length) console.log(`      failing audits: ${r.failing.join("; ")}`);
      }
    }
  }
} finally {
  await server.stop();
}
