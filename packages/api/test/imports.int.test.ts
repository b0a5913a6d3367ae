import { readFileSync } from "node:fs";
import { auditLog, eq } from "@gongkai/db";
import { cellPaths, getCell, IMPORT_MAX_BYTES, ReportSchema } from "@gongkai/schema";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../src/context";
import { matchAgency } from "../src/services/report-imports";
import { consistentContent } from "./content";
import { createWorld, type TestWorld } from "./harness";

const fixture = (file: string) => readFileSync(new URL(`../../importer/test/fixtures/${file}`, import.meta.url));
const expected = (name: string) =>
  ReportSchema.parse(
    JSON.parse(readFileSync(new URL(`../../schema/test/fixtures/${name}.json`, import.meta.url), "utf8")),
  );
const upload = (filename: string, bytes: Uint8Array | string, mediaType = "") => ({
  filename,
  mediaType,
  contentBase64: Buffer.from(bytes).toString("base64"),
});

let w: TestWorld;
let editor: Viewer;
let approver: Viewer;
let otherEditor: Viewer;

async function rejects(p: Promise<unknown>, code: TRPCError["code"]): Promise<TRPCError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, `expected ${code}`).toBeInstanceOf(TRPCError);
  expect((e as TRPCError).code).toBe(code);
  return e as TRPCError;
}

beforeAll(async () => {
  w = await createWorld({ now: "2025-03-20T02:00:00Z" });
  await w.region("350000", "福建省");
  await w.region("350100", "福州市", "350000");
  await w.region("350128", "平潭综合实验区", "350100");
  await w.region("510000", "四川省");
  await w.agency({
    id: "pingtan",
    name: "平潭综合实验区",
    regionCode: "350128",
    level: "prefecture",
    kind: "consolidated",
  });
  await w.agency({ id: "sc-bureau", name: "四川省测试厅", regionCode: "510000" });
  await w.agency({ id: "sc-renamed", name: "四川省新名称局", regionCode: "510000" });
  await w.agency({ id: "sc-office-a", name: "四川省人民政府办公厅", regionCode: "510000" });
  await w.agency({ id: "sc-office-b", name: "四川省人民政府办公厅机关事务处", regionCode: "510000" });
  await w.handle.query(
    "insert into agency_events (agency_id, kind, date, from_name, to_name) values ('sc-renamed', 'renamed', '2023-01-01', '四川省旧名称局', '四川省新名称局')",
  );
  editor = await w.user("平潭编辑", [
    { role: "editor", agencyId: "pingtan" },
    { role: "editor", agencyId: "sc-bureau" },
  ]);
  approver = await w.user("平潭审核", [
    { role: "approver", agencyId: "pingtan" },
    { role: "approver", agencyId: "sc-bureau" },
  ]);
  otherEditor = await w.user("外机关编辑", [{ role: "editor", agencyId: "sc-renamed" }]);
}, 60_000);

afterAll(async () => {
  await w?.close();
});

