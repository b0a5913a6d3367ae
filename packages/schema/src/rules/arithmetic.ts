import { cellValues } from "../catalog";
import type { Report } from "../report";
import {
  type T3Node,
  t3ApplicantKeys,
  t3ColumnKeys,
  t3ColumnLabels,
  t3Layout2019,
  t3Layout2021,
  t3LeafOutcomeRows2019,
  t3LeafOutcomeRows2021,
} from "../tables/t3";
import { t4BlockKeys, t4BlockLabels } from "../tables/t4";
import { makeFinding, nameOf, num, type RuleContext, show, sumCells } from "./context";

function dataRows(nodes: readonly T3Node[]): { path: string; label: { zh: string; en: string } }[] {
  return nodes.flatMap((n) => (n.kind === "row" ? [{ path: n.path, label: n.label }] : dataRows(n.children)));
}
interface RowPaths {
  label: { zh: string; en: string };
  totalPath: string;
  partPaths: readonly string[];
}
// Paths are built once: rules run thousands of times and string building dominated the cost.
const rowPaths = (nodes: readonly T3Node[]): RowPaths[] =>
  dataRows(nodes).map((row) => ({
    label: row.label,
    totalPath: `t3.${row.path}.total`,
    partPaths: t3ApplicantKeys.map((c) => `t3.${row.path}.${c}`),
  }));
const rows2019 = rowPaths(t3Layout2019);
const rows2021 = rowPaths(t3Layout2021);

const leafPathsByColumn = (leaves: readonly string[]) =>
  Object.fromEntries(t3ColumnKeys.map((col) => [col, leaves.map((r) => `t3.${r}.${col}`)])) as Record<
    string,
    readonly string[]
  >;
const leafPaths = { 2019: leafPathsByColumn(t3LeafOutcomeRows2019), 2021: leafPathsByColumn(t3LeafOutcomeRows2021) };
const balancePaths = t3ColumnKeys.map((col) => ({
  col,
  newReceived: `t3.newReceived.${col}`,
  carriedOver: `t3.carriedOver.${col}`,
  handled: `t3.handledTotal.${col}`,
  forward: `t3.carriedForward.${col}`,
}));
const t4Paths = t4BlockKeys.map((block) => ({
  block,
  totalPath: `t4.${block}.total`,
  parts: ["upheld", "corrected", "other", "pending"].map((k) => `t4.${block}.${k}`),
}));

export function leafOutcomeRows(report: Report): readonly string[] {
  return report.edition === 2019 ? t3LeafOutcomeRows2019 : t3LeafOutcomeRows2021;
}

/** R07 row totals of table 三. */
export function ruleRowTotals(ctx: RuleContext): void {
  const rows = ctx.report.edition === 2019 ? rows2019 : rows2021;
  for (const row of rows) {
    const { totalPath, partPaths } = row;
    const total = num(ctx.values, totalPath);
    const parts = partPaths.map((p) => num(ctx.values, p));
    if (ctx.legacy && (total === null || parts.some((p) => p === null))) continue;
    const sum = parts.reduce<number>((s, v) => s + (v ?? 0), 0);
    if (total === null) {
      if (sum === 0) continue;
      ctx.out.push(
        makeFinding(
          "R07",
          "error",
          `${row.label.zh}：总计为空白，但各类申请人合计为 ${sum}。`,
          `${row.label.en}: 总计 (total) is blank, but the applicant columns add up to ${sum}.`,
          [totalPath, ...partPaths],
          { values: { total: null, sum } },
        ),
      );
      continue;
    }
    if (total !== sum) {
      ctx.out.push(
        makeFinding(
          "R07",
          "error",
          `${row.label.zh}：总计 = ${total}，但自然人至其他六列之和为 ${sum}。`,
          `${row.label.en}: 总计 (total) = ${total}, but the six applicant columns add up to ${sum}.`,
          [totalPath, ...partPaths],
          { values: { total, sum } },
        ),
      );
    }
  }
}

/** R08 （七）总计 = sum of the leaf outcome rows, per column. */
export function ruleOutcomeTotal(ctx: RuleContext): void {
  const byColumn = leafPaths[ctx.report.edition];
  for (const { col, handled: totalPath } of balancePaths) {
    const leaves = byColumn[col] as readonly string[];
    const total = ctx.legacy ? num(ctx.values, totalPath) : (num(ctx.values, totalPath) ?? 0);
    const sum = sumCells(ctx, leaves);
    if (total === null || sum === null || total === sum) continue;
    const label = t3ColumnLabels[col];
    const nonZero = leaves.filter((p) => (num(ctx.values, p) ?? 0) !== 0);
    ctx.out.push(
      makeFinding(
        "R08",
        "error",
        `（七）总计 ${label.zh} = ${show(num(ctx.values, totalPath))}，但各项办理结果之和为 ${sum}。`,
        `（七）总计 ${label.en} = ${show(num(ctx.values, totalPath))}, but the outcome rows add up to ${sum}.`,
        [totalPath, ...nonZero],
        { values: { total: num(ctx.values, totalPath), sum, column: col } },
      ),
    );
  }
}

