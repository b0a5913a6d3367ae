import { randomBytes } from "node:crypto";
import { agencies, createDb, type DbHandle, memberships, regions } from "@gongkai/db";
import type { AgencyKind, AgencyLevel, Membership, Report, Role } from "@gongkai/schema";
import pg from "pg";
import { createAuth } from "../src/auth";
import { type Context, createContext, type Deps, type Viewer } from "../src/context";
import { adminRouter } from "../src/routers/admin";
import { portalRouter } from "../src/routers/portal";
import { loadViewer } from "../src/services/admin";
import { createCallerFactory } from "../src/trpc";

/**
 * A fresh database for one test suite: embedded PGlite in memory, or — when DATABASE_URL is set —
 * a new PostgreSQL database created on that server and dropped afterwards.
 */
export async function freshDatabase(): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = await createDb({ memory: true });
    await handle.migrate();
    return { handle, drop: () => handle.close() };
  }
  const name = `gk_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const handle = await createDb({ databaseUrl: u.toString(), poolSize: 4 });
  await handle.migrate();
  return {
    handle,
    drop: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestWorld {
  handle: DbHandle;
  deps: Deps;
  /** Move the clock (scheduled publication, deadlines). */
  setNow(iso: string): void;
  portal(viewer?: Viewer | null): PortalCaller;
  admin(viewer: Viewer | null): AdminCaller;
  context(viewer: Viewer | null): Context;
  region(code: string, name: string, parentCode?: string | null): Promise<void>;
  agency(input: {
    id: string;
    name: string;
    regionCode: string;
    level?: AgencyLevel;
    kind?: AgencyKind;
    tracked?: boolean;
  }): Promise<string>;
  user(name: string, roles: { role: Role; agencyId?: string; regionCode?: string }[]): Promise<Viewer>;
  /** Create → save (content) → submit → approve → publish, through the real services. */
  publish(input: {
    editor: Viewer;
    approver: Viewer;
    agencyId: string;
    year: number;
    content: (draft: Report) => Report;
  }): Promise<string>;
  close(): Promise<void>;
}

const password = "correct horse battery staple";
const portalCaller = createCallerFactory(portalRouter);
const adminCaller = createCallerFactory(adminRouter);
export type PortalCaller = ReturnType<typeof portalCaller>;
export type AdminCaller = ReturnType<typeof adminCaller>;

export async function createWorld(options: { now?: string } = {}): Promise<TestWorld> {
  const { handle, drop } = await freshDatabase();
  let now = new Date(options.now ?? "2025-06-01T08:00:00Z");
  const { port } = createAuth(handle, {
    secret: "test-secret-test-secret-test-secret",
    baseURL: "http://localhost",
    rateLimit: false,
  });
  const deps: Deps = { db: handle, auth: port, now: () => new Date(now) };
  let userCount = 0;
  const world: TestWorld = {
    handle,
    deps,
    setNow: (iso) => {
      now = new Date(iso);
    },
    context: (viewer) => createContext(deps, { viewer, requestId: "test" }),
    portal: (viewer = null) => portalCaller(createContext(deps, { viewer, requestId: "test" })),
    admin: (viewer) => adminCaller(createContext(deps, { viewer, requestId: "test" })),
    async region(code, name, parentCode = null) {
      const level = code.endsWith("0000") ? "province" : code.endsWith("00") ? "prefecture" : "county";
      await handle.db.insert(regions).values({ code, name, parentCode, level }).onConflictDoNothing();
    },
    async agency({ id, name, regionCode, level = "provincial", kind = "department", tracked = true }) {
      await handle.db
        .insert(agencies)
        .values({ id, name, regionCode, level, kind, tracked, createdAt: new Date("2018-01-01T00:00:00Z") });
      return id;
    },
    async user(name, roles) {
      userCount++;
      const { id } = await port.createUser({
        email: `user${userCount}-${randomBytes(3).toString("hex")}@example.gov.cn`,
        name,
        password,
      });
      for (const r of roles) {
        await handle.db
          .insert(memberships)
          .values({ userId: id, role: r.role, agencyId: r.agencyId ?? null, regionCode: r.regionCode ?? null });
      }
      const viewer = await loadViewer(handle.db, id);
      if (!viewer) throw new Error("user not created");
      return viewer as Viewer & { memberships: Membership[] };
    },
    async publish({ editor, approver, agencyId, year, content }) {
      const a = world.admin(editor);
      const draft = await a.reports.create({ agencyId, year });
      const saved = await a.reports.save({
        id: draft.id,
        lockVersion: draft.lockVersion,
        content: content(draft.content),
      });
      const warnings = saved.findings.filter((f) => f.severity === "warning");
      const acks = [...new Set(warnings.map((w) => w.ruleId))].map((ruleId) => ({
        ruleId,
        cells: [],
        note: "已核实 / checked",
      }));
      const submitted = await a.reports.submit({
        id: draft.id,
        lockVersion: saved.lockVersion,
        acknowledgements: acks,
      });
      const b = world.admin(approver);
      const approved = await b.reports.approve({ id: draft.id, lockVersion: submitted.lockVersion });
      await b.reports.publish({ id: draft.id, lockVersion: approved.lockVersion, acknowledgements: acks });
      return draft.id;
    },
    close: drop,
  };
  return world;
}

export { password as testPassword };

/** metric_rollups as maintained incrementally must equal a rebuild from the narrow table. */
export async function rollupsDrift(world: TestWorld): Promise<{ incremental: string[]; rebuilt: string[] }> {
  const { rebuildRollups } = await import("../src/services/publishing");
  const read = async () =>
    (
      await world.handle.query<Record<string, unknown>>(
        "select metric, year, prefecture, level, kind, edition, sum::numeric::text as sum, blanks, reports from metric_rollups where sum <> 0 or blanks <> 0 or reports <> 0 order by 1,2,3,4,5,6",
      )
    ).map((r) => JSON.stringify({ ...r, sum: String(Number(r.sum)) }));
  const incremental = await read();
  await world.handle.db.transaction((tx) => rebuildRollups(tx));
  const rebuilt = await read();
  return { incremental, rebuilt };
}
