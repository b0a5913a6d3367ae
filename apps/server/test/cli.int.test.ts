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
    for (const cmd of ["migrate", "seed", "export", "import-json", "user"]) expect(r.stdout).toContain(cmd);
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
