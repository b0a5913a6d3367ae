import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createAuth, type Deps, runScheduledPublications } from "@gongkai/api";
import { createDb } from "@gongkai/db";
import { serve } from "@hono/node-server";
import pino from "pino";
import { createApp } from "./app";
import { type Env, readEnv } from "./env";
import { createResponseCache } from "./response-cache";
import { isEmpty } from "./seed";
import { loadPortal } from "./ssr";

const here = dirname(fileURLToPath(import.meta.url));

function authSecret(env: Env, logger: pino.Logger): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = join(resolve(env.DATA_DIR), "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  logger.warn(
    { file },
    "AUTH_SECRET not set: generated one for this data directory (set AUTH_SECRET when running several instances)",
  );
  return secret;
}

/** `gongkai seed --demo` in a child process with the same settings; resolves when it is done. */
function seedInChild(logger: pino.Logger): Promise<void> {
  const self = fileURLToPath(import.meta.url);
  const cli = join(dirname(self), `cli${extname(self)}`);
  return new Promise((resolveSeed, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, cli, "seed", "--demo", "--quiet"], {
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolveSeed();
      else {
        logger.error({ code }, "seeding demo data failed");
        reject(new Error(`seeding demo data failed (exit ${code})`));
      }
    });
  });
}

export async function start(env: Env = readEnv()) {
  const logger = pino({ level: env.LOG_LEVEL, base: { service: "gongkai" } });
  const open = () =>
    createDb({
      databaseUrl: env.DATABASE_URL,
      readUrl: env.DATABASE_READ_URL,
      dataDir: env.DATA_DIR,
      poolSize: env.DATABASE_POOL_SIZE,
    });
  // A new embedded database is created, migrated and seeded by the child process: creating a
  // PGlite cluster costs a few hundred MB that a long-running server should not keep.
  const freshPglite = !env.DATABASE_URL && !existsSync(join(resolve(env.DATA_DIR), "PG_VERSION"));
  if (freshPglite && env.DEMO_DATA) {
    const t0 = Date.now();
    logger.info({ dataDir: resolve(env.DATA_DIR) }, "new data directory: creating the database and loading demo data");
    await seedInChild(logger);
    logger.info({ seconds: Math.round((Date.now() - t0) / 100) / 10 }, "demo data loaded");
  }
  let db = await open();
  logger.info(
    { database: db.kind, dataDir: db.kind === "pglite" ? resolve(env.DATA_DIR) : undefined },
    "database opened",
  );
  await db.migrate();
  logger.info("migrations applied");
  const publicUrl = env.PUBLIC_URL ?? `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT}`;
  const trustedOrigins = [
    new URL(publicUrl).origin,
    ...(env.TRUSTED_ORIGINS?.split(",")
      .map((s) => s.trim())
      .filter(Boolean) ?? []),
  ];
  if (env.HOST === "0.0.0.0" || env.HOST === "localhost")
    trustedOrigins.push(`http://127.0.0.1:${env.PORT}`, `http://localhost:${env.PORT}`);
  const authConfig = {
    secret: authSecret(env, logger),
    baseURL: publicUrl,
    trustedOrigins,
    secureCookies: publicUrl.startsWith("https:"),
    signInPerMinute: env.AUTH_SIGN_IN_PER_MINUTE,
  };
  let deps: Deps = { db, auth: createAuth(db, authConfig).port, now: () => new Date() };
  if (env.DEMO_DATA && (await isEmpty(db))) {
    // Seeding runs in a child process, so the server never carries its memory. PGlite is opened
    // by one process at a time: close it, seed, open it again.
    const t0 = Date.now();
    logger.info("empty database: loading demo data (first start only)");
    await db.close();
    await seedInChild(logger);
    db = await open();
    deps = { db, auth: createAuth(db, authConfig).port, now: () => new Date() };
    logger.info({ seconds: Math.round((Date.now() - t0) / 100) / 10 }, "demo data loaded");
  }
  const portal = await loadPortal(resolve(here, "../../portal/dist"));
  if (!portal)
    logger.warn("the portal is not built (apps/portal/dist): / shows a landing page; run pnpm start to build it");
  const staticDirs = { admin: resolve(here, "../../admin/dist") };
  const portalCache =
    env.PORTAL_CACHE_SECONDS > 0
      ? createResponseCache({ ttlMs: env.PORTAL_CACHE_SECONDS * 1000, maxBytes: 64 * 1024 * 1024 })
      : null;
  const app = createApp({
    ...deps,
    logger,
    trustedOrigins: [...new Set(trustedOrigins)],
    portal,
    staticDirs,
    portalCache,
  });
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    logger.info(
      { url: `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${info.port}` },
      "Gongkai is listening",
    );
  });
  let timer: NodeJS.Timeout | null = null;
  if (env.SCHEDULER) {
    const tick = () =>
      runScheduledPublications({ deps, requestId: "scheduler" })
        .then((n) => {
          if (!n) return;
          portalCache?.clear();
          logger.info({ published: n }, "scheduled publications");
        })
        .catch((err) => logger.error({ err }, "scheduler failed"));
    timer = setInterval(tick, 30_000);
    timer.unref();
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    if (timer) clearInterval(timer);
    server.close();
    await db.close().catch(() => {});
    logger.info("bye");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  return { app, server, db };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  start().catch((err: unknown) => {
    process.stderr.write(`Gongkai could not start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
