// bench/import: how long @gongkai/importer takes for one typical HTML report (p50/p90 per file, goal
// ≤ 50 ms) and how many reports per second it gets through a folder of 200 generated pages.
// Baseline measured in the same run: just parsing the same HTML (htmlparser2.parseDocument).
import { fileURLToPath } from "node:url";
import { runTypeScript } from "../_shared/tsx.mjs";

// The generated pages are rendered with @gongkai/ui (JSX): tsx needs a tsconfig that compiles it.
process.env.TSX_TSCONFIG_PATH = fileURLToPath(new URL("./tsconfig.json", import.meta.url));
runTypeScript(new URL("./main.ts", import.meta.url));
