import { gunzipSync } from "node:zlib";
import { createWorld, type TestWorld, testPassword } from "@gongkai/api/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { createResponseCache } from "../src/response-cache";

const ORIGIN = "http://localhost";
let w: TestWorld;
let app: ReturnType<typeof createApp>;
let editorEmail = "";

beforeAll(async () => {
  w = await createWorld({ now: "2025-01-10T02:00:00Z" });
  await w.region("510000", "四川省");
  await w.agency({ id: "http-agency", name: "接口测试厅", regionCode: "510000" });
  const editor = await w.user("接口编辑", [{ role: "editor", agencyId: "http-agency" }]);
  editorEmail = editor.email;
  app = createApp({ ...w.deps, logger: pino({ level: "silent" }), trustedOrigins: [ORIGIN] });
}, 60_000);

afterAll(async () => {
  await w?.close();
});

async function signIn(email: string, password = testPassword, origin = ORIGIN) {
  return app.request("/api/auth/sign-in/email", {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email, password }),
  });
}

const cookieOf = (res: Response) => (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";

describe("the HTTP server", () => {
  it("answers /healthz and /readyz", async () => {
    expect(await (await app.request("/healthz")).json()).toEqual({ status: "ok" });
    const ready = await app.request("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready" });
  });

  it("sets secure headers and a request id", async () => {
    const res = await app.request("/healthz", { headers: { "x-request-id": "abc-123" } });
    expect(res.headers.get("x-request-id")).toBe("abc-123");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect((await app.request("/healthz")).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("serves the portal API anonymously over GET", async () => {
    const res = await app.request(`/trpc/portal/regions.tree`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: { code: string }[] } };
    expect(body.result.data.map((r) => r.code)).toEqual(["510000"]);
    expect(res.headers.get("cache-control")).toBe("public, max-age=60, stale-while-revalidate=600");
    const input = encodeURIComponent(JSON.stringify({ id: "nope" }));
    const missing = await app.request(`/trpc/portal/agencies.byId?input=${input}`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("cache-control")).toBeNull();
    const bad = await app.request(
      `/trpc/portal/reports.list?input=${encodeURIComponent(JSON.stringify({ pageSize: 9999 }))}`,
    );
    expect(bad.status).toBe(400);
    const err = (await bad.json()) as { error: { data: { issues: { path: string[] }[] } } };
    expect(err.error.data.issues[0]?.path).toEqual(["pageSize"]);
  });

  it("refuses the admin API without a session, before tRPC runs", async () => {
    const res = await app.request("/trpc/admin/me");
    expect(res.status).toBe(401);
  });

  it("signs in with e-mail and password and serves the admin API with the session cookie", async () => {
    const res = await signIn(editorEmail);
    expect(res.status).toBe(200);
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/gongkai\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = await app.request("/trpc/admin/me", { headers: { cookie: cookieOf(res) } });
    expect(me.status).toBe(200);
    const body = (await me.json()) as { result: { data: { email: string; memberships: { role: string }[] } } };
    expect(body.result.data.email).toBe(editorEmail);
    expect(body.result.data.memberships.map((m) => m.role)).toEqual(["editor"]);
    const wrong = await signIn(editorEmail, "wrong password!!");
    expect(wrong.status).toBe(401);
  });

  it("refuses cookie-authenticated mutations from another origin (CSRF)", async () => {
    const cookie = cookieOf(await signIn(editorEmail));
    const evil = await app.request("/trpc/admin/reports.create", {
      method: "POST",
      headers: { cookie, origin: "https://evil.example", "content-type": "application/json" },
      body: JSON.stringify({ agencyId: "http-agency", year: 2024 }),
    });
    expect(evil.status).toBe(403);
    const ok = await app.request("/trpc/admin/reports.create", {
      method: "POST",
      headers: { cookie, origin: ORIGIN, "content-type": "application/json" },
      body: JSON.stringify({ agencyId: "http-agency", year: 2024 }),
    });
    expect(ok.status).toBe(200);
    const stale = await app.request("/trpc/admin/reports.save", {
      method: "POST",
      headers: { cookie, origin: ORIGIN, "content-type": "application/json" },
      body: JSON.stringify({ id: "rpt_doesnotexist00", lockVersion: 1, content: {} }),
    });
    expect(stale.status).toBe(400);
  });

  it("signs out: the cookie stops working", async () => {
    const cookie = cookieOf(await signIn(editorEmail));
    const out = await app.request("/api/auth/sign-out", {
      method: "POST",
      headers: { cookie, origin: ORIGIN, "content-type": "application/json" },
      body: "{}",
    });
    expect(out.status).toBe(200);
    expect((await app.request("/trpc/admin/me", { headers: { cookie } })).status).toBe(401);
  });

  it("answers unknown paths with a JSON 404", async () => {
    const res = await app.request("/nope");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "NOT_FOUND", messageZh: "未找到" } });
  });
});

