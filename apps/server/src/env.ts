import { z } from "zod";

/** An empty variable counts as unset (VAR= in a shell or a .env file). */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema);

const bool = z
  .enum(["1", "0", "true", "false", "yes", "no"])
  .transform((v) => v === "1" || v === "true" || v === "yes");

/** Every setting the server reads, parsed once. Nothing else reads process.env. */
export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** postgres://… for PostgreSQL; unset = embedded PGlite in DATA_DIR. */
  DATABASE_URL: unsetIfEmpty(z.string().url().optional()),
  /** Optional PostgreSQL read replica for portal reads. */
  DATABASE_READ_URL: unsetIfEmpty(z.string().url().optional()),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().default("./data"),
  /** Signs sessions; every instance of a deployment must share it. Generated into DATA_DIR when unset. */
  AUTH_SECRET: unsetIfEmpty(z.string().min(32, { error: "AUTH_SECRET must be at least 32 characters" }).optional()),
  /** The URL users reach the server at (cookies, auth redirects, CSRF origin check). */
  PUBLIC_URL: unsetIfEmpty(z.string().url().optional()),
  /** Extra origins allowed to call the API with cookies, comma-separated. */
  TRUSTED_ORIGINS: unsetIfEmpty(z.string().optional()),
  /** Password sign-in attempts allowed per client address per minute (brute-force guard). */
  AUTH_SIGN_IN_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(5),
  /** Seconds this process keeps portal API answers in memory (0: off). Shared caches may keep them 60 s. */
  PORTAL_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(30),
  /** Seed demo data into an empty database at start (default yes). */
  DEMO_DATA: bool.default(true),
  /** Run the scheduled-publication loop in this instance (default yes). */
  SCHEDULER: bool.default(true),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});
export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
