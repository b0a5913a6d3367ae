import { type Report, validateReport } from "@gongkai/schema";
import { cellDefs, getCell, officialHeadings, sectionKeys } from "@gongkai/schema/meta";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { fixtureNames, loadFixture } from "../test/fixtures";
import { address, reportGrids } from "./grid";
import { reportXlsx } from "./xlsx";

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, index: number): ExcelJS.Worksheet {
  const ws = wb.worksheets[index];
  if (!ws) throw new Error(`no sheet ${index}`);
  return ws;
}

const merges = (ws: ExcelJS.Worksheet): string[] => [...(ws.model as { merges: string[] }).merges].sort();
const value = (ws: ExcelJS.Worksheet, ref: string) => ws.getCell(ref).value;

/** What a value cell must hold: the number, null for not reported. */
function expected(report: Report, path: string): number | null {
  const v = getCell(report, path);
  if (v === undefined) throw new Error(`no cell ${path}`);
  return v === null ? null : typeof v === "number" ? v : Number(v.amount);
}

const t3Merges2021 = [
  "A1:C3", // the note: 3 label columns × 3 header rows
  "D1:J1", // 申请人情况 over the 7 value columns
  "D2:D3", // 自然人 down 2 header rows
  "E2:I2", // 法人或其他组织 over 5
  "J2:J3", // 总计 down 2 header rows
  "A4:C4", // 一、本年新收…
  "A5:C5", // 二、上年结转…
  "A6:A27", // 三、本年度办理结果 over its 22 rows
  "B6:C6", // （一）予以公开
  "B7:C7", // （二）部分公开
  "B8:B15", // （三）不予公开 1–8
  "B16:B18", // （四）无法提供 1–3
  "B19:B23", // （五）不予处理 1–5
  "B24:B26", // （六）其他处理 1–3 (2021)
  "B27:C27", // （七）总计
  "A28:C28", // 四、结转下年度继续办理
].sort();

const t3Merges2019 = [
  "A1:C3",
  "D1:J1",
  "D2:D3",
  "E2:I2",
  "J2:J3",
  "A4:C4",
  "A5:C5",
  "A6:A25", // 20 rows in 2019
  "B6:C6",
  "B7:C7",
  "B8:B15",
  "B16:B18",
  "B19:B23",
  "B24:C24", // （六）其他处理 is a single row in 2019
  "B25:C25",
  "A26:C26",
].sort();

const t4Merges = ["A1:E1", "F1:O1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:J2", "K2:O2"].sort();

