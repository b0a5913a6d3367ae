import { governmentReportKinds } from "../agency";
import { type DeadlineConfig, daysBetween, deadlineFor } from "../deadlines";
import type { Report } from "../report";
import { officialHeadings, type SectionKey, sectionKeys } from "../sections";
import { deniedKeys, notProcessedKeys, otherHandlingKeys2021, unableKeys } from "../tables/t3";
import { makeFinding, num, type RuleContext, sumCells, t3RowTotal } from "./context";
import {
  type ClaimKind,
  countCharacters,
  extractClaims,
  type NarrativeClaim,
  normaliseText,
  textSimilarity,
} from "./narrative";

const narrativeSections: readonly SectionKey[] = ["overview", "proactive", "requests", "reviewLitigation"];

function sectionText(report: Report, key: SectionKey): string {
  return report.sections[key].text ?? "";
}

function claimsOf(report: Report): NarrativeClaim[] {
  return narrativeSections.flatMap((k) => {
    const text = report.sections[k].text;
    return text ? extractClaims(text, k) : [];
  });
}

/** R12 carried forward while the overview says everything was completed. */
export function ruleAllCompleted(ctx: RuleContext): void {
  const carried = num(ctx.values, "t3.carriedForward.total");
  if (carried === null || carried <= 0) return;
  const text = normaliseText(sectionText(ctx.report, "overview"));
  const m =
    /(?:全部|均已|已全部|均|全部按时|全部按期)(?:按时|按期|依法)?(?:办结|答复完毕|办理完毕|答复办结)|(?:无|没有)(?:结转|积压|遗留)(?:申请|件)?/.exec(
      text,
    );
  if (!m) return;
  ctx.out.push(
    makeFinding(
      "R12",
      "warning",
      `总体情况称“${m[0]}”，但有 ${carried} 件申请结转下年度继续办理。`,
      `The overview says “${m[0]}” (all completed), but ${carried} applications are carried forward to next year.`,
      ["t3.carriedForward.total"],
      { section: "overview", values: { carriedForward: carried, quote: m[0] } },
    ),
  );
}

type Expected = { value: number | null; zh: string; en: string; cells: string[]; alternatives?: (number | null)[] };

function expectedFor(ctx: RuleContext, kind: ClaimKind): Expected | null {
  const r = ctx.report;
  const rowSum = (rows: string[]) => {
    let s = 0;
    for (const row of rows) {
      const v = t3RowTotal(ctx, row);
      if (v === null) return null;
      s += v;
    }
    return s;
  };
  const T = (row: string) => `t3.${row}.total`;
  const newRec = t3RowTotal(ctx, "newReceived");
  const carriedOver = t3RowTotal(ctx, "carriedOver");
  const handled = t3RowTotal(ctx, "handledTotal");
  const plus = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);
  switch (kind) {
    case "received":
      return {
        value: newRec,
        alternatives: [plus(newRec, carriedOver)],
        zh: "表三本年新收",
        en: "new applications in table 三",
        cells: [T("newReceived"), T("carriedOver")],
      };
    case "handled":
      return {
        value: handled,
        alternatives: [newRec, plus(newRec, carriedOver)],
        zh: "表三（七）总计",
        en: "（七）总计 in table 三",
        cells: [T("handledTotal")],
      };
    case "carriedOver":
      return { value: carriedOver, zh: "表三上年结转", en: "carried over in table 三", cells: [T("carriedOver")] };
    case "carriedForward":
      return {
        value: t3RowTotal(ctx, "carriedForward"),
        zh: "表三结转下年度继续办理",
        en: "carried forward in table 三",
        cells: [T("carriedForward")],
      };
    case "grantedOrPartial":
      return {
        value: rowSum(["granted", "partiallyGranted"]),
        zh: "表三予以公开与部分公开合计",
        en: "disclosed in full or in part in table 三",
        cells: [T("granted"), T("partiallyGranted")],
      };
    case "granted":
      return {
        value: t3RowTotal(ctx, "granted"),
        zh: "表三予以公开",
        en: "disclosed in table 三",
        cells: [T("granted")],
      };
    case "partiallyGranted":
      return {
        value: t3RowTotal(ctx, "partiallyGranted"),
        zh: "表三部分公开",
        en: "partly disclosed in table 三",
        cells: [T("partiallyGranted")],
      };
    case "denied": {
      const rows = deniedKeys.map((k) => `denied.${k}`);
      return {
        value: rowSum(rows),
        zh: "表三不予公开各项合计",
        en: "not disclosed (all reasons) in table 三",
        cells: rows.map(T),
      };
    }
    case "unable": {
      const rows = unableKeys.map((k) => `unable.${k}`);
      return {
        value: rowSum(rows),
        zh: "表三无法提供各项合计",
        en: "cannot be provided (all reasons) in table 三",
        cells: rows.map(T),
      };
    }
    case "notProcessed": {
      const rows = notProcessedKeys.map((k) => `notProcessed.${k}`);
      return {
        value: rowSum(rows),
        zh: "表三不予处理各项合计",
        en: "not processed (all reasons) in table 三",
        cells: rows.map(T),
      };
    }
    case "otherHandling": {
      const rows = r.edition === 2019 ? ["otherHandling"] : otherHandlingKeys2021.map((k) => `other.${k}`);
      return { value: rowSum(rows), zh: "表三其他处理", en: "other handling in table 三", cells: rows.map(T) };
    }
    case "review": {
      const v =
        num(ctx.values, "t4.review.total") ??
        sumCells(
          ctx,
          ["upheld", "corrected", "other", "pending"].map((k) => `t4.review.${k}`),
        );
      return {
        value: num(ctx.values, "t4.review.total") === null && ctx.legacy ? null : v,
        zh: "表四行政复议总计",
        en: "the review total in table 四",
        cells: ["t4.review.total"],
      };
    }
    case "litigation": {
      const a = num(ctx.values, "t4.suitDirect.total");
      const b = num(ctx.values, "t4.suitAfterReview.total");
      const value = ctx.legacy ? (a === null || b === null ? null : a + b) : (a ?? 0) + (b ?? 0);
      return {
        value,
        zh: "表四行政诉讼（直接起诉与复议后起诉）总计",
        en: "the litigation totals in table 四",
        cells: ["t4.suitDirect.total", "t4.suitAfterReview.total"],
      };
    }
    case "docsRules":
    case "docsNormative":
      return null;
  }
}

