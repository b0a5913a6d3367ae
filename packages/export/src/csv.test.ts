import { type Report, setCell } from "@gongkai/schema";
import { cellDefs, getCell } from "@gongkai/schema/meta";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { fixtureNames, loadFixture } from "../test/fixtures";
import { reportCsv, rowsToCsv } from "./csv";

const BOM = "\uFEFF";

function parse(csv: string): string[][] {
  expect(csv.startsWith(BOM)).toBe(true);
  const result = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

/** What the CSV must say for a cell: the number, the exact decimal string, or empty. */
function expected(report: Report, path: string): string {
  const v = getCell(report, path);
  if (v === undefined) throw new Error(`no cell ${path}`);
  if (v === null) return "";
  return typeof v === "number" ? String(v) : v.amount;
}

describe("reportCsv", () => {
  for (const name of fixtureNames) {
    for (const locale of ["zh", "en"] as const) {
      it(`${name} (${locale}) parses back to one row per cell, in official order, then the extra metrics`, () => {
        const report = loadFixture(name);
        const [header, ...rows] = parse(reportCsv(report, { locale }));
        expect(header).toEqual(
          locale === "zh"
            ? ["路径", "表格", "行", "列", "数值", "单位"]
            : ["path", "table", "row", "column", "value", "unit"],
        );
        const defs = cellDefs(report.edition);
        expect(rows).toHaveLength(defs.length + report.extraMetrics.length);
        defs.forEach((def, i) => {
          const row = rows[i] ?? [];
          expect(row).toHaveLength(6);
          expect(row[0]).toBe(def.path);
          expect(row[3]).toBe(def.columnLabel[locale]);
          expect(row[4], def.path).toBe(expected(report, def.path));
        });
        report.extraMetrics.forEach((m, i) => {
          const row = rows[defs.length + i] ?? [];
          expect(row[0]).toBe(`extra.${m.key}`);
          expect(row[2]).toBe(m.label[locale]);
          expect(row[4]).toBe(String(m.value));
          expect(row[5]).toBe(m.unit);
        });
      });
    }
  }

  it("labels rows with their group and keeps money exact with its unit", () => {
    const report = loadFixture("pingtan-2024");
    const zh = new Map(parse(reportCsv(report, { locale: "zh" })).map((r) => [r[0], r]));
    expect(zh.get("t3.denied.stateSecret.naturalPerson")).toEqual([
      "t3.denied.stateSecret.naturalPerson",
      "收到和处理政府信息公开申请情况",
      "（三）不予公开 1.属于国家秘密",
      "自然人",
      "4",
      "件",
    ]);
    expect(zh.get("t3.granted.total")?.[2]).toBe("（一）予以公开");
    expect(zh.get("t3.handledTotal.total")?.[4]).toBe("218");
    expect(zh.get("t4.suitDirect.upheld")?.[2]).toBe("行政诉讼 未经复议直接起诉");
    expect(zh.get("t2.fees.amount")?.slice(4)).toEqual(["18651.06", "万元"]);
    const en = new Map(parse(reportCsv(report, { locale: "en" })).map((r) => [r[0], r]));
    expect(en.get("t3.denied.stateSecret.naturalPerson")?.slice(2, 4)).toEqual([
      "(3) Not disclosed — 1. State secret",
      "Natural persons",
    ]);
    expect(en.get("t2.fees.amount")?.slice(4)).toEqual(["18651.06", "10,000 yuan"]);
  });

  it("writes blanks as empty fields, never 0", () => {
    const report = loadFixture("shanghai-szfbgt-2019");
    const rows = new Map(parse(reportCsv(report, { locale: "zh" })).map((r) => [r[0], r]));
    expect(rows.get("t3.newReceived.research")?.[4]).toBe("");
    expect(rows.get("t3.granted.total")?.[4]).toBe("");
    expect(rows.get("t3.newReceived.naturalPerson")?.[4]).toBe("821");
    expect(rows.get("t2.procurement.amount")?.slice(4)).toEqual(["251000", "元"]);
    const emptyMoney = setCell(report, "t2.procurement.amount", null);
    const again = new Map(parse(reportCsv(emptyMoney, { locale: "zh" })).map((r) => [r[0], r]));
    expect(again.get("t2.procurement.amount")?.slice(4)).toEqual(["", "元"]);
  });

  it("keeps signed 2019 changes as numbers", () => {
    const rows = new Map(parse(reportCsv(loadFixture("pingtan-2020"), { locale: "zh" })).map((r) => [r[0], r]));
    expect(rows.get("t2.penalties.delta")?.[4]).toBe("-18");
  });
});

describe("rowsToCsv", () => {
  it("quotes, escapes and neutralises formulas; null is empty", () => {
    const csv = rowsToCsv(
      ["机关", "value"],
      [
        ['He said "hi", then left', 1.5],
        ["line\nbreak", null],
        ["=HYPERLINK(1)", -3],
      ],
    );
    expect(csv).toBe(
      `${BOM}机关,value\r\n"He said ""hi"", then left",1.5\r\n"line\nbreak",\r\n"'=HYPERLINK(1)",-3\r\n`,
    );
    expect(parse(csv)).toEqual([
      ["机关", "value"],
      ['He said "hi", then left', "1.5"],
      ["line\nbreak", ""],
      ["'=HYPERLINK(1)", "-3"],
    ]);
  });
});