describe("reportXlsx", () => {
  for (const name of fixtureNames) {
    for (const locale of ["zh", "en"] as const) {
      it(`${name} (${locale}): every table value in its official place, blanks where not reported`, async () => {
        const report = loadFixture(name);
        const wb = await read(await reportXlsx(report, { locale }));
        const grids = reportGrids(report, locale);
        (["t2", "t3", "t4"] as const).forEach((table, i) => {
          const ws = sheet(wb, i);
          for (const c of grids[table].cells) {
            if (c.kind !== "value" || !c.path) continue;
            const got = value(ws, address(c.row, c.col));
            expect(got ?? null, `${table} ${c.path}`).toBe(expected(report, c.path));
          }
        });
        expect(merges(sheet(wb, 1))).toEqual(report.edition === 2021 ? t3Merges2021 : t3Merges2019);
        expect(merges(sheet(wb, 2))).toEqual(t4Merges);
        expect(sheet(wb, 1).views[0]).toMatchObject({ state: "frozen", xSplit: 3, ySplit: 3 });
        expect(sheet(wb, 2).views[0]).toMatchObject({ state: "frozen", ySplit: 3 });

        const names = wb.worksheets.map((w) => w.name);
        expect(names).toEqual(
          locale === "zh"
            ? ["表二 主动公开", "表三 依申请公开", "表四 复议诉讼", "正文", "数据"]
            : ["Table 2", "Table 3", "Table 4", "Text", "data"],
        );
        const text = sheet(wb, 3);
        const column = text.getColumn(1).values.filter((v): v is string => typeof v === "string");
        for (const key of sectionKeys) {
          expect(column).toContain(report.sections[key].heading ?? officialHeadings[key][locale]);
        }
        const data = sheet(wb, 4);
        expect(data.rowCount).toBe(1 + cellDefs(report.edition).length + report.extraMetrics.length);
      });
    }
  }

  it("pingtan-2024: table 三 read cell by cell", async () => {
    const wb = await read(await reportXlsx(loadFixture("pingtan-2024"), { locale: "zh" }));
    const t3 = sheet(wb, 1);
    expect(value(t3, "A1")).toBe("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    expect(value(t3, "D1")).toBe("申请人情况");
    expect(value(t3, "D2")).toBe("自然人");
    expect(value(t3, "E2")).toBe("法人或其他组织");
    expect(value(t3, "I3")).toBe("其他");
    expect(value(t3, "J2")).toBe("总计");
    expect(value(t3, "A4")).toBe("一、本年新收政府信息公开申请数量");
    expect([value(t3, "D4"), value(t3, "E4"), value(t3, "J4")]).toEqual([217, 1, 218]);
    expect(value(t3, "A6")).toBe("三、本年度办理结果");
    expect([value(t3, "B6"), value(t3, "D6"), value(t3, "J6")]).toEqual(["（一）予以公开", 71, 71]);
    expect([value(t3, "B8"), value(t3, "C8"), value(t3, "D8")]).toEqual(["（三）不予公开", "1.属于国家秘密", 4]);
    expect([value(t3, "C12"), value(t3, "D12")]).toEqual(["5.属于三类内部事务信息", 32]);
    expect([value(t3, "C16"), value(t3, "D16")]).toEqual(["1.本机关不掌握相关政府信息", 75]);
    expect(value(t3, "B24")).toBe("（六）其他处理");
    expect(value(t3, "B27")).toBe("（七）总计");
    expect(value(t3, "J27")).toBe(218);
    expect(value(t3, "A28")).toBe("四、结转下年度继续办理");
    const t2 = sheet(wb, 0);
    expect(value(t2, "A1")).toBe("第二十条第（一）项");
    expect(merges(t2)).toContain("A1:D1");
    expect(merges(t2)).toContain("B6:D6"); // 本年处理决定数量 over 3 columns
    const fees = t2.getCell("B14");
    expect(fees.value).toBe(18651.06);
    expect(fees.numFmt).toBe("0.00");
    const t4 = sheet(wb, 2);
    expect([value(t4, "A1"), value(t4, "F1"), value(t4, "F2"), value(t4, "K2")]).toEqual([
      "行政复议",
      "行政诉讼",
      "未经复议直接起诉",
      "复议后起诉",
    ]);
  });

  it("shanghai-szfbgt-2019: blank cells stay blank, not 0", async () => {
    const wb = await read(await reportXlsx(loadFixture("shanghai-szfbgt-2019"), { locale: "en" }));
    const t3 = sheet(wb, 1);
    // 一、本年新收: 821 | 35 | – | – | 2 | 1 | 859
    expect(["D4", "E4", "F4", "G4", "H4", "I4", "J4"].map((r) => value(t3, r))).toEqual([
      821,
      35,
      null,
      null,
      2,
      1,
      859,
    ]);
    // （一）予以公开: 总计 left blank by the report
    expect([value(t3, "D6"), value(t3, "E6"), value(t3, "J6")]).toEqual([258, 12, null]);
    expect([value(t3, "D25"), value(t3, "J25")]).toEqual([767, 805]); // （七）总计
    expect(value(t3, "D2")).toBe("Natural persons");
    const t4 = sheet(wb, 2);
    expect(["A4", "B4", "D4", "E4", "K4", "O4"].map((r) => value(t4, r))).toEqual([5, null, 2, 7, null, null]);
    const t2 = sheet(wb, 0);
    const amount = t2.getCell("C18");
    expect(amount.value).toBe(251000);
    expect(amount.numFmt).toBe('0" yuan"'); // 2019 prints no unit in the header: the value carries it
  });

  it("adds a findings sheet when findings are given", async () => {
    const report = loadFixture("pingtan-2020");
    const findings = validateReport(report);
    expect(findings.length).toBeGreaterThan(0);
    const wb = await read(await reportXlsx(report, { locale: "zh", findings, version: 2 }));
    const ws = wb.getWorksheet("校验结果");
    if (!ws) throw new Error("no findings sheet");
    expect(ws.getRow(1).values).toEqual([undefined, "规则", "级别", "说明", "单元格", "单元格名称"]);
    expect(ws.rowCount).toBe(1 + findings.length);
    const first = findings[0];
    expect(value(ws, "A2")).toBe(first?.ruleId);
    expect(value(ws, "C2")).toBe(first?.message.zh);
    expect(value(ws, "D2")).toBe(first?.cells.join("\n"));
    const text = sheet(wb, 3);
    expect(text.getColumn(2).values).toContain("第2版");
  });
});
