import {
  type AgencyLevel,
  type AgencyRef,
  type CellValue,
  daysBetween,
  deadlineFor,
  type Edition,
  editionForYear,
  isCellPath,
  type Report,
  type RuleId,
  t3ApplicantKeys,
  t3LeafOutcomeRows2019,
  t3LeafOutcomeRows2021,
  t4BlockKeys,
} from "@gongkai/schema";
import { generateConsistentReport } from "@gongkai/schema/testing";
import type { DemoAgency } from "./agencies";
import { agencyVoice, otherText, overviewText, type ProblemsState, preambleText, problemsText } from "./narrative";
import { hashString, makeRng, type Rng } from "./random";

/**
 * Demo annual reports for the tracked demo agencies: one plan per agency and year (a few missing),
 * internally consistent and consistent from year to year, with a small share of deliberate,
 * realistic errors. Pure: no I/O, deterministic for a seed.
 */

export type DemoReportState = "published" | "draft" | "submitted" | "approved";

/** The deliberate errors, modelled on real reports (see report-format.md §8–§10). */
export const injectedErrorKinds = [
  /** Outcome rows add up to more than （七）总计 (平潭 2020). */
  "outcome_sum_exceeds_total",
  /** The 总计 column of the outcome rows left blank (上海市人民政府办公厅 2019). */
  "blank_total_column",
  /** A table-三 row total off by one. */
  "row_total_off_by_one",
  /** A table-四 total that is not the sum of its block. */
  "t4_total_off",
  /** Section 一 quotes a received figure the table does not have. */
  "narrative_mismatch",
  /** 上年结转 differs from last year's 结转下年度继续办理. */
  "carry_over_mismatch",
  /** Section 一 longer than 1,000 characters (2021 edition). */
  "overview_too_long",
] as const;
export type InjectedErrorKind = (typeof injectedErrorKinds)[number];

/** The rule each kind breaks. */
export const injectedErrorRules: Readonly<Record<InjectedErrorKind, RuleId>> = {
  outcome_sum_exceeds_total: "R08",
  blank_total_column: "R07",
  row_total_off_by_one: "R07",
  t4_total_off: "R13",
  narrative_mismatch: "R22",
  carry_over_mismatch: "R10",
  overview_too_long: "R19",
};

/** Kinds whose rule has severity error; the others only raise warnings. */
export const errorSeverityKinds: readonly InjectedErrorKind[] = [
  "outcome_sum_exceeds_total",
  "blank_total_column",
  "row_total_off_by_one",
  "t4_total_off",
];

export interface DemoReportPlan {
  agencyId: string;
  year: number;
  report: Report;
  state: DemoReportState;
  publicationDate: string | null;
  /** The deliberate error in this report, or null for a clean one. */
  injectedError: InjectedErrorKind | null;
}

export interface DemoReportOptions {
  agencies: DemoAgency[];
  /** Report years; default 2019…2025. */
  years?: number[];
  seed?: number;
  /** ISO date; nothing is published on or after it. Default "2026-11-26". */
  today?: string;
}

export const demoReportDefaults = {
  years: [2019, 2020, 2021, 2022, 2023, 2024, 2025],
  seed: 2019,
  today: "2026-11-26",
} as const;

/** Shares the generator aims at. */
export const demoRates = {
  /** (agency, year) pairs without any report. */
  missing: 0.03,
  /** Reports with a deliberate error. */
  error: 0.055,
  /** Published reports that came out after the deadline. */
  late: 0.1,
  /** Reports of the latest completed year still unpublished on `today`. */
  unpublishedLatest: 0.25,
} as const;

const errorWeights: Readonly<Record<InjectedErrorKind, number>> = {
  outcome_sum_exceeds_total: 2,
  blank_total_column: 2,
  row_total_off_by_one: 2,
  t4_total_off: 2,
  narrative_mismatch: 1,
  carry_over_mismatch: 1,
  overview_too_long: 1,
};

const APPLICANTS = t3ApplicantKeys;

