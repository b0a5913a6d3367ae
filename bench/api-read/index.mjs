// bench/api-read: requests/s and latency of GET /trpc/portal/reports.get on the real app (Hono +
// tRPC + drizzle, in-process) against a bare Hono route returning the same bytes from memory.
import { runTypeScript } from "../_shared/tsx.mjs";

runTypeScript(new URL("./main.ts", import.meta.url));
