import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import {
  type AuthPort,
  adminRouter,
  createContext,
  type Deps,
  loadViewer,
  portalRouter,
  type Viewer,
} from "@gongkai/api";
import { trpcServer } from "@hono/trpc-server";
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { Logger } from "pino";

export interface AppDeps extends Deps {
  auth: AuthPort;
  logger: Logger;
  /** Origins allowed to send cookie-authenticated mutations (the server's own origin first). */
  trustedOrigins: string[];
  /** Built front ends, served when present. */
  staticDirs?: { portal?: string | undefined; admin?: string | undefined };
}

type Env = { Variables: { requestId: string; viewer: Viewer | null } };

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The whole HTTP surface; everything it needs comes in through `deps` (tests pass their own). */
export function createApp(deps: AppDeps) {
  const app = new Hono<Env>();

  app.use("*", async (c, next) => {
    const requestId = c.req.header("x-request-id")?.slice(0, 100) || randomUUID();
    c.set("requestId", requestId);
    c.header("x-request-id", requestId);
    const started = performance.now();
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const level = c.res.status >= 500 ? "error" : c.res.status >= 400 ? "warn" : "info";
    deps.logger[level]({ requestId, method: c.req.method, path: c.req.path, status: c.res.status, ms }, "request");
  });

  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  );

  // CSRF: a cookie-authenticated mutation must come from one of our own origins.
  app.use("*", async (c, next) => {
    if (UNSAFE.has(c.req.method) && (c.req.path.startsWith("/trpc/admin") || c.req.path.startsWith("/api/auth"))) {
      const origin = c.req.header("origin");
      const site = c.req.header("sec-fetch-site");
      if ((origin && !deps.trustedOrigins.includes(origin)) || site === "cross-site") {
        return c.json(
          { error: { code: "FORBIDDEN", message: "Cross-site request refused", messageZh: "拒绝跨站请求" } },
          403,
        );
      }
    }
    await next();
  });

  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", async (c) => {
    const ok = await deps.db.ping().catch(() => false);
    return c.json({ status: ok ? "ready" : "unavailable", database: deps.db.kind }, ok ? 200 : 503);
  });

  app.on(["GET", "POST"], "/api/auth/*", (c) => deps.auth.handler(c.req.raw));

  app.use(
    "/trpc/portal/*",
    trpcServer({
      endpoint: "/trpc/portal",
      router: portalRouter,
      // Published data only: a shared cache (CDN, reverse proxy) may keep answers for a minute.
      responseMeta: ({ type, errors }) =>
        type === "query" && errors.length === 0
          ? { headers: new Headers({ "cache-control": "public, max-age=60, stale-while-revalidate=600" }) }
          : {},
      createContext: (_opts, c) =>
        createContext(deps, { viewer: null, requestId: c.get("requestId") }) as unknown as Record<string, unknown>,
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR")
          deps.logger.error({ err: error.cause ?? error, path }, "portal error");
      },
    }),
  );

  // The admin API needs a session before tRPC even runs (defence in depth: every procedure checks too).
  app.use("/trpc/admin/*", async (c, next) => {
    const session = await deps.auth.getSession(c.req.raw.headers);
    const viewer = session ? await loadViewer(deps.db.db, session.userId) : null;
    if (!viewer) {
      return c.json(
        [
          {
            error: {
              message: "Sign in first",
              code: -32001,
              data: { code: "UNAUTHORIZED", httpStatus: 401, messageZh: "请先登录" },
            },
          },
        ],
        401,
      );
    }
    c.set("viewer", viewer);
    await next();
  });
  app.use(
    "/trpc/admin/*",
    trpcServer({
      endpoint: "/trpc/admin",
      router: adminRouter,
      createContext: (_opts, c) =>
        createContext(deps, { viewer: c.get("viewer"), requestId: c.get("requestId") }) as unknown as Record<
          string,
          unknown
        >,
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR")
          deps.logger.error({ err: error.cause ?? error, path }, "admin error");
      },
    }),
  );

  mountStatic(app, "/admin", deps.staticDirs?.admin);
  if (!mountStatic(app, "", deps.staticDirs?.portal)) {
    // Until the portal is built, the root says what this server offers.
    app.get("/", (c) => c.html(LANDING));
  }

  app.notFound((c) => c.json({ error: { code: "NOT_FOUND", message: "Not found", messageZh: "未找到" } }, 404));
  app.onError((err, c) => {
    deps.logger.error({ err, requestId: c.get("requestId") }, "unhandled error");
    return c.json(
      {
        error: {
          code: "INTERNAL_SERVER_ERROR",
          message: "Something went wrong on our side",
          messageZh: "服务器内部错误",
        },
      },
      500,
    );
  });
  return app;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves a built single-page app: files as they are, anything else gets its index.html. */
function mountStatic(app: Hono<Env>, base: string, dir: string | undefined): boolean {
  if (!dir || !existsSync(join(dir, "index.html"))) return false;
  const index = readFileSync(join(dir, "index.html"));
  app.get(`${base}/*`, (c, next) => {
    const rel = normalize(c.req.path.slice(base.length) || "/").replace(/^(\.\.[/\\])+/, "");
    const file = join(dir, rel);
    if (file.startsWith(dir) && rel !== "/" && existsSync(file) && extname(file)) {
      const body = readFileSync(file);
      const cache = rel.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
      return c.body(body, 200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": cache,
      });
    }
    if (c.req.path.startsWith("/trpc") || c.req.path.startsWith("/api")) return next();
    return c.body(index, 200, { "content-type": TYPES[".html"] as string, "cache-control": "no-cache" });
  });
  if (base) app.get(base, (c) => c.redirect(`${base}/`));
  return true;
}

const LANDING = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>公开 Gongkai — 政府信息公开工作年度报告</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#1a1a1a}code{background:#f2f2f2;padding:0 .3em}h1{font-size:1.6rem}</style></head>
<body><h1>公开 Gongkai</h1>
<p>政府信息公开工作年度报告：结构化、可核对、可比较。<br>Annual reports on government information disclosure — structured, checked, comparable.</p>
<ul>
<li>公众接口 / Public API: <code>/trpc/portal/*</code> (e.g. <a href="/trpc/portal/regions.tree">regions.tree</a>)</li>
<li>管理接口 / Admin API (signed in): <code>/trpc/admin/*</code>; 登录 / sign in: <code>POST /api/auth/sign-in/email</code></li>
<li>状态 / Health: <a href="/healthz">/healthz</a>, <a href="/readyz">/readyz</a></li>
</ul></body></html>`;
