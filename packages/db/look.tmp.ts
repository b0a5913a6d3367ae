import { demoAgencies, demoReports } from "./src/demo/index";
const plans = demoReports({ agencies: demoAgencies() });
for (const [id, y] of [["sc-gov", 2019], ["cd-wuhou-gov", 2022], ["aba-wenchuan-yingxiu", 2024], ["lsz-jyj", 2020], ["cd-gov", 2025]] as const) {
  const p = plans.find((x) => x.agencyId === id && x.year === y);
  if (!p) { console.log("none", id, y); continue; }
  const r = p.report;
  console.log("=====", id, y, p.state, p.publicationDate, p.injectedError, r.title);
  console.log(r.preamble);
  for (const [k, v] of Object.entries(r.sections)) if (v.text) console.log(`[${k}]`, v.text);
  console.log(r.closing);
  console.log(JSON.stringify(r.tables.t2), JSON.stringify(r.tables.t3.newReceived), JSON.stringify(r.tables.t4));
}
const vol: Record<string, number[]> = {};
for (const p of plans) { const k = `${p.report.agency.level}/${p.report.agency.kind}`; (vol[k] ??= []).push(p.report.tables.t3.newReceived.total ?? 0); }
for (const [k, v] of Object.entries(vol)) { v.sort((a,b)=>a-b); console.log(k, v.length, v[0], v[Math.floor(v.length/2)], v[v.length-1]); }
const states: Record<string, number> = {};
for (const p of plans) if (p.year === 2025) states[p.state] = (states[p.state] ?? 0) + 1;
console.log(states);
