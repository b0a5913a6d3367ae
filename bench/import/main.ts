import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { importSync } from "@gongkai/importer";
import type { Finding, Report } from "@gongkai/schema";
import { generateConsistentReport, seededRandom } from "@gongkai/schema/testing";
import { parseDocument } from "htmlparser2";
import { createElement, type FunctionComponent, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { fmt, repoRoot } from "../_shared/util";

// @gongkai/ui is JSX source: tsx compiles it with ./tsconfig.json at run time, but bench's own typecheck
// has no JSX setting, so the module is named by a variable (tsc does not follow it) and typed here.
interface Ui {
  I18nProvider: FunctionComponent<{ locale: "zh" | "en"; children?: ReactNode }>;
  OfficialReport: FunctionComponent<{ report: Report; findings: readonly Finding[] }>;
}
const uiModule = "@gongkai/ui";
const { I18nProvider, OfficialReport } = (await import(uiModule)) as Ui;

const rounds = Number(process.env.BENCH_ROUNDS ?? 30);
const folderSize = Number(process.env.BENCH_IMPORT_FILES ?? 200);
const goalMs = 50;

function page(report: Report): string {
  const body = renderToStaticMarkup(
    createElement(I18nProvider, { locale: "zh", children: createElement(OfficialReport, { report, findings: [] }) }),
  );
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${report.title}</title></head><body>${body}</body></html>`;
}

function generated(i: number): Report {
  const r = generateConsistentReport({ edition: i % 2 ? 2019 : 2021, random: seededRandom(1000 + i), max: 3000 });
  return { ...r, title: `生成测试机关${r.year}年政府信息公开工作年度报告` };
}

const fixtures = join(repoRoot, "packages/importer/test/fixtures");
const inputs: { name: string; bytes: Uint8Array }[] = [
  ...["pingtan-2024.html", "pingtan-2020.html", "shanghai-szfbgt-2019.html"].map((name) => ({
    name,
    bytes: new Uint8Array(readFileSync(join(fixtures, name))),
  })),
  ...[0, 1].map((i) => ({
    name: `generated-${i ? 2019 : 2021}.html`,
    bytes: new TextEncoder().encode(page(generated(i))),
  })),
];

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;

function timeEach(fn: (bytes: Uint8Array) => unknown, bytes: Uint8Array): number[] {
  for (let i = 0; i < 10; i++) fn(bytes); // warm up
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    fn(bytes);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

const decoder = new TextDecoder();
const baseline = (bytes: Uint8Array) => parseDocument(decoder.decode(bytes));
const importer = (bytes: Uint8Array) => {
  const r = importSync({ content: bytes, filename: "report.html" });
  if (!r.draft) throw new Error("bench input did not import");
  return r;
};

console.log(`bench/import — one report at a time, ${rounds} rounds each after warm-up, one core`);
console.log(
  `  ${"file".padEnd(28)} ${"size".padStart(8)}   ${"parse p50".padStart(9)}   ${"import p50".padStart(10)} ${"p90".padStart(8)}   ${"× parse".padStart(7)}   cells`,
);
const p50s: number[] = [];
const allImport: number[] = [];
for (const { name, bytes } of inputs) {
  const base = timeEach(baseline, bytes);
  const imp = timeEach(importer, bytes);
  allImport.push(...imp);
  const cells = importer(bytes).stats;
  p50s.push(quantile(imp, 0.5));
  console.log(
    `  ${name.padEnd(28)} ${`${fmt(bytes.length / 1024)} KB`.padStart(8)}   ${`${quantile(base, 0.5).toFixed(1)} ms`.padStart(9)}   ${`${quantile(imp, 0.5).toFixed(1)} ms`.padStart(10)} ${`${quantile(imp, 0.9).toFixed(1)} ms`.padStart(8)}   ${`${(quantile(imp, 0.5) / quantile(base, 0.5)).toFixed(1)}×`.padStart(7)}   ${cells.cellsRead}/${cells.cellsTotal}`,
  );
}
allImport.sort((a, b) => a - b);
console.log(
  `  all files: import p50 ${quantile(allImport, 0.5).toFixed(1)} ms, p90 ${quantile(allImport, 0.9).toFixed(1)} ms; goal ≤ ${goalMs} ms per typical HTML report: ${Math.max(...p50s) <= goalMs ? "met" : "NOT met"}`,
);

// A folder of generated pages, read from disk and imported one after another.
const dir = mkdtempSync(join(tmpdir(), "gongkai-bench-import-"));
try {
  for (let i = 0; i < folderSize; i++) writeFileSync(join(dir, `report-${i}.html`), page(generated(100 + i)));
  const files = readdirSync(dir).map((f) => join(dir, f));
  const run = (fn: (bytes: Uint8Array) => unknown) => {
    const t0 = performance.now();
    let bytes = 0;
    for (const f of files) {
      const b = new Uint8Array(readFileSync(f));
      bytes += b.length;
      fn(b);
    }
    return { ms: performance.now() - t0, bytes };
  };
  run(baseline);
  const b = run(baseline);
  const m = run(importer);
  console.log(
    `  folder of ${files.length} generated reports (${fmt(m.bytes / 1024 / 1024, 1)} MB): parse only ${fmt((files.length / b.ms) * 1000)} files/s; import ${fmt((files.length / m.ms) * 1000)} files/s (${(m.ms / files.length).toFixed(1)} ms each, ${(m.ms / b.ms).toFixed(1)}× parse)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