describe("admin.imports.preview (dry run)", () => {
  it("detects the agency, year and edition, and gives the draft, provenance and findings as that agency", async () => {
    const p = await w
      .admin(editor)
      .imports.preview(upload("pingtan-2024.html", fixture("pingtan-2024.html"), "text/html"));
    expect(p.detected).toMatchObject({
      format: "html",
      agencyName: "平潭综合实验区",
      year: 2024,
      edition: 2021,
      layout: "template",
    });
    expect(p.agency).toMatchObject({ status: "exact", canAccept: true });
    expect(p.agency.agency?.id).toBe("pingtan");
    expect(p.existing).toBeNull();
    const want = expected("pingtan-2024");
    for (const path of cellPaths(2021)) expect(getCell(p.draft as never, path), path).toEqual(getCell(want, path));
    expect(p.draft?.agency.kind).toBe("consolidated");
    expect(p.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(p.findings.map((f) => f.ruleId)).toContain("R21");
    expect(p.stats).toEqual({ cellsTotal: 200, cellsRead: 200, cellsBlank: 0, cellsNull: 0 });
    expect(p.provenance).toHaveLength(200);
    expect(p.source.kind).toBe("html");
    expect(p.source.html).toContain('id="src-1-3-3"');
    expect(p.source.html).not.toMatch(/<script|<style|\son\w+=/i);
  });

  it("writes nothing", async () => {
    const before = await w.handle.query<{ n: number }>("select count(*)::int as n from reports");
    await w.admin(editor).imports.preview(upload("pingtan-2024.html", fixture("pingtan-2024.html")));
    const after = await w.handle.query<{ n: number }>("select count(*)::int as n from reports");
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it("says when the agency is not on the platform, and when the viewer may not accept", async () => {
    const sh = await w.admin(editor).imports.preview(upload("shanghai.js", fixture("shanghai-szfbgt-2019.js")));
    expect(sh.agency).toEqual({ status: "none", agency: null, candidates: [], canAccept: false });
    expect(sh.draft?.edition).toBe(2019);
    const other = await w.admin(otherEditor).imports.preview(upload("pingtan-2024.html", fixture("pingtan-2024.html")));
    expect(other.agency).toMatchObject({ status: "exact", canAccept: false });
  });

  it("answers unreadable files with import findings, not errors", async () => {
    const p = await w
      .admin(editor)
      .imports.preview(upload("x.pdf", Uint8Array.from([0x25, 0x50, 0x44, 0x46, 1, 2, 3])));
    expect(p.draft).toBeNull();
    expect(p.importFindings.map((f) => f.code)).toEqual(["input.unsupported"]);
  });

  it("refuses an upload over 10 MB and content that is not base64, with a clear message", async () => {
    const big = {
      filename: "big.html",
      mediaType: "",
      contentBase64: "A".repeat(Math.ceil(IMPORT_MAX_BYTES / 3) * 4 + 400),
    };
    const e = await rejects(w.admin(editor).imports.preview(big), "BAD_REQUEST");
    expect(e.message).toContain("10 MB");
    const bad = await rejects(
      w.admin(editor).imports.preview({ filename: "x.html", mediaType: "", contentBase64: "not base64!!" }),
      "BAD_REQUEST",
    );
    expect(bad.message).toContain("base64");
  });
});

describe("admin.imports.accept", () => {
  it("creates the draft through the report services, with the file's cells, and audits the import", async () => {
    const d = await w.admin(editor).imports.accept(upload("pingtan-2020.html", fixture("pingtan-2020.html")));
    expect(d).toMatchObject({ year: 2020, edition: 2019, state: "draft" });
    expect(d.agency.id).toBe("pingtan");
    const want = expected("pingtan-2020");
    for (const path of cellPaths(2019)) expect(getCell(d.content, path), path).toEqual(getCell(want, path));
    expect(d.content.sections.overview.text).toBe(want.sections.overview.text);
    expect(d.findings.filter((f) => f.ruleId === "R08")).toHaveLength(2);
    const audits = await w.handle.db.select().from(auditLog).where(eq(auditLog.entityId, d.id));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(["report.create", "report.import"]));
    const again = await w.admin(editor).imports.preview(upload("pingtan-2020.html", fixture("pingtan-2020.html")));
    expect(again.existing).toEqual({ id: d.id, state: "draft" });
    // The same report again: CONFLICT, as reports.create.
    await rejects(
      w.admin(editor).imports.accept(upload("pingtan-2020.html", fixture("pingtan-2020.html"))),
      "CONFLICT",
    );
  });

  it("refuses a file laid out in the other edition than its year needs, before creating anything", async () => {
    const e = await rejects(
      w.admin(editor).imports.accept({ ...upload("pingtan-2020.html", fixture("pingtan-2020.html")), year: 2022 }),
      "BAD_REQUEST",
    );
    expect(e.message).toMatch(/2019 edition/);
    const rows = await w.handle.query<{ n: number }>(
      "select count(*)::int as n from reports where agency_id = 'pingtan' and year = 2022",
    );
    expect(rows[0]?.n).toBe(0);
  });

  it("needs an agency when the name is not recognised, and takes the one given", async () => {
    const sh = upload("shanghai.html", fixture("shanghai-szfbgt-2019.html"));
    const e = await rejects(w.admin(editor).imports.accept(sh), "BAD_REQUEST");
    expect(e.message).toContain("上海市人民政府办公厅");
    const d = await w.admin(editor).imports.accept({ ...sh, agencyId: "sc-bureau" });
    expect(d.agency.id).toBe("sc-bureau");
    expect(d.content.agency.name).toBe("四川省测试厅");
    expect(getCell(d.content, "t3.granted.total")).toBeNull();
    expect(getCell(d.content, "t3.newReceived.total")).toBe(859);
  });

  it("refuses a file that is not a report, saying why", async () => {
    const e = await rejects(w.admin(editor).imports.accept(upload("x.txt", "这是一封感谢信。")), "BAD_REQUEST");
    expect(e.message).toContain("could not be read as a report");
  });

  it("is refused to approvers (FORBIDDEN) and editors of other agencies (NOT_FOUND), as reports.create", async () => {
    await rejects(
      w.admin(approver).imports.accept(upload("pingtan-2024.html", fixture("pingtan-2024.html"))),
      "FORBIDDEN",
    );
    await rejects(
      w.admin(otherEditor).imports.accept(upload("pingtan-2024.html", fixture("pingtan-2024.html"))),
      "NOT_FOUND",
    );
  });

  it("keeps 上年结转 prefilled from last year when the file has no table 三", async () => {
    await w.publish({ editor, approver, agencyId: "sc-bureau", year: 2022, content: (d) => consistentContent(d, 5) });
    const text = [
      "四川省测试厅2023年政府信息公开工作年度报告",
      "一、总体情况",
      "本年度推进政务公开。",
      "五、存在的主要问题及改进情况",
      "无。",
    ].join("\n");
    const d = await w.admin(editor).imports.accept(upload("r.txt", text));
    const prev = await w.portal().reports.get({ agencyId: "sc-bureau", year: 2022 });
    expect(d.prefilled).toHaveLength(7);
    expect(getCell(d.content, "t3.carriedOver.total")).toBe(getCell(prev.content, "t3.carriedForward.total"));
    expect(getCell(d.content, "t3.granted.total")).toBeNull();
  });
});

describe("matchAgency", () => {
  it("matches the same name, a former name, a unique partial name; lists candidates when several fit", async () => {
    const db = w.handle.db;
    expect((await matchAgency(db, "平潭综合实验区")).agency?.id).toBe("pingtan");
    expect(await matchAgency(db, "四川省旧名称局")).toMatchObject({ status: "renamed", agency: { id: "sc-renamed" } });
    expect(await matchAgency(db, "四川省测试")).toMatchObject({ status: "partial", agency: { id: "sc-bureau" } });
    const several = await matchAgency(db, "四川省人民政府");
    expect(several.status).toBe("ambiguous");
    expect(several.candidates.map((c) => c.id).sort()).toEqual(["sc-office-a", "sc-office-b"]);
    expect(await matchAgency(db, "上海市人民政府办公厅")).toEqual({ status: "none", agency: null, candidates: [] });
    expect((await matchAgency(db, null)).status).toBe("none");
  });
});