function docExpectation(ctx: RuleContext, claim: NarrativeClaim): Expected | null {
  const row = claim.kind === "docsRules" ? "rules" : "normativeDocs";
  const verb = claim.verb ?? "";
  const r = ctx.report;
  if (/清理|修改|修订/.test(verb)) return null;
  if (verb === "现行有效") {
    const path = r.edition === 2021 ? `t2.${row}.inForce` : `t2.${row}.publishedTotal`;
    return {
      value: num(ctx.values, path),
      zh: r.edition === 2021 ? "表二现行有效件数" : "表二对外公开总数量",
      en: r.edition === 2021 ? "in force in table 二" : "total published in table 二",
      cells: [path],
    };
  }
  if (r.edition === 2021) {
    if (verb === "废止") {
      return {
        value: num(ctx.values, `t2.${row}.repealed`),
        zh: "表二本年废止件数",
        en: "repealed this year in table 二",
        cells: [`t2.${row}.repealed`],
      };
    }
    return {
      value: num(ctx.values, `t2.${row}.made`),
      alternatives: [num(ctx.values, `t2.${row}.inForce`)],
      zh: "表二本年制发件数",
      en: "issued this year in table 二",
      cells: [`t2.${row}.made`],
    };
  }
  if (verb === "废止") return null;
  return {
    value: num(ctx.values, `t2.${row}.publishedNew`),
    alternatives: [num(ctx.values, `t2.${row}.madeNew`), num(ctx.values, `t2.${row}.publishedTotal`)],
    zh: "表二本年新公开数量",
    en: "newly published in table 二",
    cells: [`t2.${row}.publishedNew`, `t2.${row}.madeNew`],
  };
}

const sectionNames: Record<SectionKey, { zh: string; en: string }> = Object.fromEntries(
  sectionKeys.map((k) => [
    k,
    { zh: officialHeadings[k].zh.slice(0, 1), en: `section ${officialHeadings[k].zh.slice(0, 1)}` },
  ]),
) as Record<SectionKey, { zh: string; en: string }>;

