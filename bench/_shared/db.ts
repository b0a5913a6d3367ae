import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type DbHandle } from "@gongkai/db";
import pg from "pg";
import { dirSize } from "./util";

export type Engine = "pglite" | "postgres";

export interface FreshDatabase {
  engine: Engine;
  handle: DbHandle;
  /** PGlite's data directory, or the PostgreSQL database's URL. */
  where: string;
  /** Bytes the database takes (pg_database_size; for PGlite the data directory on disk). */
  size(): Promise<{ bytes: number; note: string }>;
  drop(): Promise<void>;
}

/** A new PostgreSQL database on DATABASE_URL's server (as packages/api/test/harness.ts does), dropped afterwards. */
export async function createPostgresDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `gk_bench_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A migrated, empty database on the engine: PGlite in a temporary data directory, or a fresh PostgreSQL database. */
export async function freshDatabase(engine: Engine, options: { poolSize?: number } = {}): Promise<FreshDatabase> {
  if (engine === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "gk-bench-pglite-"));
    try {
      const handle = await createDb({ dataDir: dir });
      await handle.migrate();
      return {
        engine,
        handle,
        where: dir,
        size: async () => {
          await handle.exec("CHECKPOINT");
          const [row] = await handle.query<{ b: string }>("select pg_database_size(current_database())::text as b");
          return { bytes: dirSize(dir), note: `data dir; pg_database_size ${Number(row?.b ?? 0)} B` };
        },
        drop: async () => {
          await handle.close().catch(() => {});
          rmSync(dir, { recursive: true, force: true });
        },
      };
    } catch (err) {
      rmSync(dir, { recursive: true, force: true });
      throw err;
    }
  }
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL is not set");
  const db = await createPostgresDatabase(base);
  try {
    const handle = await createDb({ databaseUrl: db.url, poolSize: options.poolSize ?? 10 });
    await handle.migrate();
    return {
      engine,
      handle,
      where: db.url,
      size: async () => {
        const [row] = await handle.query<{ b: string }>("select pg_database_size(current_database())::text as b");
        return { bytes: Number(row?.b ?? 0), note: "pg_database_size" };
      },
      drop: async () => {
        await handle.close().catch(() => {});
        await db.drop();
      },
    };
  } catch (err) {
    await db.drop().catch(() => {});
    throw err;
  }
}

/** The engines to measure: PGlite always, PostgreSQL too when DATABASE_URL is set. */
export function engines(): Engine[] {
  return process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}
