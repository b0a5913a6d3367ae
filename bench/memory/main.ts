import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPostgresDatabase } from "../_shared/db";
import {
  type CannonResult,
  cannon,
  commOf,
  fmt,
  freePort,
  listenerOf,
  mb,
  memoryOf,
  processTree,
  repoRoot,
  sleep,
} from "../_shared/util";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SETTLE_MS = 5000;
const SAMPLE_MS = 250;
const START_TIMEOUT_MS = 240_000;
const GOAL_BYTES = 400 * 1024 * 1024;

const paths = [
  `/trpc/portal/reports.get?input=${encodeURIComponent(JSON.stringify({ agencyId: "pingtan", year: 2024 }))}`,
  `/trpc/portal/reports.list?input=${encodeURIComponent(JSON.stringify({}))}`,
  `/trpc/portal/metrics.series?input=${encodeURIComponent(JSON.stringify({ metric: "t3.newReceived.total", groupBy: "region" }))}`,
];

/** Memory of a process tree: each process, and the sum. */
function treeMemory(root: number) {
  const procs = processTree(root)
    .map((pid) => ({ pid, m: memoryOf(pid) }))
    .filter((p): p is { pid: number; m: { rss: number; hwm: number } } => p.m !== null);
  return { procs, rss: procs.reduce((s, p) => s + p.m.rss, 0) };
}

const running = new Set<ChildProcess>();

/** SIGTERM to the child's process group, SIGKILL after 10 s. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const group = -child.pid;
  try {
    process.kill(group, "SIGTERM");
  } catch {
    return;
  }
  const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 10_000));
  if ((await Promise.race([exited.then(() => "exited" as const), timer])) === "timeout") {
    try {
      process.kill(group, "SIGKILL");
    } catch {
      // already gone
    }
    await exited;
  }
  running.delete(child);
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv, log: string): ChildProcess {
  const fd = openSync(log, "a");
  // Its own process group, so tsx and the server it spawns are stopped together.
  const child = spawn(command, args, { cwd: repoRoot, env, stdio: ["ignore", fd, fd], detached: true });
  closeSync(fd);
  running.add(child);
  return child;
}

async function waitHealthy(base: string, child: ChildProcess, log: string): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < START_TIMEOUT_MS) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}):\n${tail(log)}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) return performance.now() - t0;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`no answer from ${base}/healthz within ${START_TIMEOUT_MS / 1000} s:\n${tail(log)}`);
}

const tail = (file: string) => {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-20).join("\n");
  } catch {
    return "(no log)";
  }
};

interface Measured {
  label: string;
  startMs: number | null;
  /** The processes of the tree at idle: pid, command, RSS. */
  members?: string[];
  idle: { server: { rss: number; hwm: number }; tree: number };
  load: { peakServer: number; peakTree: number; hwm: number | null; samples: number; result: CannonResult } | null;
}

/** The bare baseline: `node -e "setInterval(()=>{},1000)"`, idle after the same settle time. */
async function baseline(dir: string): Promise<Measured> {
  const child = start(
    process.execPath,
    ["-e", "setInterval(()=>{},1000)"],
    { PATH: process.env.PATH },
    join(dir, "bare.log"),
  );
  try {
    await sleep(SETTLE_MS);
    const m = memoryOf(child.pid as number);
    if (!m) throw new Error("the bare node process is gone");
    return { label: "bare node -e setInterval", startMs: null, idle: { server: m, tree: m.rss }, load: null };
  } finally {
    await stop(child);
  }
}

