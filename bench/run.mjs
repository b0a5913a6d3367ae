// Runs every benchmark under bench/ (each prints its own ratios against a same-run baseline).
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";

const only = process.argv[2];
const dir = new URL(".", import.meta.url).pathname;
let failed = 0;
for (const name of readdirSync(dir).sort()) {
  if (!statSync(dir + name).isDirectory() || name === "node_modules" || (only && name !== only)) continue;
  const r = spawnSync(process.execPath, [`${dir}${name}/index.mjs`], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