/** Share of each outcome among handled applications (before per-agency variation). */
const outcomeWeights: Readonly<Record<string, number>> = {
  granted: 42,
  partiallyGranted: 8,
  "denied.stateSecret": 0.3,
  "denied.prohibitedByLaw": 0.5,
  "denied.securityStability": 0.3,
  "denied.thirdParty": 1.5,
  "denied.internalAffairs": 1,
  "denied.processInfo": 1.5,
  "denied.enforcementFile": 0.8,
  "denied.adminQuery": 2,
  "unable.notHeld": 22,
  "unable.needsCreation": 3,
  "unable.unclearAfterCorrection": 2,
  "notProcessed.petitionComplaint": 4,
  "notProcessed.duplicate": 3,
  "notProcessed.publication": 0.5,
  "notProcessed.massRepeated": 1,
  "notProcessed.confirmOrReissue": 0.5,
  otherHandling: 4,
  "other.noCorrection": 3.5,
  "other.feeUnpaid": 0.15,
  "other.misc": 1.2,
};
/** 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他. */
const columnWeights = [86, 6.5, 0.4, 0.4, 3.5, 3.2];

interface DeptTrait {
  /** Applications, relative to an average department. */
  volume: number;
  /** Decisions: 行政许可, 行政处罚, 行政强制 (relative). */
  decisions: readonly [number, number, number];
  /** 行政事业性收费 (relative; 0 = collects none). */
  fees: number;
}
const deptTraits: readonly (readonly [RegExp, DeptTrait])[] = [
  [/公安/, { volume: 1.5, decisions: [1.5, 20, 3], fees: 1 }],
  [/自然资源|规划/, { volume: 3, decisions: [1, 0.3, 0.05], fees: 2 }],
  [/住房/, { volume: 2, decisions: [1.5, 0.3, 0.02], fees: 0.2 }],
  [/市场监督/, { volume: 1.3, decisions: [3, 2, 1], fees: 0.3 }],
  [/交通/, { volume: 0.8, decisions: [2, 3, 0.5], fees: 0.5 }],
  [/生态环境/, { volume: 1, decisions: [0.5, 0.5, 0.1], fees: 0 }],
  [/卫生/, { volume: 0.8, decisions: [1, 0.5, 0.05], fees: 0.05 }],
  [/教育/, { volume: 0.8, decisions: [0.3, 0.02, 0], fees: 0 }],
  [/人力资源/, { volume: 1.2, decisions: [0.3, 0.1, 0], fees: 0 }],
  [/应急|安全生产/, { volume: 0.5, decisions: [0.2, 0.4, 0.05], fees: 0 }],
  [/农业/, { volume: 0.6, decisions: [0.5, 0.3, 0.05], fees: 0 }],
  [/水利/, { volume: 0.4, decisions: [0.4, 0.1, 0.02], fees: 0.05 }],
  [/文化/, { volume: 0.3, decisions: [0.3, 0.3, 0.02], fees: 0 }],
  [/民政/, { volume: 0.5, decisions: [0.2, 0.01, 0], fees: 0 }],
  [/商务/, { volume: 0.4, decisions: [0.2, 0.05, 0], fees: 0 }],
  [/司法/, { volume: 0.5, decisions: [0.1, 0.05, 0], fees: 0 }],
  [/财政/, { volume: 0.6, decisions: [0, 0.02, 0], fees: 0 }],
  [/统计/, { volume: 0.2, decisions: [0, 0.05, 0], fees: 0 }],
  [/发展和改革/, { volume: 0.8, decisions: [0.3, 0.05, 0], fees: 0 }],
  [/经济和信息化/, { volume: 0.4, decisions: [0.2, 0.02, 0], fees: 0 }],
  [/乡村振兴|扶贫/, { volume: 0.3, decisions: [0, 0, 0], fees: 0 }],
];
const defaultTrait: DeptTrait = { volume: 0.5, decisions: [0.1, 0.05, 0], fees: 0 };

const byLevel = <T>(level: AgencyLevel, values: Record<AgencyLevel, T>): T => values[level];

/** Everything about an agency that stays put from year to year. */
interface Profile {
  volume: number;
  trend: number;
  columns: number[];
  outcomes: Record<string, number>;
  forwardRate: number;
  reviewRate: number;
  normativeRate: number;
  rulesRate: number;
  /** 行政许可, 行政处罚, 行政强制 decisions per year. */
  decisions: [number, number, number];
  /** 万元 per year; 0 = none. */
  feeWan: number;
  procurement: number;
  /** 现行有效 carries on from last year (rule 16) — most agencies. */
  continuousInForce: boolean;
}

