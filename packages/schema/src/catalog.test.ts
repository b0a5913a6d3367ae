import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { cellDef, cellDefs, cellName, cellPaths, getCell, isCellPath, setCell } from "./catalog";
import { emptyReport } from "./factory";
import { Report2019Schema, Report2021Schema } from "./report";

const agency = {
  id: "test-agency",
  name: "测试机关",
  regionCode: "110000",
  level: "provincial",
  kind: "department",
} as const;

/** Leaf paths of a zod object shape, stopping at cells (number | null or a money object). */
function schemaLeafPaths(schema: z.ZodType, prefix: string): string[] {
  const def = (
    schema as unknown as { _zod: { def: { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType } } }
  )._zod.def;
  if (def.type === "nullable") {
    const inner = def.innerType as z.ZodType;
    const innerDef = (inner as unknown as { _zod: { def: { type: string; shape?: Record<string, unknown> } } })._zod
      .def;
    if (innerDef.type === "object" && innerDef.shape && "amount" in innerDef.shape) return [prefix];
    return schemaLeafPaths(inner, prefix);
  }
  if (def.type === "optional") return [];
  if (def.type === "object" && def.shape) {
    return Object.entries(def.shape).flatMap(([k, v]) => schemaLeafPaths(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

describe("cell catalogue", () => {
  it.each([
    [2019, 22, 161, 15],
    [2021, 10, 175, 15],
  ] as const)("the %i edition has %i + %i + %i cells", (edition, t2, t3, t4) => {
    const defs = cellDefs(edition);
    expect(defs.filter((d) => d.table === "t2")).toHaveLength(t2);
    expect(defs.filter((d) => d.table === "t3")).toHaveLength(t3);
    expect(defs.filter((d) => d.table === "t4")).toHaveLength(t4);
  });

  it("2019 table 三 has 23 data rows × 7 columns; 2021 has 25 × 7", () => {
    const rows = (e: 2019 | 2021) =>
      new Set(
        cellDefs(e)
          .filter((d) => d.table === "t3")
          .map((d) => d.rowKey),
      ).size;
    expect(rows(2019)).toBe(23);
    expect(rows(2021)).toBe(25);
  });

  it.each([
    [2019, Report2019Schema],
    [2021, Report2021Schema],
  ] as const)("enumerates exactly the cells of the %i zod schema, in order", (edition, schema) => {
    const tables = (schema.shape.tables as unknown as z.ZodObject).shape;
    const fromSchema = Object.entries(tables).flatMap(([k, v]) => schemaLeafPaths(v as z.ZodType, k));
    expect(cellPaths(edition)).toEqual(fromSchema);
  });

  it("carries the official Chinese labels verbatim", () => {
    expect(cellDef(2019, "t3.otherHandling.total")?.rowLabel.zh).toBe("（六）其他处理");
    expect(cellDef(2021, "t3.other.feeUnpaid.naturalPerson")?.rowLabel.zh).toBe(
      "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    );
    expect(cellDef(2021, "t3.other.feeUnpaid.naturalPerson")?.rowGroups.map((g) => g.zh)).toEqual([
      "三、本年度办理结果",
      "（六）其他处理",
    ]);
    expect(cellDef(2021, "t3.denied.securityStability.commercial")?.rowLabel.zh).toBe("3.危及“三安全一稳定”");
    expect(cellDef(2021, "t3.denied.securityStability.commercial")?.columnGroups.map((g) => g.zh)).toEqual([
      "申请人情况",
      "法人或其他组织",
    ]);
    expect(cellDef(2019, "t2.normativeDocs.madeNew")?.rowLabel.zh).toBe("规范性文件");
    expect(cellDef(2021, "t2.normativeDocs.made")?.rowLabel.zh).toBe("行政规范性文件");
    expect(cellDef(2021, "t2.fees.amount")?.columnLabel.zh).toBe("本年收费金额（单位：万元）");
    expect(cellDef(2019, "t2.licensing.delta")?.type).toBe("signed");
    expect(cellDef(2019, "t4.suitAfterReview.pending")?.columnGroups.map((g) => g.zh)).toEqual([
      "行政诉讼",
      "复议后起诉",
    ]);
  });

  it("gives every cell an English label too", () => {
    for (const e of [2019, 2021] as const) {
      for (const d of cellDefs(e)) {
        expect(d.rowLabel.en.length).toBeGreaterThan(0);
        expect(d.columnLabel.en.length).toBeGreaterThan(0);
        expect(d.rowLabel.en).not.toMatch(/[\u4e00-\u9fff]/u);
      }
    }
  });

  it("knows which paths exist in which edition", () => {
    expect(isCellPath(2019, "t3.otherHandling.total")).toBe(true);
    expect(isCellPath(2021, "t3.otherHandling.total")).toBe(false);
    expect(isCellPath(2021, "t3.other.misc.total")).toBe(true);
    expect(isCellPath(2019, "t2.procurement.amount")).toBe(true);
    expect(isCellPath(2021, "t2.procurement.amount")).toBe(false);
    expect(isCellPath(2021, "t3.granted")).toBe(false);
  });

  it("reads and writes cells by path without touching the original", () => {
    const r = emptyReport({ agency, year: 2022 });
    const r2 = setCell(r, "t3.denied.stateSecret.naturalPerson", 4);
    expect(getCell(r2, "t3.denied.stateSecret.naturalPerson")).toBe(4);
    expect(getCell(r, "t3.denied.stateSecret.naturalPerson")).toBeNull();
    expect(getCell(r2, "t3.nope")).toBeUndefined();
    expect(() => setCell(r, "t3.otherHandling.total", 1)).toThrow(/No cell t3.otherHandling.total in the 2021 edition/);
  });

  it("names cells the way a clerk reads them", () => {
    const def = cellDef(2019, "t3.handledTotal.naturalPerson");
    expect(def && cellName(def, "zh")).toBe("（七）总计 · 自然人");
    const t4 = cellDef(2019, "t4.suitDirect.total");
    expect(t4 && cellName(t4, "zh")).toBe("行政诉讼未经复议直接起诉 · 总计");
  });
});