async function server(label: string, dir: string, databaseUrl: string | null, dataDir: string): Promise<Measured> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const log = join(dir, `${label.replace(/[^a-z0-9]+/gi, "-")}.log`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    SCHEDULER: "0",
  };
  delete env.DATABASE_URL;
  delete env.NODE_OPTIONS;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  // As `pnpm start` runs it: the built server (the benchmark builds it first).
  const child = start(process.execPath, ["apps/server/dist/main.mjs"], env, log);
  try {
    const startMs = await waitHealthy(base, child, log);
    await sleep(SETTLE_MS);
    // Find the process that listens (the server; seeding ran in a child that has exited).
    const tree = processTree(child.pid as number);
    const serverPid = listenerOf(port, tree);
    if (serverPid === null) throw new Error(`no process of the tree ${tree.join(", ")} listens on ${port}`);
    const members = tree.map(
      (pid) => `${pid} ${commOf(pid)}${pid === serverPid ? " (server)" : ""} ${mb(memoryOf(pid)?.rss ?? 0)}`,
    );
    const idleServer = memoryOf(serverPid);
    if (!idleServer) throw new Error("the server process is gone");
    const idle = { server: idleServer, tree: treeMemory(child.pid as number).rss };
    for (const p of paths) {
      const res = await fetch(`${base}${p}`);
      if (!res.ok) throw new Error(`${p} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    }
    let peakServer = 0;
    let peakTree = 0;
    let samples = 0;
    const sample = () => {
      const t = treeMemory(child.pid as number);
      peakServer = Math.max(peakServer, memoryOf(serverPid)?.rss ?? 0);
      peakTree = Math.max(peakTree, t.rss);
      samples++;
    };
    // Reset the kernel's peak-RSS counter, so VmHWM afterwards is the peak under load, not the seed's.
    let hwmReset = true;
    try {
      writeFileSync(`/proc/${serverPid}/clear_refs`, "5");
    } catch {
      hwmReset = false;
    }
    sample();
    const timer = setInterval(sample, SAMPLE_MS);
    let result: CannonResult;
    try {
      result = await cannon({
        url: base,
        connections,
        duration: seconds,
        requests: paths.map((path) => ({ method: "GET", path })),
      });
    } finally {
      clearInterval(timer);
    }
    sample();
    const hwm = hwmReset ? (memoryOf(serverPid)?.hwm ?? 0) : null;
    return { label, startMs, idle, members, load: { peakServer, peakTree, hwm, samples, result } };
  } finally {
    await stop(child);
  }
}

const dir = mkdtempSync(join(tmpdir(), "gk-bench-memory-"));
const cleanups: (() => Promise<void>)[] = [];
const cleanup = async () => {
  for (const child of [...running]) await stop(child);
  for (const c of cleanups.splice(0)) await c().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
};
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void cleanup().finally(() => process.exit(130));
  });
}

const results: Measured[] = [];
// `pnpm start` builds the server first; so does the benchmark.
execFileSync("pnpm", ["--filter", "@gongkai/server", "build"], { cwd: repoRoot, stdio: "ignore" });
try {
  const bare = await baseline(dir);
  results.push(bare);
  // First start: empty data directory, so PGlite runs initdb and the demo data is seeded (what a new user sees).
  results.push(await server("pglite, first start", dir, null, join(dir, "pglite")));
  // Every later start: the same, already seeded directory.
  results.push(await server("pglite, restart (seeded)", dir, null, join(dir, "pglite")));
  if (process.env.DATABASE_URL) {
    const pg = await createPostgresDatabase(process.env.DATABASE_URL);
    cleanups.push(pg.drop);
    results.push(await server("postgres, first start", dir, pg.url, join(dir, "postgres")));
    results.push(await server("postgres, restart (seeded)", dir, pg.url, join(dir, "postgres")));
  }
  const base = bare.idle.server.rss;
  console.log(
    `bench/memory — the server as users start it (node apps/server/dist/main.mjs, empty DATA_DIR → demo seed in a child process), RSS from /proc; load: autocannon ${connections} connections × ${seconds} s over reports.get, reports.list, metrics.series; samples every ${SAMPLE_MS} ms`,
  );
  console.log(
    "  HWM at idle = VmHWM since start (includes seeding the demo data); load VmHWM = peak during the load (counter reset via clear_refs)",
  );
  console.log(
    `  ${"process".padEnd(28)} ${"start s".padStart(8)} ${"idle RSS".padStart(11)} ${"×bare".padStart(6)} ${"HWM at idle".padStart(11)} ${"peak RSS load".padStart(14)} ${"×bare".padStart(6)} ${"load VmHWM".padStart(11)} ${"req/s".padStart(7)}  whole tree idle / peak`,
  );
  for (const r of results) {
    const l = r.load;
    console.log(
      `  ${r.label.padEnd(28)} ${(r.startMs === null ? "" : fmt(r.startMs / 1000, 1)).padStart(8)} ${mb(r.idle.server.rss).padStart(11)} ${`${fmt(r.idle.server.rss / base, 1)}×`.padStart(6)} ${mb(r.idle.server.hwm).padStart(11)} ${(l ? mb(l.peakServer) : "").padStart(14)} ${(l ? `${fmt(l.peakServer / base, 1)}×` : "").padStart(6)} ${(l ? (l.hwm === null ? "n/a" : mb(l.hwm)) : "").padStart(11)} ${(l ? fmt(l.result.requestsPerSecond) : "").padStart(7)}  ${l ? `${mb(r.idle.tree)} / ${mb(l.peakTree)}` : ""}`,
    );
    if (r.members) console.log(`    processes at idle: ${r.members.join("; ")}`);
    if (l && (l.result.non2xx || l.result.errors || l.result.timeouts))
      console.log(
        `    (${l.result.non2xx} non-2xx, ${l.result.errors} errors, ${l.result.timeouts} timeouts under load)`,
      );
  }
  for (const r of results) {
    if (!r.load) continue;
    const worst = Math.max(r.load.peakServer, r.load.hwm ?? 0);
    console.log(
      `  goal ≤ 400 MB under load (${r.label}): server process ${worst <= GOAL_BYTES ? "met" : "NOT met"} (${mb(worst)}, max of the ${r.load.samples} samples and the load-phase VmHWM); whole process tree ${r.load.peakTree <= GOAL_BYTES ? "met" : "NOT met"} (${mb(r.load.peakTree)})`,
    );
  }
  if (!process.env.DATABASE_URL) console.log("  (PostgreSQL not measured: DATABASE_URL is not set)");
} finally {
  await cleanup();
}