function bigCity(regionCode: string): number {
  if (regionCode.startsWith("5101")) return 4; // 成都
  if (/^(4401|4403|3301|1101|3101)/.test(regionCode)) return 4;
  return 1;
}

function profileOf(agency: DemoAgency, rng: Rng): Profile {
  const noise = () => 0.5 + rng.next();
  const trait =
    agency.kind === "department" ? (deptTraits.find(([re]) => re.test(agency.name))?.[1] ?? defaultTrait) : null;
  const city = bigCity(agency.regionCode);
  let volume: number;
  let decisions: [number, number, number];
  let feeWan: number;
  const decisionBase = byLevel(agency.level, {
    national: 5000,
    provincial: 3000,
    prefecture: 1500,
    county: 400,
    township: 20,
  });
  if (agency.kind === "consolidated") {
    volume =
      byLevel(agency.level, { national: 60000, provincial: 30000, prefecture: 1500, county: 250, township: 2 }) *
      (agency.level === "provincial" ? 1 : city);
    decisions = [decisionBase * 30, decisionBase * 30, decisionBase * 5];
    feeWan = byLevel(agency.level, { national: 0, provincial: 500000, prefecture: 50000, county: 5000, township: 0 });
  } else if (agency.kind === "government_office") {
    volume = byLevel(agency.level, { national: 300, provincial: 150, prefecture: 30, county: 10, township: 2 });
    decisions = [0, 0, 0];
    feeWan = 0;
  } else if (agency.kind === "township_government") {
    volume = 1.5;
    decisions = [decisionBase * 0.5, decisionBase * 0.5, decisionBase * 0.05];
    feeWan = 0;
  } else {
    const t = trait ?? defaultTrait;
    volume =
      byLevel(agency.level, { national: 400, provincial: 120, prefecture: 30, county: 6, township: 1 }) *
      t.volume *
      (agency.level === "provincial" ? 1 : Math.sqrt(city));
    decisions = [decisionBase * t.decisions[0], decisionBase * t.decisions[1], decisionBase * t.decisions[2]];
    feeWan =
      t.fees *
      byLevel(agency.level, { national: 50000, provincial: 20000, prefecture: 2000, county: 200, township: 0 });
  }
  const makesRules =
    (agency.kind === "consolidated" || agency.kind === "government_office") &&
    (agency.level === "provincial" || agency.level === "prefecture");
  const outcomes: Record<string, number> = {};
  for (const [row, w] of Object.entries(outcomeWeights)) outcomes[row] = w * (0.4 + 1.2 * rng.next());
  return {
    volume: volume * noise(),
    trend: 0.96 + 0.14 * rng.next(),
    columns: columnWeights.map((w) => w * noise()),
    outcomes,
    forwardRate: rng.chance(0.25) ? 0.005 : 0.01 + 0.06 * rng.next(),
    reviewRate: 0.004 + 0.02 * rng.next(),
    normativeRate:
      byLevel(
        agency.level,
        agency.kind === "consolidated"
          ? { national: 150, provincial: 80, prefecture: 40, county: 20, township: 1 }
          : agency.kind === "government_office"
            ? { national: 40, provincial: 25, prefecture: 12, county: 5, township: 0.5 }
            : { national: 10, provincial: 6, prefecture: 3, county: 1, township: 0.5 },
      ) * noise(),
    rulesRate: makesRules ? (agency.level === "provincial" ? 8 : 3) * noise() : 0,
    decisions: [decisions[0] * noise(), decisions[1] * noise(), decisions[2] * noise()],
    feeWan: feeWan * noise(),
    procurement:
      byLevel(agency.level, { national: 60, provincial: 40, prefecture: 15, county: 5, township: 1 }) *
      (agency.kind === "consolidated" ? 20 : 1) *
      noise(),
    continuousInForce: rng.chance(0.85),
  };
}

