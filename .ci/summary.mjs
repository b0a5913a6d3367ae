// Reads every vitest JSON report (<package>/.test-results/vitest.json) and prints the one line CI
// reads: "N passed, N failed". A package with a test script but no results (its run crashed), or a
// failing step that is not a test (typecheck, lint), counts as a failure. Exits non-zero on any.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const status = Number(process.argv[2] ?? 0);
const root = new URL("..", import.meta.url).pathname;
let passed = 0;
let failed = 0;
const problems = [];

for (const group of ["packages", "apps", "bench", "e2e"]) {
  const base = join(root, group);
  if (!existsSync(base)) continue;
  const dirs = existsSync(join(base, "package.json")) ? [base] : readdirSync(base).map((d) => join(base, d));
  for (const dir of dirs) {
    const manifest = join(dir, "package.json");
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, "utf8"));
    if (!pkg.scripts?.test) continue;
    const resultsDir = join(dir, ".test-results");
    const files = existsSync(resultsDir) ? readdirSync(resultsDir).filter((f) => f.endsWith(".json")) : [];
    if (files.length === 0) {
      failed++;
      problems.push(`${pkg.name}: no test results (the test run did not complete)`);
      continue;
    }
    for (const f of files) {
      const r = JSON.parse(readFileSync(join(resultsDir, f), "utf8"));
      passed += r.numPassedTests ?? 0;
      failed += r.numFailedTests ?? 0;
      if ((r.numFailedTestSuites ?? 0) > 0 && (r.numFailedTests ?? 0) === 0) {
        failed += r.numFailedTestSuites;
        problems.push(`${pkg.name}: ${r.numFailedTestSuites} test file(s) failed to run`);
      }
    }
  }
}
if (status !== 0 && failed === 0) {
  failed = 1;
  problems.push(`pnpm test exited with ${status} (typecheck, lint or build failed)`);
}
for (const p of problems) console.log(`! ${p}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
