// bench/validate: how many reports per second validateReport checks on one core.
// Prints absolute rates and ratios against a baseline measured in the same run
// (structuredClone of each report: the cost of touching every cell once).
import { performance } from "node:perf_hooks";
import { checkReport, validateReport } from "@gongkai/schema";
import { generateConsistentReport, seededRandom } from "@gongkai/schema/testing";

const count = Number(process.env.BENCH_REPORTS ?? 20_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);

const reports = Array.from({ length: count }, (_, i) =>
  generateConsistentReport({ edition: i % 2 ? 2019 : 2021, random: seededRandom(i) }),
);
const json = reports.map((r) => JSON.parse(JSON.stringify(r)));

function measure(name, fn, inputs) {
  for (let i = 0; i < Math.min(2000, inputs.length); i++) fn(inputs[i]); // warm up
  const times = [];
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const x of inputs) sink += fn(x) ? 1 : 0;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  return { name, ms: median, perSecond: (inputs.length / median) * 1000, sink };
}

const baseline = measure("baseline: structuredClone", (r) => structuredClone(r), reports);
const validate = measure("validateReport (typed report)", (r) => validateReport(r).length >= 0, reports);
const check = measure("checkReport (parse JSON + validate)", (j) => checkReport(j).report !== null, json);

const fmt = (n) => Math.round(n).toLocaleString("en-US");
console.log(`bench/validate — ${fmt(count)} generated reports (both editions), median of ${rounds} rounds, one core`);
for (const m of [baseline, validate, check]) {
  console.log(
    `  ${m.name.padEnd(40)} ${fmt(m.perSecond).padStart(10)} reports/s   ${((m.ms / count) * 1000).toFixed(1).padStart(7)} µs/report   ${(m.ms / baseline.ms).toFixed(2).padStart(6)}× baseline`,
  );
}
const goal = 20_000;
console.log(`  goal ≥ ${fmt(goal)} reports/s for validateReport: ${validate.perSecond >= goal ? "met" : "NOT met"}`);
