import { cellDefs, isCellPath, tableCaptions, tableIds } from "../catalog";
import { type MoneyUnit, moneyUnits } from "../cells";
import { DECIMAL_PATTERN, decimalPlaces } from "../decimal";
import { editionForYear } from "../edition";
import { officialHeadings, sectionKeys, tableSections } from "../sections";
import { makeFinding, nameOf, type RuleContext } from "./context";

const normaliseHeading = (s: string) =>
  s
    .replace(/\s+/g, "")
    .replace(/[.．、]/g, "、")
    .replace(/[()]/g, (c) => (c === "(" ? "（" : "）"));

/** R01 edition vs year; layout. */
export function ruleEdition(ctx: RuleContext): void {
  const { report } = ctx;
  const expected = editionForYear(report.year);
  if (expected === null) {
    if (report.layout === "template") {
      ctx.out.push(
        makeFinding(
          "R01",
          "error",
          `${report.year}年度早于全国统一格式（2019年起），应按“legacy”（格式前报告）录入。`,
          `${report.year} predates the national format (2019 onward); record it with the legacy layout.`,
          [],
          { fields: ["year", "layout"], values: { year: report.year } },
        ),
      );
    }
    return;
  }
  if (expected !== report.edition) {
    ctx.out.push(
      makeFinding(
        "R01",
        "error",
        `${report.year}年度应使用${expected}年版格式，但报告为${report.edition}年版。`,
        `A ${report.year} report must use the ${expected} edition, but this one is the ${report.edition} edition.`,
        [],
        { fields: ["edition", "year"], values: { year: report.year, expected, actual: report.edition } },
      ),
    );
  }
  if (report.layout === "legacy") {
    const allowed = report.year === 2019;
    ctx.out.push(
      makeFinding(
        "R01",
        allowed ? "warning" : "error",
        allowed
          ? "报告未按统一格式模板编写（2019年度允许“参照”格式），表格中未载明的数字留空。"
          : `${report.year}年度报告须按统一格式模板编写。`,
        allowed
          ? "The report does not follow the template (allowed for 2019: “参照”); figures it does not state stay blank."
          : `A ${report.year} report must follow the national template.`,
        [],
        { fields: ["layout"] },
      ),
    );
  }
}

/** R02 six sections present; headings as in the template. */
export function ruleSections(ctx: RuleContext): void {
  const { report } = ctx;
  const legacyLenient = report.layout === "legacy" && report.year <= 2019;
  for (const key of sectionKeys) {
    const section = report.sections[key];
    const official = officialHeadings[key];
    const table = (tableSections as Record<string, "t2" | "t3" | "t4" | undefined>)[key];
    const hasText = section.text !== null && section.text.trim() !== "";
    const hasTable =
      table !== undefined &&
      (!ctx.legacy || cellDefs(report.edition).some((c) => c.table === table && ctx.values.get(c.path) !== null));
    if (!hasText && !hasTable) {
      ctx.out.push(
        makeFinding(
          "R02",
          legacyLenient ? "warning" : "error",
          `缺少“${official.zh}”部分。`,
          `Section “${official.zh}” (${official.en}) is missing.`,
          [],
          { section: key },
        ),
      );
      continue;
    }
    if (section.heading !== null && normaliseHeading(section.heading) !== normaliseHeading(official.zh)) {
      ctx.out.push(
        makeFinding(
          "R02",
          "warning",
          `标题“${section.heading}”与格式模板“${official.zh}”不同。`,
          `Heading “${section.heading}” differs from the template's “${official.zh}” (${official.en}).`,
          [],
          { section: key, values: { heading: section.heading, official: official.zh } },
        ),
      );
    }
  }
}

/** R03 extra rows and dangling references (the shape itself is enforced by the schema). */
export function ruleShape(ctx: RuleContext): void {
  const { report } = ctx;
  const extra = report.tables.t3.extraRows ?? [];
  extra.forEach((row, i) => {
    ctx.out.push(
      makeFinding(
        "R03",
        "warning",
        `表三中自行增加的行“${row.label}”不属于统一格式，已保留但不参与核对。`,
        `Table 三 has an added row “${row.label}” that is not in the format; it is kept but left out of the checks.`,
        [],
        { fields: [`tables.t3.extraRows.${i}`] },
      ),
    );
  });
  report.footnotes.forEach((f, i) => {
    if (!isCellPath(report.edition, f.cell)) {
      ctx.out.push(
        makeFinding(
          "R03",
          "error",
          `脚注指向的单元格 ${f.cell} 在${report.edition}年版格式中不存在。`,
          `Footnote points at ${f.cell}, which is not a cell of the ${report.edition} edition.`,
          [],
          { fields: [`footnotes.${i}.cell`] },
        ),
      );
    }
  });
  report.extraMetrics.forEach((m, i) => {
    if (m.cell !== undefined && !isCellPath(report.edition, m.cell)) {
      ctx.out.push(
        makeFinding(
          "R03",
          "error",
          `补充指标“${m.label.zh}”关联的单元格 ${m.cell} 在${report.edition}年版格式中不存在。`,
          `Extra metric “${m.label.en}” refers to ${m.cell}, which is not a cell of the ${report.edition} edition.`,
          [],
          { fields: [`extraMetrics.${i}.cell`] },
        ),
      );
    }
  });
  const keys = new Set<string>();
  report.extraMetrics.forEach((m, i) => {
    if (keys.has(m.key)) {
      ctx.out.push(
        makeFinding("R03", "error", `补充指标键“${m.key}”重复。`, `Extra metric key “${m.key}” is used twice.`, [], {
          fields: [`extraMetrics.${i}.key`],
        }),
      );
    }
    keys.add(m.key);
  });
}