describe("sign-in protection", () => {
  it("rate-limits sign-in attempts and refuses deactivated users", async () => {
    const { createAuth } = await import("@gongkai/api");
    const { port } = createAuth(w.handle, {
      secret: "another-secret-another-secret-another",
      baseURL: ORIGIN,
      signInPerMinute: 3,
    });
    const limited = createApp({ ...w.deps, auth: port, logger: pino({ level: "silent" }), trustedOrigins: [ORIGIN] });
    const attempt = () =>
      limited.request("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": "203.0.113.7" },
        body: JSON.stringify({ email: editorEmail, password: "wrong password!!" }),
      });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);

    const admin = await w.user("管理员", [{ role: "admin" }]);
    const victim = await w.user("将被停用", [{ role: "editor", agencyId: "http-agency" }]);
    const cookie = cookieOf(await signIn(victim.email));
    expect((await app.request("/trpc/admin/me", { headers: { cookie } })).status).toBe(200);
    await w.admin(admin).users.setActive({ userId: victim.id, active: false });
    expect((await app.request("/trpc/admin/me", { headers: { cookie } })).status).toBe(401);
    const refused = await signIn(victim.email);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("set-cookie") ?? "").not.toMatch(/session_token=[^;]+/);
  });

  it("says what it offers at / until the portal is built", async () => {
    const res = await app.request("/");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("/trpc/portal/");
  });
});

describe("the portal answer cache", () => {
  let cw: TestWorld;
  let cached: ReturnType<typeof createApp>;
  const cache = createResponseCache({ ttlMs: 60_000, maxBytes: 8 * 1024 * 1024 });
  let editor = "";

  beforeAll(async () => {
    cw = await createWorld({ now: "2025-01-10T02:00:00Z" });
    await cw.region("510000", "四川省");
    await cw.agency({ id: "cache-agency", name: "缓存测试厅", regionCode: "510000" });
    editor = (await cw.user("缓存编辑", [{ role: "editor", agencyId: "cache-agency" }])).email;
    cached = createApp({ ...cw.deps, logger: pino({ level: "silent" }), trustedOrigins: [ORIGIN], portalCache: cache });
  }, 60_000);
  afterAll(async () => {
    await cw?.close();
  });

  it("serves a repeated portal query from memory with the same bytes, and never caches errors", async () => {
    const first = await cached.request("/trpc/portal/regions.tree");
    expect(first.headers.get("x-cache")).toBeNull();
    const again = await cached.request("/trpc/portal/regions.tree");
    expect(again.headers.get("x-cache")).toBe("hit");
    expect(await again.text()).toBe(await first.text());
    expect(again.headers.get("cache-control")).toBe(first.headers.get("cache-control"));
    const input = encodeURIComponent(JSON.stringify({ id: "nope" }));
    await cached.request(`/trpc/portal/agencies.byId?input=${input}`);
    const missing = await cached.request(`/trpc/portal/agencies.byId?input=${input}`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-cache")).toBeNull();
  });

  it("keeps a gzipped copy for clients that accept it, with the same content", async () => {
    const catalog = "/trpc/portal/metrics.catalog"; // tens of KB: worth compressing
    const plain = await (await cached.request(catalog)).text();
    expect(plain.length).toBeGreaterThan(1024);
    const gz = { headers: { "accept-encoding": "gzip, deflate, br" } };
    const hit = await cached.request(catalog, gz);
    expect(hit.headers.get("x-cache")).toBe("hit");
    expect(hit.headers.get("content-encoding")).toBe("gzip");
    expect(hit.headers.get("vary")).toMatch(/accept-encoding/i);
    expect(gunzipSync(new Uint8Array(await hit.arrayBuffer())).toString("utf8")).toBe(plain);
    // A client that does not accept gzip gets the plain bytes from the same entry.
    const raw = await cached.request(catalog);
    expect(raw.headers.get("content-encoding")).toBeNull();
    expect(await raw.text()).toBe(plain);
  });

  it("forgets everything when the console changes something, not when a change is refused", async () => {
    await cached.request("/trpc/portal/regions.tree");
    expect(cache.size).toBeGreaterThan(0);
    const signedIn = await cached.request("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN },
      body: JSON.stringify({ email: editor, password: testPassword }),
    });
    const cookie = cookieOf(signedIn);
    const post = (body: unknown) =>
      cached.request("/trpc/admin/reports.create", {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN, cookie },
        body: JSON.stringify(body),
      });
    expect((await post({ agencyId: "cache-agency", year: 1900 })).status).toBe(400);
    expect(cache.size).toBeGreaterThan(0);
    expect((await post({ agencyId: "cache-agency", year: 2024 })).status).toBe(200);
    expect(cache.size).toBe(0);
  });

  it("keeps an answer no longer than its time to live", async () => {
    const short = createResponseCache({ ttlMs: 40, maxBytes: 1024 * 1024 });
    const app = createApp({
      ...cw.deps,
      logger: pino({ level: "silent" }),
      trustedOrigins: [ORIGIN],
      portalCache: short,
    });
    await app.request("/trpc/portal/regions.tree");
    expect((await app.request("/trpc/portal/regions.tree")).headers.get("x-cache")).toBe("hit");
    await new Promise((r) => setTimeout(r, 80));
    expect((await app.request("/trpc/portal/regions.tree")).headers.get("x-cache")).toBeNull();
  });
});
