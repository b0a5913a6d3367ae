import { readFileSync } from "node:fs";
import { importPublishedReport } from "@gongkai/api";
import { createWorld, type TestWorld } from "@gongkai/api/testing";
import { cellDefs, type Report, ReportSchema } from "@gongkai/schema";
import { Validator } from "@seriousme/openapi-schema-validator";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import Papa from "papaparse";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createApp } from "../src/app";

const fixture = (name: string): Report =>
  ReportSchema.parse(
    JSON.parse(readFileSync(new URL(`../../../packages/schema/test/fixtures/${name}.json`, import.meta.url), "utf8")),
  );

let w: TestWorld;
let app: ReturnType<typeof createApp>;
let pingtan2024 = "";
let shanghai2019 = "";
let draftId = "";

beforeAll(async () => {
  w = await createWorld({ now: "2025-03-20T00:00:00Z" });
  for (const [code, name, parent] of [
    ["350000", "福建省", null],
    ["350100", "福州市", "350000"],
    ["350128", "平潭县", "350100"],
    ["310000", "上海市", null],
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
    tracked: false,
  });
  await w.agency({
    id: "sh-government-office",
    name: "上海市人民政府办公厅",
    regionCode: "310000",
    kind: "government_office",
    tracked: false,
  });
  await w.agency({ id: "rest-draft", name: "草稿测试厅", regionCode: "510000" });
  const ctx = w.context(null);
  pingtan2024 = (await importPublishedReport(ctx, { content: fixture("pingtan-2024") })).id;
  await importPublishedReport(ctx, { content: fixture("pingtan-2020") });
  shanghai2019 = (await importPublishedReport(ctx, { content: fixture("shanghai-szfbgt-2019") })).id;
  const editor = await w.user("草稿编辑", [{ role: "editor", agencyId: "rest-draft" }]);
  draftId = (await w.admin(editor).reports.create({ agencyId: "rest-draft", year: 2024 })).id;
  app = createApp({ ...w.deps, logger: pino({ level: "silent" }), trustedOrigins: ["http://localhost"] });
}, 120_000);

afterAll(async () => {
  await w?.close();
});