function maxFor(level: AgencyLevel): number {
  return byLevel(level, { national: 80, provincial: 60, prefecture: 30, county: 12, township: 3 });
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** An exact decimal string with `places` decimals (万元 or 元). */
function decimal(value: number, places: number): string {
  const s = value.toFixed(places);
  return places > 0 ? s.replace(/\.?0+$/, "") || "0" : s;
}

/** A deep copy of plain nested objects (tables hold only objects, numbers, strings and null). */
function cloneTree(node: unknown): unknown {
  if (node === null || typeof node !== "object") return node;
  if (Array.isArray(node)) return node.map(cloneTree);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = cloneTree(v);
  return out;
}

const pathParts = new Map<string, readonly string[]>();

/** A copy of the report with the given cells written. */
function withCells(report: Report, cells: ReadonlyMap<string, CellValue>): Report {
  const tables = cloneTree(report.tables) as Record<string, unknown>;
  for (const [path, value] of cells) {
    if (!isCellPath(report.edition, path)) throw new RangeError(`No cell ${path} in the ${report.edition} edition`);
    let parts = pathParts.get(path);
    if (parts === undefined) {
      parts = path.split(".");
      pathParts.set(path, parts);
    }
    let node = tables;
    for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
    node[parts[parts.length - 1] as string] = value;
  }
  return { ...report, tables } as unknown as Report;
}

const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

type ItemRow = "licensing" | "otherServices" | "penalties" | "coercion" | "fees";
const itemRows: readonly ItemRow[] = ["licensing", "otherServices", "penalties", "coercion", "fees"];

/** What one year hands to the next. */
interface Chain {
  /** 结转下年度继续办理 by applicant column (the true figures, before any injected error). */
  forward: number[] | null;
  received: number | null;
  /** 2021 edition 现行有效件数. */
  inForce: { rules: number; normativeDocs: number } | null;
  /** 2019 edition 对外公开总数量 (cumulative). */
  publishedTotal: { rules: number; normativeDocs: number } | null;
  /** 2019 edition 上一年项目数量 and 本年增/减. */
  items: Record<ItemRow, { prevItems: number; delta: number }> | null;
  problems: ProblemsState | null;
  /** The year of the last plan actually produced. */
  lastPlanYear: number | null;
}

function pickErrorKind(rng: Rng): InjectedErrorKind {
  const [kind] = rng.sample(
    injectedErrorKinds.flatMap((k) => Array.from({ length: errorWeights[k] }, () => k)),
    1,
  );
  return kind ?? "row_total_off_by_one";
}

function table2(
  rng: Rng,
  edition: Edition,
  profile: Profile,
  chain: Chain,
  yearFactor: number,
  cells: Map<string, CellValue>,
): { rules: number; normativeDocs: number; normativeInForce: number | null } {
  const made = {
    rules: rng.poisson(profile.rulesRate * yearFactor),
    normativeDocs: rng.poisson(profile.normativeRate * yearFactor),
  };
  const [lic, pen, coe] = profile.decisions.map((d) => rng.poisson(d * yearFactor));
  if (edition === 2021) {
    const start = chain.inForce ?? {
      rules: rng.poisson(profile.rulesRate * 12),
      normativeDocs: rng.poisson(profile.normativeRate * 5),
    };
    const inForce = { rules: 0, normativeDocs: 0 };
    for (const row of ["rules", "normativeDocs"] as const) {
      const before = start[row];
      let repealed = Math.min(before, rng.poisson(before * 0.04 + 0.3));
      let now = before + made[row] - repealed;
      if (!profile.continuousInForce && rng.chance(0.5)) {
        // A clean-up campaign re-counted what is in force (rule 16 then warns).
        repealed = Math.min(before, repealed + rng.poisson(before * 0.15 + 1));
        now = made[row] + Math.round((before - repealed) * (0.6 + 0.3 * rng.next()));
      }
      cells.set(`t2.${row}.made`, made[row]);
      cells.set(`t2.${row}.repealed`, repealed);
      cells.set(`t2.${row}.inForce`, now);
      inForce[row] = now;
    }
    chain.inForce = inForce;
    cells.set("t2.licensing.decisions", lic ?? 0);
    cells.set("t2.penalties.decisions", pen ?? 0);
    cells.set("t2.coercion.decisions", coe ?? 0);
    const wan = profile.feeWan * yearFactor * (0.8 + 0.4 * rng.next());
    cells.set("t2.fees.amount", {
      amount: wan <= 0 ? "0" : decimal(wan, rng.chance(0.15) ? 6 : 2),
      unit: "万元",
    });
    chain.publishedTotal = null;
    chain.items = null;
    return { rules: made.rules, normativeDocs: made.normativeDocs, normativeInForce: inForce.normativeDocs };
  }
  // 2019 edition
  const totals = chain.publishedTotal ?? {
    rules: rng.poisson(profile.rulesRate * 10),
    normativeDocs: rng.poisson(profile.normativeRate * 6),
  };
  const published = { rules: 0, normativeDocs: 0 };
  for (const row of ["rules", "normativeDocs"] as const) {
    const publishedNew = Math.max(0, made[row] - (rng.chance(0.2) ? 1 : 0));
    totals[row] += publishedNew;
    published[row] = publishedNew;
    cells.set(`t2.${row}.madeNew`, made[row]);
    cells.set(`t2.${row}.publishedNew`, publishedNew);
    cells.set(`t2.${row}.publishedTotal`, totals[row]);
  }
  chain.publishedTotal = totals;
  const scale = profile.decisions.map((d) => Math.max(0.2, Math.log10(d + 1)));
  const initial: Record<ItemRow, number> = {
    licensing: rng.poisson(12 * (scale[0] ?? 1)),
    otherServices: rng.poisson(6 * (scale[0] ?? 1)),
    penalties: rng.poisson(40 * (scale[1] ?? 1)),
    coercion: rng.poisson(4 * (scale[2] ?? 1)),
    fees: profile.feeWan > 0 ? rng.poisson(3 * Math.log10(profile.feeWan + 10)) : 0,
  };
  const items = {} as Record<ItemRow, { prevItems: number; delta: number }>;
  for (const row of itemRows) {
    const last = chain.items?.[row];
    const prevItems = last ? last.prevItems + last.delta : initial[row];
    const delta = row === "fees" && prevItems === 0 ? 0 : Math.max(-prevItems, rng.int(-4, 4));
    items[row] = { prevItems, delta };
    cells.set(`t2.${row}.prevItems`, prevItems);
    cells.set(`t2.${row}.delta`, delta);
  }
  chain.items = items;
  cells.set("t2.licensing.decisions", lic ?? 0);
  cells.set("t2.otherServices.decisions", rng.poisson((lic ?? 0) * 0.3));
  cells.set("t2.penalties.decisions", pen ?? 0);
  cells.set("t2.coercion.decisions", coe ?? 0);
  const projects = rng.poisson(profile.procurement * yearFactor);
  const yuan = projects * (30_000 + 770_000 * rng.next());
  cells.set("t2.procurement.projects", projects);
  cells.set("t2.procurement.amount", {
    amount: projects === 0 ? "0" : decimal(yuan, rng.chance(0.5) ? 2 : 0),
    unit: "元",
  });
  chain.inForce = null;
  return { rules: published.rules, normativeDocs: published.normativeDocs, normativeInForce: null };
}

function generateAgency(agency: DemoAgency, years: readonly number[], seed: number, today: string): DemoReportPlan[] {
  const rng = makeRng(hashString(`${seed}:${agency.id}`));
  const profile = profileOf(agency, rng);
  const voice = agencyVoice(agency);
  const ref: AgencyRef = {
    id: agency.id,
    name: agency.name,
    regionCode: agency.regionCode,
    level: agency.level,
    kind: agency.kind,
  };
  const todayYear = Number(today.slice(0, 4));
  const chain: Chain = {
    forward: null,
    received: null,
    inForce: null,
    publishedTotal: null,
    items: null,
    problems: null,
    lastPlanYear: null,
  };
  const out: DemoReportPlan[] = [];
  for (const year of years) {
    const edition = editionForYear(year);
    if (edition === null) throw new RangeError(`demoReports: ${year} predates the national format (2019 onward)`);
    const missing = rng.chance(demoRates.missing);
    const base = generateConsistentReport({ edition, random: rng.next, agency: ref, year, max: maxFor(agency.level) });
    const yearFactor = profile.trend ** (year - 2019) * (0.8 + 0.4 * rng.next());
    const cells = new Map<string, CellValue>();

    // Table 三: applications by applicant, outcomes by applicant, then the balance per column.
    const leaves: readonly string[] = edition === 2019 ? t3LeafOutcomeRows2019 : t3LeafOutcomeRows2021;
    const volume = rng.poisson(profile.volume * yearFactor);
    const handled = rng.split(volume, profile.columns);
    const weights = leaves.map((row) => profile.outcomes[row] ?? 0);
    const leafValues: number[][] = leaves.map(() => APPLICANTS.map(() => 0));
    handled.forEach((n, c) => {
      rng.split(n, weights).forEach((v, r) => {
        const row = leafValues[r];
        if (row) row[c] = v;
      });
    });
    const forward = handled.map((n) => rng.poisson(n * profile.forwardRate * (0.5 + rng.next())));
    const over = chain.forward ? [...chain.forward] : handled.map((n) => rng.poisson(n * profile.forwardRate));
    const granted = leafValues[0] ?? [];
    const fresh = handled.map((_, c) => {
      // Applications carried over are answered this year or carried on: new ≥ 0.
      const v = (handled[c] ?? 0) + (forward[c] ?? 0) - (over[c] ?? 0);
      if (v >= 0) return v;
      granted[c] = (granted[c] ?? 0) - v;
      handled[c] = (handled[c] ?? 0) - v;
      return 0;
    });
    chain.forward = [...forward];
    const previousReceived = chain.received;
    chain.received = sum(fresh);

    let injected: InjectedErrorKind | null = rng.chance(demoRates.error) ? pickErrorKind(rng) : null;
    if (injected === "carry_over_mismatch" && (chain.lastPlanYear !== year - 1 || missing)) {
      injected = "row_total_off_by_one";
    }
    if (injected === "overview_too_long" && edition !== 2021) injected = "narrative_mismatch";
    if (injected === "blank_total_column" && sum(handled) === 0) injected = "t4_total_off";

    if (injected === "carry_over_mismatch") {
      // A carried-over figure that differs from last year's report, the table still balancing.
      const c = rng.chance(0.8) ? 0 : rng.int(1, APPLICANTS.length - 1);
      const d = rng.int(1, 3);
      over[c] = (over[c] ?? 0) + d;
      granted[c] = (granted[c] ?? 0) + d;
      handled[c] = (handled[c] ?? 0) + d;
    }
    const putRow = (row: string, values: readonly number[]) => {
      APPLICANTS.forEach((col, c) => {
        cells.set(`t3.${row}.${col}`, values[c] ?? 0);
      });
      cells.set(`t3.${row}.total`, sum(values));
    };
    leaves.forEach((row, r) => {
      putRow(row, leafValues[r] ?? []);
    });
    putRow("handledTotal", handled);
    putRow("carriedForward", forward);
    putRow("carriedOver", over);
    putRow("newReceived", fresh);

    // Table 四: review and litigation grow with the number of applications.
    const t4Total: Record<string, number> = {};
    for (const block of t4BlockKeys) {
      const factor = block === "review" ? 1 : block === "suitDirect" ? 0.35 : 0.2;
      const n = rng.poisson(volume * profile.reviewRate * factor);
      const [upheld, corrected, other, pending] = rng.split(n, [60, 10, 15, 15]);
      cells.set(`t4.${block}.upheld`, upheld ?? 0);
      cells.set(`t4.${block}.corrected`, corrected ?? 0);
      cells.set(`t4.${block}.other`, other ?? 0);
      cells.set(`t4.${block}.pending`, pending ?? 0);
      cells.set(`t4.${block}.total`, n);
      t4Total[block] = n;
    }

    // Table 二
    const docs = table2(rng, edition, profile, chain, yearFactor, cells);

    // Table errors
    if (injected === "outcome_sum_exceeds_total") {
      for (const row of rng.sample(leaves, rng.int(1, 2))) {
        const add = rng.int(1, 6);
        for (const col of ["naturalPerson", "total"]) {
          const path = `t3.${row}.${col}`;
          const v = cells.get(path);
          cells.set(path, (typeof v === "number" ? v : 0) + add);
        }
      }
    } else if (injected === "blank_total_column") {
      for (const row of leaves) cells.set(`t3.${row}.total`, null);
    } else if (injected === "row_total_off_by_one") {
      const path = `t3.${rng.pick(["newReceived", "granted", "unable.notHeld", "handledTotal"])}.total`;
      const v = cells.get(path);
      const now = typeof v === "number" ? v : 0;
      cells.set(path, now === 0 || rng.chance(0.5) ? now + 1 : now - 1);
    } else if (injected === "t4_total_off") {
      const block = rng.pick(t4BlockKeys);
      const now = t4Total[block] ?? 0;
      const off = now === 0 || rng.chance(0.6) ? now + rng.int(1, 2) : now - 1;
      cells.set(`t4.${block}.total`, off);
      t4Total[block] = off;
    }

    // Narrative, from the finished tables
    const num = (path: string) => {
      const v = cells.get(path);
      return typeof v === "number" ? v : 0;
    };
    const rowTotal = (row: string) => {
      const v = cells.get(`t3.${row}.total`);
      return typeof v === "number" ? v : sum(APPLICANTS.map((c) => num(`t3.${row}.${c}`)));
    };
    const groupTotal = (prefix: string) => sum(leaves.filter((r) => r.startsWith(prefix)).map(rowTotal));
    const figures = {
      received: rowTotal("newReceived"),
      carriedOver: rowTotal("carriedOver"),
      handled: rowTotal("handledTotal"),
      carriedForward: rowTotal("carriedForward"),
      granted: rowTotal("granted"),
      partiallyGranted: rowTotal("partiallyGranted"),
      denied: groupTotal("denied."),
      unable: groupTotal("unable."),
      notProcessed: groupTotal("notProcessed."),
      otherHandling: edition === 2019 ? rowTotal("otherHandling") : groupTotal("other."),
      review: t4Total["review"] ?? 0,
      litigation: (t4Total["suitDirect"] ?? 0) + (t4Total["suitAfterReview"] ?? 0),
      normativeDocs: docs.normativeDocs,
      rules: docs.rules,
      normativeInForce: docs.normativeInForce,
      previousReceived,
    };
    let statedReceived: number | undefined;
    if (injected === "narrative_mismatch") {
      let d = rng.int(2, 12);
      if (d === figures.carriedOver) d++;
      statedReceived = figures.received + d;
    }
    const overview = overviewText({
      rng,
      agency,
      voice,
      year,
      edition,
      figures,
      ...(statedReceived === undefined ? {} : { statedReceived }),
      tooLong: injected === "overview_too_long",
    });
    const problems = problemsText(rng, year, voice.government ? voice.place : agency.name, chain.problems);
    chain.problems = problems.state;
    const other = otherText({ rng, year, edition, feeUnpaid: edition === 2021 ? rowTotal("other.feeUnpaid") : 0 });

    // State and publication date
    let state: DemoReportState;
    let publicationDate: string | null = null;
    const unpublishedState = (): DemoReportState => rng.pick(["draft", "draft", "submitted", "approved"] as const);
    if (`${year + 1}-01-01` > today) {
      state = rng.pick(["draft", "draft", "submitted"] as const);
    } else {
      const latest = year >= todayYear - 1;
      const deadline = deadlineFor(ref, year);
      let date: string;
      if (rng.chance(demoRates.late)) {
        date = addDays(deadline, rng.int(1, 60));
      } else {
        const room = Math.max(0, Math.min(25, daysBetween(`${year + 1}-01-06`, deadline)));
        date = addDays(deadline, -Math.floor(rng.next() ** 2 * (room + 1)));
      }
      if ((latest && rng.chance(demoRates.unpublishedLatest)) || date >= today) {
        state = unpublishedState();
      } else {
        state = "published";
        publicationDate = date;
      }
    }

    const title = `${agency.name}${year}${rng.chance(0.8) ? "年" : "年度"}政府信息公开工作年度报告`;
    const report: Report = {
      ...withCells(base, cells),
      title,
      preamble: preambleText(rng, agency.name, year, edition, voice.portal),
      sections: {
        overview: { heading: null, text: overview },
        proactive: { heading: null, text: null },
        requests: { heading: null, text: null },
        reviewLitigation: { heading: null, text: null },
        problems: { heading: null, text: problems.text },
        other: { heading: null, text: other },
      },
      closing: publicationDate === null ? agency.name : `${agency.name}\n${chineseDate(publicationDate)}`,
      status: state,
      publicationDate,
    };
    if (missing) continue;
    chain.lastPlanYear = year;
    out.push({ agencyId: agency.id, year, report, state, publicationDate, injectedError: injected });
  }
  return out;
}

/**
 * Report plans for every tracked agency and year. Deterministic for a seed; each agency draws from
 * its own stream, so adding or removing agencies leaves the others' reports unchanged.
 */
export function demoReports(options: DemoReportOptions): DemoReportPlan[] {
  const years = [...(options.years ?? demoReportDefaults.years)].sort((x, y) => x - y);
  const seed = options.seed ?? demoReportDefaults.seed;
  const today = options.today ?? demoReportDefaults.today;
  return options.agencies.filter((a) => a.tracked).flatMap((a) => generateAgency(a, years, seed, today));
}