/** R04 / R05 / R06: cell values (run on typed reports too: TypeScript types do not check ranges). */
export function ruleCellValues(ctx: RuleContext, skip: ReadonlySet<string>): void {
  const { report } = ctx;
  const blanks: Record<string, string[]> = { t2: [], t3: [], t4: [] };
  for (const def of cellDefs(report.edition)) {
    if (skip.size > 0 && skip.has(def.path)) continue;
    const value = ctx.values.get(def.path);
    if (value === null || value === undefined) {
      (blanks[def.table] as string[]).push(def.path);
      continue;
    }
    if (def.type !== "money") {
      if (typeof value === "number" && Number.isInteger(value) && (value >= 0 || def.type === "signed")) continue;
      const name = nameOf(report, def.path);
      const signed = def.type === "signed";
      ctx.out.push(
        makeFinding(
          "R04",
          "error",
          `${name.zh} = ${String(value)}，应为${signed ? "" : "不小于0的"}整数。`,
          `${name.en} = ${String(value)}, but it must be a whole number${signed ? "" : " ≥ 0"}.`,
          [def.path],
          { values: { value: typeof value === "number" ? value : String(value) } },
        ),
      );
      continue;
    }
    const money = value as { amount?: unknown; unit?: unknown };
    const amount = typeof money.amount === "string" ? money.amount : "";
    const validMoney = DECIMAL_PATTERN.test(amount) && moneyUnits.includes(money.unit as MoneyUnit);
    const inYuan = report.edition === 2021 && money.unit === "元";
    const tooPrecise = report.edition === 2021 && decimalPlaces(amount) > 6;
    if (validMoney && !inYuan && !tooPrecise) continue;
    const name = nameOf(report, def.path);
    if (!validMoney) {
      ctx.out.push(
        makeFinding(
          "R05",
          "error",
          `${name.zh}：金额“${String(money.amount)}${String(money.unit ?? "")}”不是不小于0的数。`,
          `${name.en}: amount “${String(money.amount)} ${String(money.unit ?? "")}” is not a number ≥ 0.`,
          [def.path],
          { values: { amount: String(money.amount) } },
        ),
      );
      continue;
    }
    if (inYuan) {
      ctx.out.push(
        makeFinding(
          "R05",
          "warning",
          `${name.zh}：格式要求以万元为单位，报告写作“${amount}元”。`,
          `${name.en}: the format asks for 10,000 yuan (万元); the report wrote ${amount} yuan.`,
          [def.path],
          { values: { amount, unit: "元" } },
        ),
      );
    }
    if (tooPrecise) {
      ctx.out.push(
        makeFinding(
          "R05",
          "warning",
          `${name.zh}：金额 ${amount} 超过6位小数（万元精确到分只需6位）。`,
          `${name.en}: amount ${amount} has more than 6 decimals (6 are enough for a fen in 万元).`,
          [def.path],
          { values: { amount } },
        ),
      );
    }
  }
  // R06
  for (const table of tableIds) {
    const paths = blanks[table] as string[];
    if (paths.length === 0) continue;
    if (ctx.legacy) {
      const total = cellDefs(report.edition).filter((c) => c.table === table).length;
      ctx.out.push(
        makeFinding(
          "R06",
          "warning",
          `表“${tableCaptions[table].zh}”${total}个单元格中有${paths.length}个未载明（报告未按格式列表）。`,
          `${paths.length} of ${total} cells of the table “${tableCaptions[table].en}” are not stated in the report.`,
          paths,
          { values: { blank: paths.length, cells: total } },
        ),
      );
      continue;
    }
    for (const path of paths) {
      const name = nameOf(report, path);
      ctx.out.push(
        makeFinding(
          "R06",
          "warning",
          `${name.zh} 为空白：未填报，核对时按0计。`,
          `${name.en} is blank: not reported; counted as 0 in the checks.`,
          [path],
        ),
      );
    }
  }
}

export { tableIds };