const get = (path: string) => app.request(`/api/v1${path}`);
const bytes = async (res: Response) => new Uint8Array(await res.arrayBuffer());
const rfc5987 = (name: string) => `filename*=UTF-8''${encodeURIComponent(name)}`;

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await res.json()) as { error: { code: string; message: string; messageZh: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(body.error.messageZh.length).toBeGreaterThan(0);
  return body.error;
}

describe("GET /api/v1/reports/:id", () => {
  it("answers the published report exactly as the portal's reports.get does", async () => {
    const res = await get(`/reports/${pingtan2024}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(res.headers.get("content-disposition")).toBeNull();
    expect(await res.json()).toEqual(
      JSON.parse(JSON.stringify(await w.portal().reports.get({ id: pingtan2024 }))) as unknown,
    );
    const byYear = await get("/agencies/pingtan/reports/2024");
    expect(((await byYear.json()) as { summary: { id: string } }).summary.id).toBe(pingtan2024);
  });

  it("downloads the report document as JSON", async () => {
    const res = await get(`/reports/${pingtan2024}.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="pingtan-2024.json"; ${rfc5987("平潭综合实验区-2024.json")}`,
    );
    const report = ReportSchema.parse(await res.json());
    expect(report.tables.t3.newReceived.total).toBe(218);
    expect(report.agency.id).toBe("pingtan");
  });

  it("downloads CSV: BOM, one row per cell, blanks empty", async () => {
    const res = await get(`/reports/${shanghai2019}.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(res.headers.get("content-disposition")).toContain(rfc5987("上海市人民政府办公厅-2019.csv"));
    const raw = await bytes(res);
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(raw).replace(/^\uFEFF/, "");
    const { data, errors } = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(errors).toEqual([]);
    const [header, ...rows] = data;
    expect(header).toEqual(["路径", "表格", "行", "列", "数值", "单位"]);
    expect(rows).toHaveLength(cellDefs(2019).length);
    const byPath = new Map(rows.map((r) => [r[0], r]));
    expect(byPath.get("t3.newReceived.naturalPerson")?.[4]).toBe("821");
    expect(byPath.get("t3.newReceived.research")?.[4]).toBe("");
    expect(byPath.get("t2.procurement.amount")?.slice(4)).toEqual(["251000", "元"]);

    const en = await get(`/reports/${shanghai2019}.csv?lang=en`);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(await bytes(en)).split("\r\n")[0]).toBe(
      "\uFEFFpath,table,row,column,value,unit",
    );
  });

  it("downloads XLSX with the official tables", async () => {
    const res = await get(`/reports/${pingtan2024}.xlsx?lang=en`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toContain(rfc5987("平潭综合实验区-2024.xlsx"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Table 2", "Table 3", "Table 4", "Text", "data", "findings"]);
    const t3 = wb.worksheets[1];
    if (!t3) throw new Error("no table 三");
    expect((t3.model as { merges: string[] }).merges).toEqual(expect.arrayContaining(["A1:C3", "D1:J1", "A6:A27"]));
    expect([t3.getCell("D4").value, t3.getCell("J4").value, t3.getCell("D8").value]).toEqual([217, 218, 4]);
  });

  it("downloads DOCX in the official layout", async () => {
    const res = await get(`/reports/${shanghai2019}.docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(res.headers.get("content-disposition")).toContain(rfc5987("上海市人民政府办公厅-2019.docx"));
    const zip = await JSZip.loadAsync(await bytes(res));
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain(">2019年上海市人民政府办公厅政府信息公开工作年度报告<");
    expect(xml).toContain(">三、收到和处理政府信息公开申请情况<");
    expect(xml).toContain(">五、政府信息公开工作存在的主要问题及改进情况<");
    expect(xml).toContain('<w:gridSpan w:val="7"/>');
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain(">821<");
    expect(xml).toContain(">—<");
  });

  it("serves the same by agency and year, with a version when asked for one", async () => {
    const res = await get("/agencies/pingtan/reports/2024.xlsx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(rfc5987("平潭综合实验区-2024.xlsx"));
    const v1 = await get("/agencies/pingtan/reports/2020.csv?version=1&lang=en");
    expect(v1.status).toBe(200);
    expect(v1.headers.get("content-disposition")).toBe(
      `attachment; filename="pingtan-2020-v1.csv"; ${rfc5987("平潭综合实验区-2020-v1.csv")}`,
    );
    await expectError(await get("/agencies/pingtan/reports/2020.csv?version=2"), 404, "NOT_FOUND");
    await expectError(await get("/agencies/pingtan/reports/2023.docx"), 404, "NOT_FOUND");
    await expectError(await get("/agencies/nobody/reports/2024.json"), 404, "NOT_FOUND");
  });

  it("does not know drafts", async () => {
    for (const path of [
      `/reports/${draftId}`,
      `/reports/${draftId}.json`,
      `/reports/${draftId}.csv`,
      "/agencies/rest-draft/reports/2024.xlsx",
      "/agencies/rest-draft/reports/2024",
    ]) {
      const error = await expectError(await get(path), 404, "NOT_FOUND");
      expect(error.message).toBe("Report not found");
    }
  });

  it("answers 404 for unknown reports and formats, 400 for a bad lang or version", async () => {
    await expectError(await get("/reports/rpt_doesnotexist000.csv"), 404, "NOT_FOUND");
    await expectError(await get("/reports/not-an-id.csv"), 404, "NOT_FOUND");
    const pdf = await expectError(await get(`/reports/${pingtan2024}.pdf`), 404, "NOT_FOUND");
    expect(pdf.message).toContain(".csv");
    const lang = await expectError(await get(`/reports/${pingtan2024}.csv?lang=fr`), 400, "BAD_REQUEST");
    expect(lang.message).toContain('"zh" or "en"');
    for (const v of ["0", "-1", "abc", "1.5"]) {
      const version = await expectError(await get(`/reports/${pingtan2024}.xlsx?version=${v}`), 400, "BAD_REQUEST");
      expect(version.message).toContain("whole number ≥ 1");
    }
    expect((await get(`/reports/${pingtan2024}.csv?lang=fr`)).headers.get("cache-control")).toBeNull();
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document whose schemas come from the zod model", async () => {
    const res = await get("/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, { get: { responses: Record<string, { content?: Record<string, { schema: unknown }> }> } }>;
      components: { schemas: Record<string, Record<string, unknown>> };
    };
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(doc as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);

    for (const path of [
      "/reports/{id}",
      "/reports/{id}.json",
      "/reports/{id}.csv",
      "/reports/{id}.xlsx",
      "/reports/{id}.docx",
      "/agencies/{agencyId}/reports/{year}",
      "/agencies/{agencyId}/reports/{year}.xlsx",
      "/openapi.json",
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths["/reports/{id}"]?.get.responses["200"]?.content?.["application/json"]?.schema).toEqual({
      $ref: "#/components/schemas/PublishedReport",
    });
    expect(doc.paths["/reports/{id}.json"]?.get.responses["200"]?.content?.["application/json"]?.schema).toEqual({
      $ref: "#/components/schemas/Report",
    });
    // The Report component is the model's own JSON Schema, not a copy written by hand.
    const { $schema: _, ...generated } = z.toJSONSchema(ReportSchema, { io: "output" }) as Record<string, unknown>;
    expect(doc.components.schemas.Report).toEqual(generated);
    expect(JSON.stringify(doc.components.schemas.PublishedReport)).toContain('"$ref":"#/components/schemas/Report"');
    // Every reference points at something in the document.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    for (const name of new Set(refs)) expect(doc.components.schemas[name as string], name).toBeDefined();
  });
});
