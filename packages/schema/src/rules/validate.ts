import type { z } from "zod";
import { cellDef, cellValues, isCellPath } from "../catalog";
import type { DeadlineConfig } from "../deadlines";
import { type Report, ReportSchema } from "../report";
import {
  ruleBalance,
  ruleCarryOver,
  ruleInForce,
  ruleInForceContinuity,
  ruleItemContinuity,
  ruleOtherShare,
  ruleOutcomeTotal,
  rulePublishedTotal,
  ruleRowTotals,
  ruleT4Totals,
} from "./arithmetic";
import { makeFinding, nameOf, type RuleContext } from "./context";
import type { Finding, RuleId } from "./finding";
import { ruleCellValues, ruleEdition, ruleSections, ruleShape } from "./structure";
import {
  ruleAllCompleted,
  ruleArt50,
  ruleDeadline,
  ruleFeeStatement,
  ruleNarrativeFigures,
  ruleOldTemplate,
  ruleOverviewLength,
  ruleSimilarity,
} from "./text";

export interface ValidateOptions {
  /** The same agency's report for the year before (rules 10, 16, 17, 23). */
  previous?: Report | null;
  /** Rule 11 threshold, a share (default 0.1 = 10 %). */
  otherHandlingShare?: number;
  /** Rule 19 limit in characters (default 1000). */
  overviewMaxChars?: number;
  /** Rule 23 threshold, 0…1 (default 0.85). */
  similarityThreshold?: number;
  /** Rule 24 deadlines; defaults to the national ones. */
  deadlines?: DeadlineConfig;
  /** Rule 24 becomes an error when the workflow enforces deadlines (default false). */
  enforceDeadlines?: boolean;
}

const order = (f: Finding) => (f.severity === "error" ? 0 : 1);

/** All 25 rules on a report. Findings come errors first, then by rule id, stable otherwise. */
export function validateReport(report: Report, options: ValidateOptions = {}): Finding[] {
  return runRules(report, options, new Set());
}

function runRules(report: Report, options: ValidateOptions, skipCells: ReadonlySet<string>): Finding[] {
  const ctx: RuleContext = { report, values: cellValues(report), legacy: report.layout === "legacy", out: [] };
  const previous = options.previous ?? undefined;
  ruleEdition(ctx);
  ruleSections(ctx);
  ruleShape(ctx);
  ruleCellValues(ctx, skipCells);
  ruleRowTotals(ctx);
  ruleOutcomeTotal(ctx);
  ruleBalance(ctx);
  ruleCarryOver(ctx, previous);
  ruleOtherShare(ctx, options.otherHandlingShare ?? 0.1);
  ruleAllCompleted(ctx);
  ruleT4Totals(ctx);
  ruleInForce(ctx);
  ruleInForceContinuity(ctx, previous);
  ruleItemContinuity(ctx, previous);
  rulePublishedTotal(ctx);
  ruleOverviewLength(ctx, options.overviewMaxChars ?? 1000);
  ruleFeeStatement(ctx);
  ruleArt50(ctx);
  ruleNarrativeFigures(ctx);
  ruleSimilarity(ctx, previous, options.similarityThreshold ?? 0.85);
  ruleDeadline(ctx, options.deadlines, options.enforceDeadlines ?? false);
  ruleOldTemplate(ctx);
  return ctx.out
    .map((f, i) => ({ f, i }))
    .sort((a, b) => order(a.f) - order(b.f) || a.f.ruleId.localeCompare(b.f.ruleId) || a.i - b.i)
    .map(({ f }) => f);
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}

export interface CheckResult {
  /** The parsed report, or null when its shape is too broken to check further. */
  report: Report | null;
  findings: Finding[];
}

type Issue = z.core.$ZodIssue;

const typeNames: Record<string, { zh: string; en: string }> = {
  string: { zh: "文本", en: "a string" },
  number: { zh: "数字", en: "a number" },
  object: { zh: "对象", en: "an object" },
  array: { zh: "数组", en: "an array" },
  null: { zh: "null", en: "null" },
  undefined: { zh: "缺失", en: "missing" },
  boolean: { zh: "布尔值", en: "a boolean" },
};
const typeOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
const tn = (t: string) => typeNames[t] ?? { zh: t, en: t };

