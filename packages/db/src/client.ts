import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { copyText } from "./copy";
import * as schema from "./schema/index";

export type Schema = typeof schema;
/** A drizzle database on either engine (PGlite or node-postgres): same schema, same SQL. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Anything that can run queries: the database or a transaction. */
export type Executor = Database | Transaction;

export interface DbConfig {
  /** postgres://… — use PostgreSQL. Without it, embedded PGlite. */
  databaseUrl?: string | undefined;
  /** Optional read replica for portal reads (PostgreSQL only). */
  readUrl?: string | undefined;
  /** PGlite data directory (default ./data); ignored with databaseUrl. */
  dataDir?: string | undefined;
  /** PGlite in memory (tests). */
  memory?: boolean | undefined;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number | undefined;
  /** PGlite's shared_buffers (default 32MB: an embedded database serves one agency or a demo). */
  pgliteSharedBuffers?: string | undefined;
}

/** What a bulk transaction can do: COPY rows in, and run raw SQL, on one connection. */
export interface BulkOps {
  copy(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly (string | number | null)[])[],
  ): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface DbHandle {
  kind: "pglite" | "postgres";
  db: Database;
  /** Reads that may go to a replica (the portal); the primary when there is none. */
  readDb: Database;
  /** Run one or more raw SQL statements (no parameters). */
  exec(sql: string): Promise<void>;
  /** A raw parameterised query; returns rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  migrate(): Promise<void>;
  /** One transaction on one connection with COPY (bulk loads); rolled back if `fn` throws. */
  bulk<T>(fn: (ops: BulkOps) => Promise<T>): Promise<T>;
  /** Readiness: a round trip to the database. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** packages/db/migrations, found through the package (so it also works from a bundled server). */
export const migrationsFolder = resolve(
  dirname(createRequire(import.meta.url).resolve("@gongkai/db/package.json")),
  "migrations",
);

export async function createDb(config: DbConfig = {}): Promise<DbHandle> {
  if (config.databaseUrl) return createPostgres(config.databaseUrl, config);
  return createPglite(config);
}

async function createPglite(config: DbConfig): Promise<DbHandle> {
  let client: PGlite;
  // PGlite's default shared_buffers (128MB) would be most of the server's memory.
  const options = { postgresqlconf: [`shared_buffers = ${config.pgliteSharedBuffers ?? "32MB"}`] };
  if (config.memory) {
    client = new PGlite(options);
  } else {
    const dir = resolve(config.dataDir ?? "./data");
    mkdirSync(dir, { recursive: true });
    client = new PGlite(dir, options);
  }
  await client.waitReady;
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    kind: "pglite",
    db,
    readDb: db,
    exec: async (sql) => {
      await client.exec(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows,
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder });
    },
    bulk: (fn) =>
      client.transaction((tx) =>
        fn({
          copy: async (table, columns, rows) => {
            if (rows.length === 0) return;
            const blob = new Blob([copyText(rows)]);
            await tx.query(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM '/dev/blob'`, [], {
              blob,
            });
          },
          query: async <T>(sql: string, params: unknown[] = []) => (await tx.query<T>(sql, params)).rows,
        }),
      ),
    ping: async () => (await client.query("select 1 as ok")).rows.length === 1,
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

async function createPostgres(url: string, config: DbConfig): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString: url, max: config.poolSize ?? 10 });
  const readPool = config.readUrl
    ? new pg.Pool({ connectionString: config.readUrl, max: config.poolSize ?? 10 })
    : null;
  // An idle client dropped by the server (restart, failover, a dropped test database) emits 'error' on
  // the pool; unhandled, that kills the process. The pool discards that client and reconnects on the
  // next query, which reports any lasting failure itself.
  for (const p of [pool, readPool]) p?.on("error", () => {});
  const db = drizzleNodePg({ client: pool, schema }) as unknown as Database;
  const readDb = readPool ? (drizzleNodePg({ client: readPool, schema }) as unknown as Database) : db;
  return {
    kind: "postgres",
    db,
    readDb,
    exec: async (sql) => {
      await pool.query(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
    migrate: async () => {
      await migrateNodePg(db as never, { migrationsFolder });
    },
    bulk: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn({
          copy: async (table, columns, rows) => {
            if (rows.length === 0) return;
            const stream = client.query(
              copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`),
            );
            await pipeline(Readable.from([copyText(rows)]), stream);
          },
          query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
        });
        await client.query("COMMIT");
        return result;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    ping: async () => {
      try {
        return (await pool.query("select 1 as ok")).rows.length === 1;
      } catch {
        return false;
      }
    },
    close: async () => {
      await pool.end();
      await readPool?.end();
    },
  };
}
