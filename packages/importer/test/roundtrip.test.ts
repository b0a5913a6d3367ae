import { reportDocx } from "@gongkai/export";
import { cellDefs, cellPaths, type Edition, getCell, type Report, setCell } from "@gongkai/schema";
import { generateConsistentReport, seededRandom } from "@gongkai/schema/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importReport, importSync } from "../src/index";
import { mapText, officialHtml } from "./render";

const differences = (actual: Report | null, wanted: Report) =>
  cellPaths(wanted.edition).filter(
    (p) => JSON.stringify(actual && getCell(actual, p)) !== JSON.stringify(getCell(wanted, p)),
  );

/** A consistent report of the edition, with some cells blanked (not reported). */
function generated(edition: Edition, seed: number, blanks: number): Report {
  const random = seededRandom(seed);
  let r: Report = generateConsistentReport({ edition, random, max: 3000 });
  r = { ...r, title: `生成测试机关${r.year}年政府信息公开工作年度报告` };
  const defs = cellDefs(edition);
  for (let i = 0; i < blanks; i++)
    r = setCell(r, (defs[Math.floor(random() * defs.length)] as (typeof defs)[number]).path, null);
  return r;
}

const arbitrary = fc.record({
  edition: fc.constantFrom<Edition>(2019, 2021),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  blanks: fc.integer({ min: 0, max: 12 }),
});

describe("round trip through the portal's official layout (OfficialReport → HTML → importer)", () => {
  it("gives back every cell, blanks as null, for generated reports of both editions", () => {
    fc.assert(
      fc.property(arbitrary, ({ edition, seed, blanks }) => {
        const report = generated(edition, seed, blanks);
        const r = importSync({ content: officialHtml(report), filename: "report.html" });
        expect(r.detected).toMatchObject({
          edition,
          year: report.year,
          agencyName: "生成测试机关",
          layout: "template",
        });
        expect(differences(r.draft, report)).toEqual([]);
        expect(r.draft?.sections.overview.text).toBe(report.sections.overview.text);
        expect(r.importFindings.filter((f) => f.severity !== "info")).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("does not rely on the layout's data-cell, headers or id attributes: labels alone suffice", () => {
    fc.assert(
      fc.property(arbitrary, ({ edition, seed, blanks }) => {
        const report = generated(edition, seed, blanks);
        const bare = officialHtml(report).replace(/\s(?:data-cell|headers|id|title|class|scope)="[^"]*"/g, "");
        expect(differences(importSync({ content: bare }).draft, report)).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  it("survives the hazards of real pages: full-width digits, 1．, labels broken by whitespace, heading typos", () => {
    fc.assert(
      fc.property(arbitrary, ({ edition, seed, blanks }) => {
        const report = generated(edition, seed, blanks);
        const messy = mapText(officialHtml(report), (t) =>
          t
            .replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
            .replace(/^(\d|[０-９])\./, "$1．")
            .replace(/([\u4e00-\u9fff]{3})([\u4e00-\u9fff]{2})/, "$1\n      $2")
            .replace(/^行政复议$/, "行政法复议"),
        );
        expect(messy).toContain("行政法复议");
        expect(differences(importSync({ content: messy }).draft, report)).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });
});

describe("round trip through Word (@gongkai/export reportDocx → .docx → mammoth → importer)", () => {
  it.each([
    [2019, 11],
    [2021, 12],
    [2021, 13],
  ] as const)("gives back every cell of a %i-edition report (seed %i)", async (edition, seed) => {
    const report = generated(edition, seed, 6);
    const bytes = await reportDocx(report, { locale: "zh" });
    const r = await importReport({ content: bytes, filename: "report.docx" });
    expect(r.detected).toMatchObject({ format: "docx", edition, year: report.year, layout: "template" });
    expect(differences(r.draft, report)).toEqual([]);
  });
});
