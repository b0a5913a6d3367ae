import { describe, expect, it } from "vitest";
import { getCell, setCell } from "../catalog";
import { t3ColumnKeys } from "../tables/t3";
import { generateConsistentReport, seededRandom } from "../testing";
import { computeTotals } from "./totals";
import { validateReport } from "./validate";

const totalsRules = new Set(["R07", "R08", "R13"]);

describe("computeTotals", () => {
  for (const edition of [2019, 2021] as const) {
    it(`recomputes every total of a ${edition} report whose totals were wiped`, () => {
      const random = seededRandom(edition);
      for (let i = 0; i < 30; i++) {
        const original = generateConsistentReport({ edition, random });
        let wiped = original;
        for (const path of [
          "t3.newReceived.total",
          "t3.handledTotal.total",
          "t3.handledTotal.naturalPerson",
          "t4.review.total",
        ]) {
          wiped = setCell(wiped, path, 7777);
        }
        const { report, changed } = computeTotals(wiped);
        expect(changed.length).toBeGreaterThan(0);
        for (const path of [
          "t3.newReceived.total",
          "t3.handledTotal.total",
          "t3.handledTotal.naturalPerson",
          "t4.review.total",
        ]) {
          expect(getCell(report, path), path).toEqual(getCell(original, path));
        }
        expect(validateReport(report).filter((f) => totalsRules.has(f.ruleId))).toEqual([]);
      }
    });
  }

  it("leaves a total blank when all its parts are blank (not reported is not 0)", () => {
    const r = generateConsistentReport({ edition: 2021, random: seededRandom(3) });
    let blank = r;
    for (const c of t3ColumnKeys) blank = setCell(blank, `t3.carriedOver.${c}`, null);
    const { report, changed } = computeTotals(blank);
    expect(getCell(report, "t3.carriedOver.total")).toBeNull();
    expect(changed).not.toContain("t3.carriedOver.total");
  });

  it("changes nothing in a report that already adds up", () => {
    const r = generateConsistentReport({ edition: 2019, random: seededRandom(9) });
    expect(computeTotals(r).changed).toEqual([]);
  });
});