/** R09 new + carried over = handled + carried forward, per column (the note in the header cell). */
export function ruleBalance(ctx: RuleContext): void {
  for (const p of balancePaths) {
    const col = p.col;
    const left = sumCells(ctx, [p.newReceived, p.carriedOver]);
    const right = sumCells(ctx, [p.handled, p.forward]);
    if (left === null || right === null || left === right) continue;
    const label = t3ColumnLabels[col];
    ctx.out.push(
      makeFinding(
        "R09",
        "error",
        `${label.zh}列：本年新收 ${show(num(ctx.values, `t3.newReceived.${col}`))} + 上年结转 ${show(num(ctx.values, `t3.carriedOver.${col}`))} = ${left}，但（七）总计 ${show(num(ctx.values, `t3.handledTotal.${col}`))} + 结转下年度 ${show(num(ctx.values, `t3.carriedForward.${col}`))} = ${right}。`,
        `Column ${label.en}: new ${show(num(ctx.values, `t3.newReceived.${col}`))} + carried over ${show(num(ctx.values, `t3.carriedOver.${col}`))} = ${left}, but handled ${show(num(ctx.values, `t3.handledTotal.${col}`))} + carried forward ${show(num(ctx.values, `t3.carriedForward.${col}`))} = ${right}.`,
        [`t3.handledTotal.${col}`, `t3.carriedForward.${col}`, `t3.newReceived.${col}`, `t3.carriedOver.${col}`],
        { values: { left, right, column: col } },
      ),
    );
  }
}

/** R10 carried over this year = carried forward last year. */
export function ruleCarryOver(ctx: RuleContext, previous: Report | undefined): void {
  if (!previous || previous.year !== ctx.report.year - 1) return;
  const prevValues = cellValues(previous);
  const prevLegacy = previous.layout === "legacy";
  for (const col of t3ColumnKeys) {
    const now = num(ctx.values, `t3.carriedOver.${col}`);
    const before = num(prevValues, `t3.carriedForward.${col}`);
    if ((ctx.legacy && now === null) || (prevLegacy && before === null)) continue;
    if ((now ?? 0) === (before ?? 0)) continue;
    const label = t3ColumnLabels[col];
    ctx.out.push(
      makeFinding(
        "R10",
        "warning",
        `${label.zh}：上年结转 = ${show(now)}，但${previous.year}年报告结转下年度继续办理为 ${show(before)}。`,
        `${label.en}: carried over = ${show(now)}, but the ${previous.year} report carried forward ${show(before)}.`,
        [`t3.carriedOver.${col}`],
        { values: { now, previous: before, column: col } },
      ),
    );
  }
}

/** R11 high share of 其他处理. */
export function ruleOtherShare(ctx: RuleContext, threshold: number): void {
  const r = ctx.report;
  const path = r.edition === 2019 ? "t3.otherHandling.total" : "t3.other.misc.total";
  const other = num(ctx.values, path);
  const total = num(ctx.values, "t3.handledTotal.total");
  if (other === null || total === null || total <= 0) return;
  const share = other / total;
  if (share <= threshold) return;
  const pct = (share * 100).toFixed(1);
  const name = nameOf(r, path);
  ctx.out.push(
    makeFinding(
      "R11",
      "warning",
      `${name.zh} = ${other}，占办理总数 ${total} 的 ${pct}%，超过 ${(threshold * 100).toFixed(0)}%；原则上每件申请都应有法定的办理结果。`,
      `${name.en} = ${other}, ${pct}% of all ${total} outcomes, above ${(threshold * 100).toFixed(0)}%; in principle every application should end in a statutory outcome.`,
      [path, "t3.handledTotal.total"],
      { values: { other, total, share: Number(share.toFixed(4)) } },
    ),
  );
}

/** R13 table 四 block totals. */
export function ruleT4Totals(ctx: RuleContext): void {
  for (const { block, totalPath, parts } of t4Paths) {
    const total = ctx.legacy ? num(ctx.values, totalPath) : (num(ctx.values, totalPath) ?? 0);
    const sum = sumCells(ctx, parts);
    if (total === null || sum === null || total === sum) continue;
    const label = t4BlockLabels[block];
    ctx.out.push(
      makeFinding(
        "R13",
        "error",
        `${label.zh}：总计 = ${show(num(ctx.values, totalPath))}，但维持、纠正、其他、尚未审结之和为 ${sum}。`,
        `${label.en}: total = ${show(num(ctx.values, totalPath))}, but upheld + corrected + other + pending = ${sum}.`,
        [totalPath, ...parts],
        { values: { total: num(ctx.values, totalPath), sum } },
      ),
    );
  }
}

