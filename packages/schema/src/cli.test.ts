import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixturePath } from "../test/load";
import { type CliIo, displayWidth, runCli } from "./cli-core";

function run(argv: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readFile: (p) => {
      if (p in files) return files[p] as string;
      return readFileSync(p, "utf8");
    },
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  };
  const code = runCli(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("gongkai-validate", () => {
  it("prints the seed's findings as a table and exits 0: warnings only", () => {
    const r = run([fixturePath("sichuan-emergency-management-2019")]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("四川省应急管理厅 2019年度");
    expect(r.out).toMatch(/R02\s+提示\s+other\s+缺少“六、其他需要报告的事项”部分。/);
    expect(r.out).toContain("共 0 个错误，10 个提示。");
  });

  it("exits 1 on errors and speaks English when asked", () => {
    const r = run([fixturePath("pingtan-2020"), "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("（七）总计 Natural persons = 20, but the outcome rows add up to 26.");
    expect(r.out).toContain("2 error(s), 2 warning(s).");
  });

  it("groups blank cells per table unless --all", () => {
    const grouped = run([fixturePath("shanghai-szfbgt-2019"), "--lang=en"]);
    expect(grouped.out).toContain("126 blank cells in “Disclosure requests received and handled”");
    const all = run([fixturePath("shanghai-szfbgt-2019"), "--all"]);
    expect(all.out.match(/R06/g)?.length).toBe(135);
  });

  it("prints JSON with --json", () => {
    const r = run([fixturePath("pingtan-2024"), "--json"]);
    const parsed = JSON.parse(r.out);
    expect(parsed).toMatchObject({ valid: true, errors: 0, edition: 2021, year: 2024 });
    expect(parsed.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(["R21"]);
  });

  it("uses --previous for cross-year rules", () => {
    const prev = JSON.parse(readFileSync(fixturePath("pingtan-2024"), "utf8"));
    const next = structuredClone(prev);
    next.year = 2025;
    next.publicationDate = "2026-03-01";
    next.tables.t3.carriedOver.naturalPerson = 3;
    const r = run(["next.json", "--previous", "prev.json", "--json"], {
      "next.json": JSON.stringify(next),
      "prev.json": JSON.stringify(prev),
    });
    const ids = JSON.parse(r.out).findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids).toContain("R10");
    expect(ids).toContain("R23");
  });

  it("exits 2 with a message naming the path and what was expected for a wrong shape — no stack trace", () => {
    const r = run(["bad.json"], { "bad.json": JSON.stringify({ edition: 2021, year: "2024" }) });
    expect(r.code).toBe(2);
    expect(r.err).toContain("year：应为数字，实际为文本");
    expect(r.err).toContain("agency：缺少此字段（应为对象）");
    expect(r.err).not.toMatch(/\n\s+at /);
    const en = run(["bad.json", "--lang", "en"], { "bad.json": JSON.stringify({ edition: 2030 }) });
    expect(en.err).toContain("edition must be 2019 or 2021");
  });

  it("exits 2 for unreadable files, bad JSON and bad arguments", () => {
    expect(run(["/no/such/file.json"]).err).toContain("文件不存在");
    const bad = run(["x.json", "--lang", "en"], { "x.json": "{oops" });
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^x\.json is not valid JSON: /);
    expect(run(["--lang", "fr", "x.json"]).code).toBe(2);
    expect(run([]).code).toBe(2);
    expect(run(["--help"]).code).toBe(0);
  });

  it("measures CJK text as two columns wide", () => {
    expect(displayWidth("R08")).toBe(3);
    expect(displayWidth("错误")).toBe(4);
  });
});
