// bench/metrics: bulk-load N synthetic published reports (PostgreSQL when DATABASE_URL is set, and
// PGlite), then time the portal's metric series queries against a SELECT 1 round trip.
// Options: --n <reports> (or BENCH_METRICS_N), --pglite-n <reports> (0 skips PGlite), --years <k>, --chunk <reports>.
import { runTypeScript } from "../_shared/tsx.mjs";

runTypeScript(new URL("./main.ts", import.meta.url));
