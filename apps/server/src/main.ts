import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createAuth, type Deps, runScheduledPublications } from "@gongkai/api";
import { createDb } from "@gongkai/db";
import { serve } from "@hono/node-server";
import pino from "pino";
import { createApp } from "./app";
import { type Env, readEnv } from "./env";
import { isEmpty, seedDemo } from "./seed";

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

export async function start(env: Env = readEnv()) {
  const logger = pino({ level: env.LOG_LEVEL, base: { service: "gongkai" } });
  const db = await createDb({
    databaseUrl: env.DATABASE_URL,
    readUrl: env.DATABASE_READ_URL,
    dataDir: env.DATA_DIR,
    poolSize: env.DATABASE_POOL_SIZE,
  });
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
  const { port: auth } = createAuth(db, {
    secret: authSecret(env, logger),
    baseURL: publicUrl,
    trustedOrigins,
    secureCookies: publicUrl.startsWith("https:"),
  });
  const deps: Deps = { db, auth, now: () => new Date() };
  if (env.DEMO_DATA && (await isEmpty(db))) {
    const t0 = Date.now();
    logger.info("empty database: loading demo data (first start only)");
    const { reports } = await seedDemo(deps, { step: (label) => logger.info(`seeding ${label}`) });
    logger.info({ reports, seconds: Math.round((Date.now() - t0) / 100) / 10 }, "demo data loaded");
  }
  const staticDirs = {
    portal: resolve(here, "../../portal/dist"),
    admin: resolve(here, "../../admin/dist"),
  };
  const app = createApp({ ...deps, logger, trustedOrigins: [...new Set(trustedOrigins)], staticDirs });
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
        .then((n) => n && logger.info({ published: n }, "scheduled publications"))
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
