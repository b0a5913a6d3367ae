import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const serverMain = join(root, "apps/server/dist/main.mjs");

export interface RunningServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
  /** Everything the server printed, for a failing test to show. */
  output(): string;
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/**
 * The real server, as `pnpm start` runs it (built JS, embedded PGlite, demo data), on a fresh
 * temporary data directory and a free port. Needs the build: turbo runs it before the tests.
 */
export async function startServer(
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<RunningServer> {
  if (!existsSync(serverMain))
    throw new Error(`${serverMain} is missing: run \`pnpm turbo run build\` first (pnpm test does).`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "gongkai-e2e-"));
  const url = `http://127.0.0.1:${port}`;
  let log = "";
  const child: ChildProcess = spawn(process.execPath, [serverMain], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      PUBLIC_URL: url,
      LOG_LEVEL: "warn",
      SCHEDULER: "false",
      // Every test signs in from 127.0.0.1; the default guard (5 a minute) would lock them out.
      AUTH_SIGN_IN_PER_MINUTE: "1000",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((ok) => child.once("exit", (code) => ok(code)));
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let ready = false;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) {
        ready = true;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  if (!ready) {
    await stop();
    throw new Error(`the server did not become ready at ${url}:\n${log}`);
  }
  return { url, dataDir, stop, output: () => log };
}
