import { describe, expect, it } from "vitest";
import { loadFixture } from "../test/load";
import { cellPaths } from "./catalog";
import { computeMetric, metricCatalogue, metricDef, reportMetrics, searchMetrics } from "./metrics";
import { generateConsistentReport, seededRandom } from "./testing";

describe("metric catalogue", () => {
  it("makes every cell of both editions a metric with a stable key, labels, unit and editions", () => {
    for (const edition of [2019, 2021] as const) {
      for (const path of cellPaths(edition)) {
        const m = metricDef(path);
        expect(m, path).toBeDefined();
        expect(m?.editions).toContain(edition);
        expect(m?.label.zh.length).toBeGreaterThan(0);
        expect(m?.label.en.length).toBeGreaterThan(0);
      }
    }
    const keys = metricCatalogue().map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("says which metrics compare across editions and which do not — never silently", () => {
    expect(metricDef("t3.granted.total")?.comparability).toBe("same");
    expect(metricDef("t3.granted.total")?.editions).toEqual([2019, 2021]);
    expect(metricDef("t2.licensing.decisions")).toMatchObject({ comparability: "approximate", editions: [2019, 2021] });
    expect(metricDef("t2.rules.madeNew")).toMatchObject({
      comparability: "single_edition",
      editions: [2019],
      counterpart: "t2.rules.made",
    });
    expect(metricDef("t2.rules.madeNew")?.comparabilityNote?.en).toMatch(/not comparable/);
    expect(metricDef("t2.fees.amount")?.editions).toEqual([2021]);
    expect(metricDef("t2.fees.prevItems")?.comparabilityNote?.en).toMatch(/Not comparable/);
    expect(metricDef("t3.otherHandling.total")?.counterpart).toBe("derived.otherHandling");
    expect(metricDef("derived.otherHandling")).toMatchObject({ comparability: "approximate", editions: [2019, 2021] });
  });

  it("computes derived metrics users ask for", () => {
    const r = loadFixture("pingtan-2024");
    expect(computeMetric(r, "derived.applicationsToHandle")).toBe(218);
    expect(computeMetric(r, "derived.grantedInFullOrPart")).toBe(100);
    expect(computeMetric(r, "derived.grantedShare")).toBeCloseTo(100 / 218, 10);
    expect(computeMetric(r, "derived.notHeldShare")).toBeCloseTo(75 / 218, 10);
    expect(computeMetric(r, "derived.otherHandling")).toBe(3);
    expect(computeMetric(r, "derived.litigationTotal")).toBe(19);
    expect(computeMetric(r, "derived.reviewCorrectionRate")).toBeCloseTo(1 / 6, 10);
    expect(computeMetric(r, "derived.litigationCorrectionRate")).toBeCloseTo(2 / 19, 10);
    expect(computeMetric(r, "t2.fees.amount")).toBe("18651.06");
  });

  it("gives null for blanks, missing editions and empty denominators — never 0", () => {
    const seed = loadFixture("sichuan-emergency-management-2019");
    expect(computeMetric(seed, "t3.newReceived.total")).toBe(5);
    expect(computeMetric(seed, "t3.granted.total")).toBeNull();
    expect(computeMetric(seed, "derived.grantedShare")).toBeNull();
    expect(computeMetric(seed, "t2.fees.amount")).toBeNull();
    expect(computeMetric(seed, "no.such.metric")).toBeNull();
  });

  it("normalises money to the metric's unit exactly", () => {
    const r = loadFixture("pingtan-2020");
    expect(metricDef("t2.procurement.amount")?.unit).toBe("yuan");
    expect(computeMetric(r, "t2.procurement.amount")).toBe("73802895.9");
  });

  it("derived sums agree with their cells on generated reports", () => {
    for (let s = 0; s < 50; s++) {
      const r = generateConsistentReport({ edition: s % 2 ? 2019 : 2021, random: seededRandom(s) });
      const values = new Map(reportMetrics(r).map((m) => [m.key, m.value]));
      const outcomes =
        (values.get("derived.grantedInFullOrPart") as number) +
        (values.get("derived.deniedTotal") as number) +
        (values.get("derived.unableTotal") as number) +
        (values.get("derived.notProcessedTotal") as number) +
        (values.get("derived.otherHandling") as number);
      expect(outcomes).toBe(values.get("t3.handledTotal.total"));
    }
  });

  it("finds metrics by Chinese or English words", () => {
    expect(searchMetrics("不予公开").some((m) => m.key === "derived.deniedTotal")).toBe(true);
    expect(searchMetrics("correction rate").map((m) => m.key)).toEqual([
      "derived.reviewCorrectionRate",
      "derived.litigationCorrectionRate",
    ]);
  });
});
