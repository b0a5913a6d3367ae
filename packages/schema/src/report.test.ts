import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cellPaths, getCell } from "./catalog";
import { emptyReport } from "./factory";
import { ReportSchema } from "./report";
import { checkReport } from "./rules/validate";

const agency = {
  id: "test-agency",
  name: "测试机关",
  regionCode: "110000",
  level: "provincial",
  kind: "department",
} as const;

describe("ReportSchema", () => {
  it("uses the edition as discriminant: a 2021 table under edition 2019 is rejected", () => {
    const r2021 = emptyReport({ agency, year: 2022 });
    const wrong = { ...r2021, edition: 2019 };
    const result = ReportSchema.safeParse(wrong);
    expect(result.success).toBe(false);
    expect(result.error?.issues.some((i) => i.path.join(".").startsWith("tables.t2"))).toBe(true);
  });

  it("keeps null (not reported) distinct from 0", () => {
    const r = emptyReport({ agency, year: 2019 });
    const json = JSON.parse(
      JSON.stringify({
        ...r,
        tables: {
          ...r.tables,
          t4: { ...r.tables.t4, review: { upheld: 0, corrected: null, other: 0, pending: 0, total: 0 } },
        },
      }),
    );
    const parsed = ReportSchema.parse(json);
    expect(getCell(parsed, "t4.review.upheld")).toBe(0);
    expect(getCell(parsed, "t4.review.corrected")).toBeNull();
  });

  it("requires every cell to be present: a missing key is not read as blank", () => {
    const r = JSON.parse(JSON.stringify(emptyReport({ agency, year: 2019 })));
    delete r.tables.t3.granted.research;
    const res = checkReport(r);
    expect(res.findings[0]).toMatchObject({ ruleId: "R03", severity: "error", cells: ["t3.granted.research"] });
    expect(res.findings[0]?.message.en).toBe(
      "Cell (1) Disclosed · Research institutions (tables.t3.granted.research) is missing: write null if it is not reported.",
    );
    expect(res.findings[0]?.message.zh).toBe(
      "缺少单元格 （一）予以公开 · 科研机构（tables.t3.granted.research）：未填报请写 null。",
    );
    delete r.agency;
    const broken = checkReport(r);
    expect(broken.report).toBeNull();
    expect(broken.findings.find((f) => f.ruleId === "R00")?.message.en).toBe("agency: missing (expected an object)");
  });

  it("accepts 2019 本年增/减 as a signed integer but no negative counts elsewhere", () => {
    const r = JSON.parse(JSON.stringify(emptyReport({ agency, year: 2020 })));
    r.tables.t2.penalties.delta = -18;
    expect(ReportSchema.safeParse(r).success).toBe(true);
    r.tables.t2.penalties.prevItems = -1;
    expect(ReportSchema.safeParse(r).success).toBe(false);
  });

  it("keeps money exact as a decimal string with its unit", () => {
    const r = JSON.parse(JSON.stringify(emptyReport({ agency, year: 2024 })));
    r.tables.t2.fees.amount = { amount: "1234.567891", unit: "万元" };
    expect(ReportSchema.parse(r).tables.t2).toMatchObject({
      fees: { amount: { amount: "1234.567891", unit: "万元" } },
    });
    r.tables.t2.fees.amount = { amount: 1234.5, unit: "万元" };
    expect(ReportSchema.safeParse(r).success).toBe(false);
  });

  it("fills optional parts with their defaults", () => {
    const r = JSON.parse(JSON.stringify(emptyReport({ agency, year: 2024 })));
    delete r.layout;
    delete r.extraMetrics;
    delete r.footnotes;
    const parsed = ReportSchema.parse(r);
    expect(parsed.layout).toBe("template");
    expect(parsed.extraMetrics).toEqual([]);
    expect(parsed.footnotes).toEqual([]);
  });

  it("makes new reports with every cell null and the edition the year requires", () => {
    expect(emptyReport({ agency, year: 2020 }).edition).toBe(2019);
    expect(emptyReport({ agency, year: 2021 }).edition).toBe(2021);
    const r = emptyReport({ agency, year: 2025 });
    expect(cellPaths(2021).every((p) => getCell(r, p) === null)).toBe(true);
    expect(ReportSchema.parse(r)).toEqual(r);
  });

  it("keeps the published contract stable (JSON Schema snapshot: any diff is a versioning decision)", () => {
    expect(z.toJSONSchema(ReportSchema, { target: "draft-2020-12", io: "input", reused: "ref" })).toMatchSnapshot();
  });
});