/** A bilingual sentence for a schema issue: which field, what is wrong. */
export function describeIssue(issue: Issue): { zh: string; en: string } {
  const path = issue.path.map(String).join(".") || "（根）";
  const pathEn = issue.path.map(String).join(".") || "(root)";
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case "invalid_type": {
      const got = tn(typeOf(input));
      const want = tn(issue.expected);
      if (input === undefined) {
        return { zh: `${path}：缺少此字段（应为${want.zh}）`, en: `${pathEn}: missing (expected ${want.en})` };
      }
      return { zh: `${path}：应为${want.zh}，实际为${got.zh}`, en: `${pathEn}: expected ${want.en}, got ${got.en}` };
    }
    case "unrecognized_keys":
      return {
        zh: `${path}：有格式中不存在的字段 ${issue.keys.join("、")}`,
        en: `${pathEn}: unknown field(s) ${issue.keys.join(", ")} not in the format`,
      };
    case "invalid_union":
      if (issue.path.length === 0 || issue.path[issue.path.length - 1] === "edition") {
        return { zh: `${path}：edition 应为 2019 或 2021`, en: `${pathEn}: edition must be 2019 or 2021` };
      }
      return { zh: `${path}：取值不符合任何允许的形式`, en: `${pathEn}: matches none of the allowed forms` };
    case "invalid_value":
      if (input === undefined) {
        return {
          zh: `${path}：缺少此字段（应为 ${issue.values.map((v) => JSON.stringify(v)).join(" / ")}）`,
          en: `${pathEn}: missing (expected ${issue.values.map((v) => JSON.stringify(v)).join(" / ")})`,
        };
      }
      return {
        zh: `${path}：应为 ${issue.values.map((v) => JSON.stringify(v)).join(" / ")} 之一`,
        en: `${pathEn}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(" / ")}`,
      };
    default:
      return { zh: `${path}：${issue.message}`, en: `${pathEn}: ${issue.message}` };
  }
}

function setAt(target: unknown, path: readonly PropertyKey[], value: unknown): boolean {
  let node = target as Record<PropertyKey, unknown> | null;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i] as PropertyKey;
    const next = node?.[key];
    if (next === null || typeof next !== "object") return false;
    node = next as Record<PropertyKey, unknown>;
  }
  if (!node) return false;
  node[path[path.length - 1] as PropertyKey] = value;
  return true;
}

/**
 * Validate any input (a parsed JSON file, an API body): shape problems become findings with the
 * path and what was expected, a bad cell value becomes a rule-4/5 finding for that cell (and the
 * cell is read as blank), and then all rules run.
 */
export function checkReport(input: unknown, options: ValidateOptions = {}): CheckResult {
  const candidate: unknown = input === null || typeof input !== "object" ? input : structuredClone(input);
  const cellFindings: Finding[] = [];
  const badCells = new Set<string>();
  for (let attempt = 0; attempt < 400; attempt++) {
    const parsed = ReportSchema.safeParse(candidate, { reportInput: true });
    if (parsed.success) {
      const findings = runRules(parsed.data, options, badCells);
      return { report: parsed.data, findings: [...cellFindings, ...findings] };
    }
    const edition = (candidate as { edition?: unknown } | null)?.edition;
    let repaired = false;
    const structural: Finding[] = [];
    for (const issue of parsed.error.issues) {
      const [root, ...rest] = issue.path;
      const cellHit =
        root === "tables" && (edition === 2019 || edition === 2021)
          ? [4, 3, 2].map((n) => rest.slice(0, n).join(".")).find((p) => isCellPath(edition, p))
          : undefined;
      if (cellHit !== undefined && issue.code !== "unrecognized_keys" && !badCells.has(cellHit)) {
        const def = cellDef(edition as 2019 | 2021, cellHit);
        const money = def?.type === "money";
        const ruleId: RuleId = money ? "R05" : "R04";
        const name = nameOf({ edition } as Report, cellHit);
        const raw = rest
          .slice(0, cellHit.split(".").length)
          .reduce<unknown>(
            (node, k) => (node as Record<PropertyKey, unknown> | null)?.[k as PropertyKey],
            (candidate as { tables?: unknown }).tables,
          );
        badCells.add(cellHit);
        if (raw === undefined) {
          cellFindings.push(
            makeFinding(
              "R03",
              "error",
              `缺少单元格 ${name.zh}（tables.${cellHit}）：未填报请写 null。`,
              `Cell ${name.en} (tables.${cellHit}) is missing: write null if it is not reported.`,
              [cellHit],
              { fields: [`tables.${cellHit}`] },
            ),
          );
          repaired = setAt((candidate as { tables: unknown }).tables, cellHit.split("."), null) || repaired;
          continue;
        }
        cellFindings.push(
          makeFinding(
            ruleId,
            "error",
            `${name.zh} = ${JSON.stringify(raw)}：${money ? "金额应为不小于0的小数字符串及单位（元/万元）" : def?.type === "signed" ? "应为整数" : "应为不小于0的整数"}。`,
            `${name.en} = ${JSON.stringify(raw)}: ${money ? 'expected {"amount": "<decimal ≥ 0>", "unit": "元" | "万元"}' : def?.type === "signed" ? "expected a whole number" : "expected a whole number ≥ 0"}.`,
            [cellHit],
            { values: { value: JSON.stringify(raw) ?? null } },
          ),
        );
        repaired = setAt((candidate as { tables: unknown }).tables, cellHit.split("."), null) || repaired;
        continue;
      }
      const msg = describeIssue(issue);
      structural.push(
        makeFinding(root === "tables" ? "R03" : "R00", "error", msg.zh, msg.en, [], {
          fields: [issue.path.map(String).join(".")],
        }),
      );
    }
    if (!repaired) {
      return { report: null, findings: [...cellFindings, ...structural] };
    }
  }
  return { report: null, findings: cellFindings };
}
