import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = new URL("../../../", import.meta.url).pathname;
const tsx = join(root, "node_modules/.bin/tsx");
let dir = "";

/** `pnpm gongkai …` as a user runs it, on a temporary PGlite data dir. */
async function gongkai(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      tsx,
      ["--conditions=@gongkai/source", join(root, "apps/server/src/cli.ts"), ...args],
      {
        cwd: dir,
        env: { ...process.env, DATABASE_URL: "", DATA_DIR: join(dir, "data"), NO_COLOR: "1" },
        timeout: 240_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: typeof err.code === "number" ? err.code : 1, stdout: err.stdout ?? "", stderr: err.stderr ?? "" };
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "gongkai-cli-"));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("pnpm gongkai", () => {
  it("prints help", async () => {
    const r = await gongkai("--help");
    expect(r.code).toBe(0);
    for (const cmd of ["migrate", "seed", "export", "import-json", "import", "user"]) expect(r.stdout).toContain(cmd);
  });

  it("migrates, loads synthetic reports, imports JSON, adds a user and exports everything", async () => {
    expect((await gongkai("migrate")).stdout).toContain("migrations applied (pglite)");
    const seeded = await gongkai("seed", "--synthetic", "30");
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/30 synthetic reports loaded/);
    const fixture = join(root, "packages/schema/test/fixtures/pingtan-2024.json");
    const imported = await gongkai("import-json", fixture);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/✓ .*pingtan-2024\.json → rpt_\w+; 0 error\(s\)/);
    expect((await gongkai("import-json", fixture)).stdout).toContain("already there");
    const added = await gongkai(
      "user",
      "add",
      "--email",
      "clerk@example.gov.cn",
      "--name",
      "办事员",
      "--password",
      "a-long-password",
      "--role",
      "editor",
      "--agency",
      "pingtan",
    );
    expect(added.stdout).toContain("created clerk@example.gov.cn (editor)");
    const out = join(dir, "export");
    const exported = await gongkai("export", out);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/exported 31 published versions of 31 reports/);
    const files = readdirSync(join(out, "reports"));
    expect(files).toContain("pingtan-2024-v1.json");
    expect(
      JSON.parse(readFileSync(join(out, "reports", "pingtan-2024-v1.json"), "utf8")).tables.t2.fees.amount,
    ).toEqual({ amount: "18651.06", unit: "万元" });
  }, 300_000);

  it("imports published reports: a dry run reads and matches, a real run creates drafts, each file on its own", async () => {
    const fixtures = join(root, "packages/importer/test/fixtures");
    const dry = await gongkai("import", fixtures, "--dry-run", "--json");
    expect(dry.code).toBe(0);
    const report = JSON.parse(dry.stdout) as {
      dryRun: boolean;
      skipped: string[];
      files: {
        file: string;
        ok: boolean;
        agency: { id: string | null };
        stats: { cellsRead: number };
        draftId: string | null;
      }[];
    };
    expect(report.dryRun).toBe(true);
    expect(report.skipped.map((f) => f.split("/").pop())).toEqual(["README.md"]);
    const byName = Object.fromEntries(report.files.map((f) => [f.file.split("/").pop(), f]));
    expect(byName["pingtan-2024.html"]).toMatchObject({
      ok: true,
      agency: { id: "pingtan" },
      stats: { cellsRead: 200 },
      draftId: null,
    });
    expect(byName["shanghai-szfbgt-2019.js"]?.stats.cellsRead).toBe(63);
    expect(byName["sichuan-emergency-management-2019.txt"]?.stats.cellsRead).toBe(1);

    const real = await gongkai("import", join(fixtures, "pingtan-2020.html"), join(fixtures, "pingtan-2024.html"));
    // 2020 becomes a draft; 2024 was published by import-json above: that file fails, the other goes on.
    expect(real.code).toBe(1);
    expect(real.stdout).toMatch(
      /✓ pingtan-2020\.html: 平潭综合实验区 2020 \(2019 edition, template\) → pingtan \[exact\]; 198\/198 cells read, 0 left null; .* → draft rpt_\w+/,
    );
    expect(real.stdout).toMatch(/✗ pingtan-2024\.html: .*already has a 2024 report/);
    expect(real.stdout).toContain("1 of 2 file(s) imported as drafts");

    const unknown = join(dir, "unknown.txt");
    writeFileSync(
      unknown,
      "不存在的测试局2023年政府信息公开工作年度报告\n一、总体情况\n本年度推进政务公开。\n五、存在的主要问题及改进情况\n无。\n",
    );
    const u = await gongkai("import", unknown);
    expect(u.code).toBe(1);
    expect(u.stdout).toContain('agency "不存在的测试局" not found on the platform; give it with --agency');
    const given = await gongkai("import", unknown, "--agency", "pingtan");
    expect(given.code).toBe(0);
    expect(given.stdout).toMatch(/→ pingtan \[given\].* → draft rpt_/);
    expect((await gongkai("import", unknown, "--as", "nobody@example.gov.cn")).code).toBe(2);
  }, 300_000);

  it("refuses bad input with a message and a non-zero exit code", async () => {
    expect((await gongkai("seed")).code).toBe(2);
    const role = await gongkai(
      "user",
      "add",
      "--email",
      "a@b.cn",
      "--name",
      "x",
      "--password",
      "a-long-password",
      "--role",
      "boss",
    );
    expect(role.code).toBe(2);
    expect(role.stderr).toContain("--role must be one of editor, approver, oversight, admin");
    const bad = join(dir, "bad.json");
    writeFileSync(bad, '{"edition": 2021}');
    const r = await gongkai("import-json", bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("not a report");
    expect(r.stderr).toContain("agency: missing");
    expect((await gongkai("seed", "--synthetic", "zero")).code).not.toBe(0);
    expect((await gongkai("seed", "--demo")).stderr).toContain("not empty");
  }, 300_000);
});
