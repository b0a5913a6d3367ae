import { readFileSync } from "node:fs";
import { type Report, ReportSchema } from "@gongkai/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPublishedReport } from "../src/services/imports";
import { createWorld, type TestWorld } from "./harness";

const fixture = (name: string): Report =>
  ReportSchema.parse(
    JSON.parse(readFileSync(new URL(`../../schema/test/fixtures/${name}.json`, import.meta.url), "utf8")),
  );

let w: TestWorld;

beforeAll(async () => {
  w = await createWorld({ now: "2025-03-01T00:00:00Z" });
  for (const [code, name, parent] of [
    ["350000", "福建省", null],
    ["350100", "福州市", "350000"],
    ["350128", "平潭县", "350100"],
    ["510000", "四川省", null],
  ] as const) {
    await w.region(code, name, parent);
  }
  await w.agency({
    id: "pingtan",
    name: "平潭综合实验区",
    regionCode: "350128",
    level: "prefecture",
    kind: "consolidated",
  });
  await w.agency({ id: "sc-emergency-management", name: "四川省应急管理厅", regionCode: "510000" });
  // 平潭 2020 as published: its outcome rows do not add up to （七）总计 (rule R08, an error).
  await importPublishedReport(w.context(null), { content: fixture("pingtan-2020") });
  await importPublishedReport(w.context(null), { content: fixture("sichuan-emergency-management-2019") });
});
afterAll(async () => {
  await w?.close();
});

describe("data-quality board", () => {
  it("shows oversight the reports of its region that fail rules, and which rules fail most", async () => {
    const fujian = await w.user("福建监督", [{ role: "oversight", regionCode: "350000" }]);
    const board = await w.admin(fujian).quality.board({ year: 2020 });
    expect(board.reports).toBe(1);
    expect(board.withErrors).toBe(1);
    expect(board.items.map((i) => i.agency.id)).toEqual(["pingtan"]);
    expect(board.items[0]?.rules[0]).toBe("R08");
    expect(board.rules.find((r) => r.ruleId === "R08")).toEqual({ ruleId: "R08", severity: "error", reports: 1 });
    // Another year, another region: nothing of 平潭.
    expect((await w.admin(fujian).quality.board({ year: 2019 })).items).toEqual([]);
  });

  it("does not show oversight another region's reports; admins see all", async () => {
    const sichuan = await w.user("四川监督", [{ role: "oversight", regionCode: "510000" }]);
    expect((await w.admin(sichuan).quality.board({ year: 2020 })).reports).toBe(0);
    const admin = await w.user("管理员", [{ role: "admin" }]);
    const all = await w.admin(admin).quality.board({ year: 2019 });
    expect(all.items.map((i) => i.agency.id)).toContain("sc-emergency-management");
  });

  it("is refused to editors", async () => {
    const editor = await w.user("编辑", [{ role: "editor", agencyId: "pingtan" }]);
    await expect(w.admin(editor).quality.board({ year: 2020 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