/** R14 (review/litigation) and R22 (everything else): figures in the text vs the tables. */
export function ruleNarrativeFigures(ctx: RuleContext): void {
  const claims = claimsOf(ctx.report);
  const seen = new Set<string>();
  for (const claim of claims) {
    const exp =
      claim.kind === "docsRules" || claim.kind === "docsNormative"
        ? docExpectation(ctx, claim)
        : expectedFor(ctx, claim.kind);
    if (!exp || exp.value === null) continue;
    const accepted = [exp.value, ...(exp.alternatives ?? [])];
    if (accepted.includes(claim.value)) continue;
    const key = `${claim.kind}:${claim.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const ruleId = claim.kind === "review" || claim.kind === "litigation" ? "R14" : "R22";
    const where = sectionNames[claim.section];
    ctx.out.push(
      makeFinding(
        ruleId,
        "warning",
        `第${where.zh}部分称“${claim.quote}”，但${exp.zh}为 ${exp.value}。`,
        `The text of ${where.en} says “${claim.quote}” (${claim.value}), but ${exp.en} is ${exp.value}.`,
        exp.cells,
        { section: claim.section, values: { stated: claim.value, table: exp.value, quote: claim.quote } },
      ),
    );
  }
  // The outcome categories stated in the text should add up to the handled total.
  const first = (k: ClaimKind) => claims.find((c) => c.kind === k)?.value;
  const gp =
    first("grantedOrPartial") ??
    (first("granted") !== undefined && first("partiallyGranted") !== undefined
      ? (first("granted") ?? 0) + (first("partiallyGranted") ?? 0)
      : undefined);
  const parts = [gp, first("denied"), first("unable"), first("notProcessed"), first("otherHandling")];
  if (parts.every((p) => p !== undefined)) {
    const sum = parts.reduce<number>((s, p) => s + (p ?? 0), 0);
    const handled = t3RowTotal(ctx, "handledTotal");
    if (handled !== null && handled !== sum) {
      ctx.out.push(
        makeFinding(
          "R22",
          "warning",
          `正文所列各类办理结果（${parts.join(" + ")}）合计 ${sum}，但表三（七）总计为 ${handled}。`,
          `The outcome figures stated in the text (${parts.join(" + ")}) add up to ${sum}, but （七）总计 in table 三 is ${handled}.`,
          ["t3.handledTotal.total"],
          {
            section: claims.find((c) => c.kind === "denied")?.section ?? "overview",
            values: { stated: sum, table: handled },
          },
        ),
      );
    }
  }
}

/** R19 (2021) overview length. */
export function ruleOverviewLength(ctx: RuleContext, max: number): void {
  if (ctx.report.edition !== 2021) return;
  const n = countCharacters(sectionText(ctx.report, "overview"));
  if (n <= max) return;
  ctx.out.push(
    makeFinding(
      "R19",
      "warning",
      `总体情况共 ${n} 字，格式要求原则上不超过 ${max} 字。`,
      `The overview has ${n} characters; the format asks for no more than ${max}.`,
      [],
      { section: "overview", values: { characters: n, max } },
    ),
  );
}

/** R20 (2021) section 六 must report processing fees. */
export function ruleFeeStatement(ctx: RuleContext): void {
  if (ctx.report.edition !== 2021) return;
  const text = normaliseText(sectionText(ctx.report, "other"));
  const mentionsFee = /信息处理费|处理费/.test(text);
  const states =
    /(?:无|未|没有|不|零|0)[^。；]{0,8}(?:收取|收费|处理费)|(?:收取|收费|处理费)[^。；]{0,12}\d+(?:\.\d+)?\s*(?:元|万元)|\d+(?:\.\d+)?\s*(?:元|万元)[^。；]{0,12}处理费/;
  if (!mentionsFee || !states.test(text)) {
    ctx.out.push(
      makeFinding(
        "R20",
        "warning",
        mentionsFee
          ? "第六部分提到信息处理费，但未写明收取的金额或件数，或“未收取”。"
          : "第六部分未报告收取信息处理费情况（未收取也应写明）。",
        mentionsFee
          ? "Section 六 mentions processing fees but states neither an amount or count nor that none were charged."
          : "Section 六 does not state the information processing fees charged (say so if none were).",
        [],
        { section: "other" },
      ),
    );
  }
  const unpaid = num(ctx.values, "t3.other.feeUnpaid.total");
  if (unpaid !== null && unpaid > 0 && !/收费通知|缴费通知|缴纳|缴费/.test(text)) {
    ctx.out.push(
      makeFinding(
        "R20",
        "warning",
        `表三有 ${unpaid} 件申请因逾期未缴费不再处理，但第六部分未说明发出收费通知的情况。`,
        `Table 三 has ${unpaid} applications dropped because a fee went unpaid, but section 六 says nothing about fee notices.`,
        ["t3.other.feeUnpaid.total"],
        { section: "other", values: { feeUnpaid: unpaid } },
      ),
    );
  }
}

const art50Topics = [
  { re: /考核/, zh: "工作考核", en: "assessment" },
  { re: /评议|社会评价|群众评议|第三方评估/, zh: "社会评议", en: "public evaluation" },
  { re: /责任追究|追责|问责/, zh: "责任追究", en: "accountability" },
];

/** R21 people's government reports cover assessment, evaluation and accountability. */
export function ruleArt50(ctx: RuleContext): void {
  if (!governmentReportKinds.includes(ctx.report.agency.kind)) return;
  const text = sectionText(ctx.report, "overview");
  const missing = art50Topics.filter((t) => !t.re.test(text));
  if (missing.length === 0) return;
  ctx.out.push(
    makeFinding(
      "R21",
      "warning",
      `人民政府年度报告的总体情况未写${missing.map((m) => m.zh).join("、")}结果情况（《条例》第五十条）。`,
      `A people's government report's overview must cover ${missing.map((m) => m.en).join(", ")} results (Regulation Art. 50); not found.`,
      [],
      { section: "overview", values: { missing: missing.map((m) => m.zh).join("、") } },
    ),
  );
}

/** R23 copied from last year. */
export function ruleSimilarity(ctx: RuleContext, previous: Report | undefined, threshold: number): void {
  if (!previous || previous.agency.id !== ctx.report.agency.id || previous.year >= ctx.report.year) return;
  const problems = [sectionText(ctx.report, "problems"), sectionText(previous, "problems")];
  if (problems[0] && problems[1] && countCharacters(problems[0]) >= 40) {
    const s = textSimilarity(problems[0], problems[1]);
    if (s >= threshold) {
      ctx.out.push(
        makeFinding(
          "R23",
          "warning",
          `“存在的主要问题及改进情况”与${previous.year}年报告相似度 ${(s * 100).toFixed(0)}%，格式禁止年年雷同。`,
          `Section 五 is ${(s * 100).toFixed(0)}% similar to the ${previous.year} report; the format forbids repeating it year after year.`,
          [],
          { section: "problems", values: { similarity: Number(s.toFixed(3)), previousYear: previous.year } },
        ),
      );
    }
  }
  const whole = (r: Report) => sectionKeys.map((k) => sectionText(r, k)).join("\n");
  const a = whole(ctx.report);
  const b = whole(previous);
  if (countCharacters(a) >= 200 && countCharacters(b) >= 200) {
    const s = textSimilarity(a, b);
    if (s >= threshold) {
      ctx.out.push(
        makeFinding(
          "R23",
          "warning",
          `全文与${previous.year}年报告相似度 ${(s * 100).toFixed(0)}%。`,
          `The whole text is ${(s * 100).toFixed(0)}% similar to the ${previous.year} report.`,
          [],
          { values: { similarity: Number(s.toFixed(3)), previousYear: previous.year } },
        ),
      );
    }
  }
}

/** R24 publication date against the deadline for this kind of reporter. */
export function ruleDeadline(ctx: RuleContext, config: DeadlineConfig | undefined, enforce: boolean): void {
  const date = ctx.report.publicationDate;
  if (!date) return;
  const deadline = deadlineFor(ctx.report.agency, ctx.report.year, config);
  const late = daysBetween(deadline, date);
  if (late <= 0) return;
  ctx.out.push(
    makeFinding(
      "R24",
      enforce ? "error" : "warning",
      `发布日期 ${date} 晚于期限 ${deadline}（逾期 ${late} 天）。`,
      `Published on ${date}, ${late} day(s) after the deadline of ${deadline}.`,
      [],
      { fields: ["publicationDate"], values: { publicationDate: date, deadline, daysLate: late } },
    ),
  );
}

const oldLabels = [
  "本年新制作数量",
  "本年新公开数量",
  "对外公开总数量",
  "上一年项目数量",
  "采购总金额",
  "采购项目数量",
];

/** R25 a 2021-edition report citing the 2019 notice or its labels. */
export function ruleOldTemplate(ctx: RuleContext): void {
  if (ctx.report.edition !== 2021) return;
  const places: { field: string; section?: SectionKey; text: string }[] = [
    { field: "preamble", text: ctx.report.preamble ?? "" },
    ...sectionKeys.map((k) => ({ field: `sections.${k}.text`, section: k, text: sectionText(ctx.report, k) })),
  ];
  for (const place of places) {
    const text = normaliseText(place.text);
    const found: string[] = [];
    if (/国办公开办函\s*[〔[（(【]\s*2019\s*[〕\]）)】]\s*60\s*号/.test(text)) found.push("国办公开办函〔2019〕60号");
    for (const l of oldLabels) if (text.includes(l)) found.push(l);
    if (found.length === 0) continue;
    const where = place.section ? `第${officialHeadings[place.section].zh.slice(0, 1)}部分` : "报告开头";
    const whereEn = place.section ? `section ${officialHeadings[place.section].zh.slice(0, 1)}` : "the preamble";
    ctx.out.push(
      makeFinding(
        "R25",
        "warning",
        `2021年版报告的${where}出现2019年版格式的内容：${found.join("、")}。`,
        `${whereEn[0]?.toUpperCase()}${whereEn.slice(1)} of a 2021-edition report mentions the 2019 format: ${found.join(", ")}.`,
        [],
        {
          fields: [place.field],
          ...(place.section ? { section: place.section } : {}),
          values: { found: found.join("、") },
        },
      ),
    );
  }
}
