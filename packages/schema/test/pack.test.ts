import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixturePath } from "./load";

/**
 * The package as another team gets it: `pnpm pack`, install the tarball into a project outside
 * the workspace with npm, then use it at run time and type-check a consumer with tsc.
 */
const pkgDir = new URL("..", import.meta.url).pathname;
const tsc = join(pkgDir, "node_modules/.bin/tsc");
let dir = "";
let tarball = "";

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 180_000 });
}

beforeAll(() => {
  if (!existsSync(join(pkgDir, "dist/index.js")))
    throw new Error("Run the build first (turbo runs it before this test)");
  dir = mkdtempSync(join(tmpdir(), "gongkai-consumer-"));
  run("pnpm", ["pack", "--pack-destination", dir], pkgDir);
  tarball = readdirSync(dir).find((f) => f.endsWith(".tgz")) ?? "";
  const zodVersion = JSON.parse(readFileSync(join(pkgDir, "node_modules/zod/package.json"), "utf8")).version;
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({
      name: "consumer",
      private: true,
      type: "module",
      dependencies: { "@gongkai/schema": `file:./${tarball}`, zod: zodVersion },
    }),
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], dir);
  copyFileSync(fixturePath("pingtan-2020"), join(dir, "pingtan-2020.json"));
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the packed @gongkai/schema", () => {
  it("ships dist only, ESM with types, zod as a peer, an exports map without wildcards or source paths", () => {
    const manifest = JSON.parse(readFileSync(join(dir, "node_modules/@gongkai/schema/package.json"), "utf8"));
    expect(manifest.type).toBe("module");
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.peerDependencies).toEqual({ zod: "^4.1.0" });
    expect(manifest.dependencies ?? {}).toEqual({});
    const exportsText = JSON.stringify(manifest.exports);
    expect(exportsText).not.toContain("*");
    expect(exportsText).not.toContain("src/");
    expect(exportsText).not.toContain("@gongkai/source");
    const files = readdirSync(join(dir, "node_modules/@gongkai/schema"));
    expect(files.sort()).toEqual(["README.md", "dist", "package.json"]);
  });

  it("validates a real report at run time", () => {
    writeFileSync(
      join(dir, "run.mjs"),
      `import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { ReportSchema, validateReport, metricDef } from "@gongkai/schema";
import { generateConsistentReport, seededRandom } from "@gongkai/schema/testing";
const report = ReportSchema.parse(JSON.parse(readFileSync("pingtan-2020.json", "utf8")));
const findings = validateReport(report);
const schema = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("@gongkai/schema/report.schema.json"), "utf8"));
const generated = validateReport(generateConsistentReport({ edition: 2021, random: seededRandom(1) }));
console.log(JSON.stringify({
  errors: findings.filter((f) => f.severity === "error").map((f) => f.ruleId),
  metric: metricDef("t3.granted.total").label.zh,
  schemaHasOneOf: Array.isArray(schema.oneOf),
  generatedErrors: generated.filter((f) => f.severity === "error").length,
}));
`,
    );
    expect(JSON.parse(run("node", ["run.mjs"], dir))).toEqual({
      errors: ["R08", "R08"],
      metric: "（一）予以公开 · 总计",
      schemaHasOneOf: true,
      generatedErrors: 0,
    });
  }, 60_000);

  it("type-checks a consumer with tsc (strict, NodeNext resolution)", () => {
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: "NodeNext",
          moduleResolution: "NodeNext",
          target: "ES2022",
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ["consumer.ts"],
      }),
    );
    writeFileSync(
      join(dir, "consumer.ts"),
      `import { type CellPath2021, type Finding, type Report, ReportSchema, validateReport, getCell } from "@gongkai/schema";
const path: CellPath2021 = "t3.other.feeUnpaid.total";
export function errorsOf(input: unknown): Finding[] {
  const report: Report = ReportSchema.parse(input);
  if (report.edition === 2021) {
    const misc: number | null = report.tables.t3.other.misc.total;
    void misc;
  } else {
    const other: number | null = report.tables.t3.otherHandling.total;
    void other;
  }
  void getCell(report, path);
  return validateReport(report).filter((f) => f.severity === "error");
}
`,
    );
    const typecheck = () => {
      try {
        run(tsc, ["-p", "."], dir);
        return "";
      } catch (e) {
        return String((e as { stdout?: string }).stdout);
      }
    };
    expect(typecheck()).toBe("");
    writeFileSync(
      join(dir, "consumer.ts"),
      `import type { CellPath2021 } from "@gongkai/schema";\nexport const p: CellPath2021 = "t3.otherHandling.total";\n`,
    );
    expect(typecheck()).toMatch(/"t3\.otherHandling\.total"' is not assignable to type/);
  }, 180_000);

  it("installs a working gongkai-validate command", () => {
    let code = 0;
    let out = "";
    try {
      out = run(join(dir, "node_modules/.bin/gongkai-validate"), ["pingtan-2020.json", "--lang", "en"], dir);
    } catch (e) {
      code = (e as { status: number }).status;
      out = (e as { stdout: string }).stdout;
    }
    expect(code).toBe(1);
    expect(out).toContain("2 error(s)");
  }, 60_000);
});
