import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
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
import { compress } from "hono/compress";
import { secureHeaders } from "hono/secure-headers";
import type { Logger } from "pino";
import type { ResponseCache } from "./response-cache";
import { restApi } from "./rest";
import { chinaDate, type Portal, pageHtml, pickLocale, staticFile } from "./ssr";

export interface AppDeps extends Deps {
  auth: AuthPort;
  logger: Logger;
  /** Origins allowed to send cookie-authenticated mutations (the server's own origin first). */
  trustedOrigins: string[];
  /** The built public portal (server-rendered), when apps/portal has been built. */
  portal?: Portal | null;
  /** The built admin console, served as a single-page app when present. */
  staticDirs?: { admin?: string | undefined };
  /** In-memory cache of portal API answers (none: every request goes to the database). */
  portalCache?: ResponseCache | null;
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

  // Pages and API answers are compressed on the way out (built assets and cached answers come
  // precompressed). Only for clients that ask: the middleware costs a fast response its fast path.
  const compressing = compress();
  app.use("*", (c, next) => (c.req.header("accept-encoding") ? compressing(c, next) : next()));

  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", async (c) => {
    const ok = await deps.db.ping().catch(() => false);
    return c.json({ status: ok ? "ready" : "unavailable", database: deps.db.kind }, ok ? 200 : 503);
  });

  app.on(["GET", "POST"], "/api/auth/*", (c) => deps.auth.handler(c.req.raw));

  if (deps.portalCache) app.use("/trpc/portal/*", deps.portalCache.middleware);
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
    // A change made in the console (publication, correction, rename, deadlines) shows on the portal at once.
    if (c.req.method === "POST" && c.res.status < 400) deps.portalCache?.clear();
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

  app.route("/api/v1", restApi(deps));

  mountStatic(app, "/admin", deps.staticDirs?.admin);
  const portal = deps.portal;
  if (portal) {
    app.get("*", async (c, next) => {
      const path = c.req.path;
      if (path.startsWith("/trpc/") || path.startsWith("/api/") || path === "/admin" || path.startsWith("/admin/"))
        return next();
      const file = staticFile(portal.dir, path, c.req.header("accept-encoding"));
      if (file) return c.body(new Uint8Array(file.body), 200, file.headers);
      // Every other GET is a portal page, rendered here with the components the browser hydrates.
      const locale = pickLocale(c.req.query("lang"), c.req.header("cookie"));
      const url = new URL(c.req.url);
      const page = await portal.renderer.render({
        url: url.pathname + url.search,
        api: { router: portalRouter, ctx: createContext(deps, { viewer: null, requestId: c.get("requestId") }) },
        locale,
        today: chinaDate(deps.now()),
        manifest: portal.manifest,
      });
      // The router's canonical form of the URL (invalid search parameters dropped).
      if (page.status === 302) return c.redirect(page.location ?? "/", 302);
      return c.body(pageHtml(portal, locale, page), page.status, {
        "content-type": "text/html; charset=utf-8",
        // The language comes from a cookie: shared caches must not mix the two.
        "cache-control": "no-cache",
        vary: "Cookie",
      });
    });
  } else {
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

/** Serves a built single-page app: its files as they are, any other path gets its index.html. */
function mountStatic(app: Hono<Env>, base: string, dir: string | undefined): boolean {
  if (!dir || !existsSync(join(dir, "index.html"))) return false;
  const index = readFileSync(join(dir, "index.html"));
  app.get(`${base}/*`, (c) => {
    const rel = c.req.path.slice(base.length);
    const file = staticFile(dir, rel, c.req.header("accept-encoding"));
    if (file) return c.body(new Uint8Array(file.body), 200, file.headers);
    // A missing script or style is a 404, not the app's HTML (which the browser would refuse anyway).
    if (rel.startsWith("/assets/"))
      return c.json({ error: { code: "NOT_FOUND", message: "Not found", messageZh: "未找到" } }, 404);
    return c.body(new Uint8Array(index), 200, {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-cache",
    });
  });
  app.get(base, (c) => c.redirect(`${base}/`));
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
