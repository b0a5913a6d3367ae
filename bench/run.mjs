// Runs every benchmark under bench/ (each prints its own ratios against a same-run baseline).
// `node bench/run.mjs <name> [args…]` runs one and passes it the arguments.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";

const only = process.argv[2];
const args = process.argv.slice(3);
const dir = new URL(".", import.meta.url).pathname;
let failed = 0;
let ran = 0;
for (const name of readdirSync(dir).sort()) {
  if (!statSync(dir + name).isDirectory() || !existsSync(`${dir}${name}/index.mjs`) || (only && name !== only))
    continue;
  ran++;
  const r = spawnSync(process.execPath, [`${dir}${name}/index.mjs`, ...args], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
if (only && ran === 0) {
  console.error(`no benchmark named ${only} (a folder bench/<name>/ with an index.mjs)`);
  process.exit(1);
}
process.exit(failed ? 1 : 0);
