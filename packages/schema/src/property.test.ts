import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellDefs, getCell, setCell } from "./catalog";
import { ReportSchema } from "./report";
import { validateReport } from "./rules/validate";
import { generateConsistentReport, seededRandom } from "./testing";

const editionArb = fc.constantFrom(2019 as const, 2021 as const);
const reportArb = fc
  .record({ edition: editionArb, seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), max: fc.constantFrom(3, 40, 5000) })
  .map(({ edition, seed, max }) => generateConsistentReport({ edition, random: seededRandom(seed), max }));

/** Cells that take part in an arithmetic rule (7, 8, 9, 13): all of table 三 and table 四. */
const arithmeticCells = (edition: 2019 | 2021) =>
  cellDefs(edition)
    .filter((d) => d.table !== "t2")
    .map((d) => d.path);

describe("property: generated consistent reports", () => {
  it("give zero errors in both editions", () => {
    fc.assert(
      fc.property(reportArb, (report) => {
        const errors = validateReport(report).filter((f) => f.severity === "error");
        expect(errors).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("give at least one error naming the cell when any single arithmetic cell changes by ±1", () => {
    fc.assert(
      fc.property(reportArb, fc.nat(), fc.constantFrom(1, -1), (report, pick, delta) => {
        const cells = arithmeticCells(report.edition);
        const path = cells[pick % cells.length] as string;
        const before = getCell(report, path) as number;
        const changed = setCell(report, path, before + delta);
        const errors = validateReport(changed).filter((f) => f.severity === "error");
        expect(errors.some((f) => f.cells.includes(path))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("survive JSON → parse → JSON unchanged", () => {
    fc.assert(
      fc.property(reportArb, (report) => {
        const json = JSON.stringify(report);
        expect(JSON.stringify(ReportSchema.parse(JSON.parse(json)))).toBe(json);
      }),
      { numRuns: 300 },
    );
  });

  it("change every arithmetic cell of one report, one at a time, and each is caught", () => {
    for (const edition of [2019, 2021] as const) {
      const report = generateConsistentReport({ edition, random: seededRandom(7) });
      for (const path of arithmeticCells(edition)) {
        for (const delta of [1, -1]) {
          const changed = setCell(report, path, (getCell(report, path) as number) + delta);
          const named = validateReport(changed).filter((f) => f.severity === "error" && f.cells.includes(path));
          expect(named.length, `${path} ${delta}`).toBeGreaterThan(0);
        }
      }
    }
  });
});
