import { IMPORT_MAX_BYTES, ImportFindingSchema, type Report } from "@gongkai/schema";
import { generateConsistentReport, seededRandom } from "@gongkai/schema/testing";
import { describe, expect, it } from "vitest";
import { type ImportResult, importReport } from "../src/index";
import { officialHtml } from "./render";

/** Every result, however bad the input: findings with both languages, no exception. */
function wellFormed(r: ImportResult): void {
  for (const f of r.importFindings) {
    expect(ImportFindingSchema.parse(f)).toEqual(f);
    expect(f.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(f.message.en).toMatch(/[a-z]/);
  }
}

const codes = (r: ImportResult) => r.importFindings.map((f) => f.code);
const report = (): Report => ({
  ...generateConsistentReport({ edition: 2021, random: seededRandom(3) }),
  title: "测试局2023年政府信息公开工作年度报告",
});

describe("bad input gives a clear finding, never an exception", () => {
  it.each([
    ["empty bytes", new Uint8Array(0)],
    ["an empty string", ""],
    ["only whitespace", "   \n\t  "],
  ])("%s → input.empty", async (_, content) => {
    const r = await importReport({ content });
    wellFormed(r);
    expect(r.draft).toBeNull();
    expect(codes(r)).toEqual(["input.empty"]);
  });

  it("binary garbage → input.binary", async () => {
    const random = seededRandom(42);
    const bytes = Uint8Array.from({ length: 20_000 }, () => Math.floor(random() * 256));
    const r = await importReport({ content: bytes, filename: "x.html" });
    wellFormed(r);
    expect(r.draft).toBeNull();
    expect(codes(r)).toEqual(["input.binary"]);
  });

  it("a 50 MB file → input.tooLarge, without reading it", async () => {
    const big = new Uint8Array(50 * 1024 * 1024);
    const r = await importReport({ content: big, filename: "huge.html" });
    wellFormed(r);
    expect(codes(r)).toEqual(["input.tooLarge"]);
    expect(r.importFindings[0]?.message.en).toContain("50.0 MB");
    expect(IMPORT_MAX_BYTES).toBe(10 * 1024 * 1024);
  });

  it.each([
    ["a PDF", [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37], "PDF"],
    ["a legacy .doc", [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], ".doc"],
    ["a PNG", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "image"],
  ])("%s → input.unsupported", async (_, head, word) => {
    const r = await importReport({ content: Uint8Array.from([...head, ...new Array(100).fill(0)]) });
    wellFormed(r);
    expect(codes(r)).toEqual(["input.unsupported"]);
    expect(r.importFindings[0]?.message.en).toContain(word);
  });

  it("a file named .docx that is not one, and a damaged zip → input.unsupported", async () => {
    const fake = await importReport({ content: new TextEncoder().encode("<p>hello</p>"), filename: "report.docx" });
    expect(codes(fake)).toEqual(["input.unsupported"]);
    const zip = await importReport({ content: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]) });
    expect(codes(zip)).toEqual(["input.unsupported"]);
    wellFormed(fake);
    wellFormed(zip);
  });

  it("HTML without tables: sections are read, the tables' cells stay null with findings", async () => {
    const html = officialHtml(report()).replace(/<table[\s\S]*?<\/table>/g, "");
    const r = await importReport({ content: html, filename: "r.html" });
    wellFormed(r);
    expect(r.draft?.sections.overview.text).toBeTruthy();
    expect(r.stats.cellsRead).toBe(0);
    expect(codes(r)).toEqual(expect.arrayContaining(["html.noTables", "table.missing"]));
    expect(r.importFindings.filter((f) => f.code === "table.missing").flatMap((f) => f.cells)).toHaveLength(200);
  });

  it("nested tables: a layout table around the report still gives every cell", async () => {
    const inner = officialHtml(report()).replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, "");
    const html = `<html><body><table><tr><td>导航</td><td>${inner}</td></tr></table></body></html>`;
    const r = await importReport({ content: html });
    wellFormed(r);
    expect(codes(r)).toContain("html.nestedTables");
    expect(r.stats.cellsRead).toBe(200);
  });

  it("the wrong kind of document → input.notReport, no draft", async () => {
    const news =
      "<html><head><title>市政府召开常务会议</title></head><body><h1>市政府召开常务会议</h1><p>会议研究了城市更新工作。</p><table><tr><td>项目</td><td>金额</td></tr><tr><td>道路</td><td>300</td></tr></table></body></html>";
    const r = await importReport({ content: news, filename: "news.html" });
    wellFormed(r);
    expect(r.draft).toBeNull();
    expect(codes(r)).toEqual(["input.notReport"]);
  });

  it("plain prose that is not a report → input.notReport", async () => {
    const r = await importReport({ content: "这是一封感谢信。\n感谢各位同事一年来的辛勤工作。" });
    expect(codes(r)).toEqual(["input.notReport"]);
  });

  it("hostile markup: 100,000 nested elements, absurd rowspan/colspan — bounded, no stack overflow", async () => {
    const deep = `<html><body>${"<div>".repeat(100_000)}一、总体情况${"</div>".repeat(100_000)}</body></html>`;
    const r1 = await importReport({ content: deep });
    wellFormed(r1);
    expect(codes(r1)).toEqual(["input.unsupported"]);
    const spans = `<table><tr><td rowspan="65534" colspan="1000">x</td></tr>${"<tr><td>1</td></tr>".repeat(3000)}</table>`;
    const r2 = await importReport({ content: `<html><body><p>一、总体情况</p>${spans}</body></html>` });
    wellFormed(r2);
    expect(r2.draft === null || r2.stats.cellsRead === 0).toBe(true);
  });

  it("scripts, styles and event handlers never reach the sanitized source", async () => {
    const html = officialHtml(report()).replace(
      "<body>",
      `<body><script>alert(1)</script><style>p{}</style><p onclick="alert(2)">点<img src=x onerror="alert(3)"></p><a href="javascript:alert(4)">链接</a>`,
    );
    const r = await importReport({ content: html });
    expect(r.source.html).not.toMatch(/<script|<style|onclick|onerror|javascript:|<img|<a\s/i);
    expect(r.source.html).toContain("<table");
    expect(r.stats.cellsRead).toBe(200);
  });
});

describe("text where the cells ran together", () => {
  const text = [
    "测试局2023年政府信息公开工作年度报告",
    "一、总体情况",
    "本年度本局认真贯彻条例。",
    "三、收到和处理政府信息公开申请情况",
    "一、本年新收政府信息公开申请数量 21710000218",
    "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0",
  ].join("\n");

  it("never splits 21710000218; reads a row whose figures are separated", async () => {
    const r = await importReport({ content: text, filename: "r.txt" });
    wellFormed(r);
    const d = r.draft as Report;
    expect(d.tables.t3.newReceived.total).toBeNull();
    expect(d.tables.t3.newReceived.naturalPerson).toBeNull();
    const flat = r.importFindings.find((f) => f.code === "cell.flattened");
    expect(flat?.cells).toHaveLength(7);
    expect(flat?.text).toContain("21710000218");
    expect(d.tables.t3.carriedOver.total).toBe(0);
    expect(codes(r)).toContain("table.fromText");
  });
});