const docRows = ["rules", "normativeDocs"] as const;

/** R15 (2021) in force ≥ issued this year. */
export function ruleInForce(ctx: RuleContext): void {
  if (ctx.report.edition !== 2021) return;
  for (const row of docRows) {
    const made = num(ctx.values, `t2.${row}.made`);
    const inForce = num(ctx.values, `t2.${row}.inForce`);
    if (made === null || inForce === null || inForce >= made) continue;
    const name = nameOf(ctx.report, `t2.${row}.inForce`);
    ctx.out.push(
      makeFinding(
        "R15",
        "warning",
        `${name.zh} = ${inForce}，少于本年制发件数 ${made}。`,
        `${name.en} = ${inForce}, fewer than the ${made} issued this year.`,
        [`t2.${row}.inForce`, `t2.${row}.made`],
        { values: { inForce, made } },
      ),
    );
  }
}

/** R16 (2021, cross-year) in force carries over. */
export function ruleInForceContinuity(ctx: RuleContext, previous: Report | undefined): void {
  if (ctx.report.edition !== 2021 || !previous || previous.edition !== 2021) return;
  if (previous.year !== ctx.report.year - 1) return;
  const prevValues = cellValues(previous);
  for (const row of docRows) {
    const before = num(prevValues, `t2.${row}.inForce`);
    const made = num(ctx.values, `t2.${row}.made`);
    const repealed = num(ctx.values, `t2.${row}.repealed`);
    const inForce = num(ctx.values, `t2.${row}.inForce`);
    if (before === null || made === null || repealed === null || inForce === null) continue;
    const expected = before + made - repealed;
    if (expected === inForce) continue;
    const name = nameOf(ctx.report, `t2.${row}.inForce`);
    ctx.out.push(
      makeFinding(
        "R16",
        "warning",
        `${name.zh} = ${inForce}，但上年现行有效 ${before} + 本年制发 ${made} − 本年废止 ${repealed} = ${expected}。`,
        `${name.en} = ${inForce}, but last year's ${before} + ${made} issued − ${repealed} repealed = ${expected}.`,
        [`t2.${row}.inForce`, `t2.${row}.made`, `t2.${row}.repealed`],
        { values: { inForce, expected } },
      ),
    );
  }
}

const itemRows = ["licensing", "otherServices", "penalties", "coercion", "fees"] as const;

/** R17 (2019, cross-year) 上一年项目数量 carries over. */
export function ruleItemContinuity(ctx: RuleContext, previous: Report | undefined): void {
  if (ctx.report.edition !== 2019 || !previous || previous.edition !== 2019) return;
  if (previous.year !== ctx.report.year - 1) return;
  const prevValues = cellValues(previous);
  for (const row of itemRows) {
    const prevItems = num(prevValues, `t2.${row}.prevItems`);
    const prevDelta = num(prevValues, `t2.${row}.delta`);
    const now = num(ctx.values, `t2.${row}.prevItems`);
    if (prevItems === null || prevDelta === null || now === null) continue;
    const expected = prevItems + prevDelta;
    if (expected === now) continue;
    const name = nameOf(ctx.report, `t2.${row}.prevItems`);
    ctx.out.push(
      makeFinding(
        "R17",
        "warning",
        `${name.zh} = ${now}，但${previous.year}年报告为 ${prevItems}、增减 ${prevDelta}，应为 ${expected}。`,
        `${name.en} = ${now}, but the ${previous.year} report had ${prevItems} with a change of ${prevDelta}, i.e. ${expected}.`,
        [`t2.${row}.prevItems`],
        { values: { now, expected } },
      ),
    );
  }
}

/** R18 (2019) total published ≥ newly published. */
export function rulePublishedTotal(ctx: RuleContext): void {
  if (ctx.report.edition !== 2019) return;
  for (const row of docRows) {
    const total = num(ctx.values, `t2.${row}.publishedTotal`);
    const fresh = num(ctx.values, `t2.${row}.publishedNew`);
    if (total === null || fresh === null || total >= fresh) continue;
    const name = nameOf(ctx.report, `t2.${row}.publishedTotal`);
    ctx.out.push(
      makeFinding(
        "R18",
        "warning",
        `${name.zh} = ${total}，少于本年新公开数量 ${fresh}。`,
        `${name.en} = ${total}, fewer than the ${fresh} newly published this year.`,
        [`t2.${row}.publishedTotal`, `t2.${row}.publishedNew`],
        { values: { total, publishedNew: fresh } },
      ),
    );
  }
}
