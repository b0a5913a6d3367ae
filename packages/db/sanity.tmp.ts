import { validateReport, hasErrors, ReportSchema, countCharacters } from "@gongkai/schema";
import { demoAgencies, demoReports } from "./src/demo/index";
const agencies = demoAgencies();
let t = performance.now();
const plans = demoReports({ agencies });
console.log("gen ms", performance.now() - t, plans.length);
t = performance.now();
const key = (id: string, y: number) => `${id}:${y}`;
const byKey = new Map(plans.map(p => [key(p.agencyId, p.year), p]));
const ruleCount: Record<string, number> = {};
const cleanWarn: Record<string, number> = {};
let errs = 0, cleanErr = 0, late = 0, pub = 0;
const errByKind: Record<string, number> = {};
const overLen: number[] = [];
for (const p of plans) {
  const prev = byKey.get(key(p.agencyId, p.year - 1));
  const f = validateReport(p.report, { previous: prev?.report });
  const seen = new Set<string>();
  for (const x of f) { const k = `${x.ruleId}/${x.severity}`; if (!seen.has(k)) { seen.add(k); ruleCount[k] = (ruleCount[k] ?? 0) + 1; } }
  for (const x of f) if (!p.injectedError && x.severity==="warning") cleanWarn[x.ruleId] = (cleanWarn[x.ruleId] ?? 0) + 1;
  if (hasErrors(f)) { errs++; if (!p.injectedError || !["outcome_sum_exceeds_total","blank_total_column","row_total_off_by_one","t4_total_off"].includes(p.injectedError)) { cleanErr++; if (cleanErr < 4) console.log(p.agencyId, p.year, p.injectedError, f.filter(x=>x.severity==="error").map(x=>x.message.zh)); } }
  if (p.injectedError) errByKind[p.injectedError] = (errByKind[p.injectedError] ?? 0) + 1;
  if (p.state === "published") { pub++; if (p.report.publicationDate && p.report.publicationDate > `${p.year+1}-${"01-31"}` && f.some(x=>x.ruleId==="R24")) late++; }
  if (p.report.edition === 2021) overLen.push(countCharacters(p.report.sections.overview.text ?? ""));
}
console.log("validate ms", performance.now() - t);
console.log({ errs, share: errs / plans.length, cleanErr, late, pub, lateShare: late / pub });
console.log(errByKind, "cleanWarn", cleanWarn);
console.log(Object.entries(ruleCount).sort());
overLen.sort((a,b)=>a-b); console.log("overview len", overLen[0], overLen[Math.floor(overLen.length/2)], overLen[overLen.length-1], overLen.filter(x=>x>1000).length);
const p0 = plans.find(p => p.agencyId === "sc-jiaoyuting" && p.year === 2023);
console.log(JSON.stringify(p0?.report, null, 1).slice(0, 3000));
ReportSchema.parse(plans[0]?.report);
