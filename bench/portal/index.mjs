// bench/portal: the public portal as a visitor gets it. Initial JavaScript of the report page
// (gzip), server-rendered time to first byte against a bare endpoint of the same server, and
// Lighthouse performance and accessibility scores of home, report and explorer.
import { runTypeScript } from "../_shared/tsx.mjs";

runTypeScript(new URL("./main.ts", import.meta.url));
