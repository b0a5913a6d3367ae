import type { AgencyRef } from "./agency";
import { cellDefs, setCell } from "./catalog";
import type { Edition } from "./edition";
import { emptyReport } from "./factory";
import type { Report } from "./report";
import { t3LeafOutcomeRows2019, t3LeafOutcomeRows2021 } from "./tables/t3";

/** Deterministic pseudo-random numbers (mulberry32) so generated reports are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedReportOptions {
  edition: Edition;
  /** Integers in [0, 1) drive every choice; pass a seeded generator or fast-check's values. */
  random: () => number;
  agency?: AgencyRef;
  year?: number;
  /** Upper bound of a leaf cell (default 40). */
  max?: number;
}

const defaultAgency: AgencyRef = {
  id: "generated-agency",
  name: "生成测试机关",
  regionCode: "110000",
  level: "provincial",
  kind: "department",
};

const APPLICANTS = ["naturalPerson", "commercial", "research", "socialWelfare", "legalService", "otherOrg"] as const;

/**
 * An internally consistent report: every arithmetic rule (7, 8, 9, 13) holds, table 二 satisfies
 * rules 15 and 18, the six sections are present. Used by property tests and benchmarks.
 */
export function generateConsistentReport(opts: GeneratedReportOptions): Report {
  const { edition, random } = opts;
  const max = opts.max ?? 40;
  const int = (n: number) => Math.floor(random() * (n + 1));
  const year = opts.year ?? (edition === 2019 ? 2019 + int(1) : 2021 + int(4));
  let r: Report = emptyReport({ agency: opts.agency ?? defaultAgency, year, edition });
  // Table 三: leaves at random (skewed towards 0 like real reports), then totals that add up.
  const leaves = edition === 2019 ? t3LeafOutcomeRows2019 : t3LeafOutcomeRows2021;
  const handled: Record<string, number> = {};
  const setRow = (row: string, values: Record<string, number>) => {
    let total = 0;
    for (const c of APPLICANTS) {
      r = setCell(r, `t3.${row}.${c}`, values[c] ?? 0);
      total += values[c] ?? 0;
    }
    r = setCell(r, `t3.${row}.total`, total);
  };
  for (const row of leaves) {
    const values: Record<string, number> = {};
    for (const c of APPLICANTS) {
      const v = random() < 0.5 ? 0 : int(c === "naturalPerson" ? max : Math.ceil(max / 4));
      values[c] = v;
      handled[c] = (handled[c] ?? 0) + v;
    }
    setRow(row, values);
  }
  setRow("handledTotal", handled);
  const forward: Record<string, number> = {};
  const over: Record<string, number> = {};
  const fresh: Record<string, number> = {};
  for (const c of APPLICANTS) {
    forward[c] = random() < 0.6 ? 0 : int(5);
    const need = (handled[c] ?? 0) + (forward[c] ?? 0);
    over[c] = random() < 0.6 ? 0 : int(Math.min(need, 5));
    fresh[c] = need - (over[c] ?? 0);
  }
  setRow("carriedForward", forward);
  setRow("carriedOver", over);
  setRow("newReceived", fresh);
  // Table 四
  for (const block of ["review", "suitDirect", "suitAfterReview"]) {
    let total = 0;
    for (const k of ["upheld", "corrected", "other", "pending"]) {
      const v = int(6);
      total += v;
      r = setCell(r, `t4.${block}.${k}`, v);
    }
    r = setCell(r, `t4.${block}.total`, total);
  }
  // Table 二
  for (const def of cellDefs(edition)) {
    if (def.table !== "t2") continue;
    if (def.type === "money") {
      const amount = `${int(99999)}.${String(int(99)).padStart(2, "0")}`;
      r = setCell(r, def.path, { amount, unit: edition === 2021 ? "万元" : "元" });
    } else if (def.type === "signed") {
      r = setCell(r, def.path, int(40) - 20);
    } else {
      r = setCell(r, def.path, int(500));
    }
  }
  for (const row of ["rules", "normativeDocs"]) {
    if (edition === 2021) {
      const made = int(60);
      r = setCell(r, `t2.${row}.made`, made);
      r = setCell(r, `t2.${row}.inForce`, made + int(400));
    } else {
      const fresh2 = int(60);
      r = setCell(r, `t2.${row}.publishedNew`, fresh2);
      r = setCell(r, `t2.${row}.publishedTotal`, fresh2 + int(400));
    }
  }
  return {
    ...r,
    status: "draft",
    sections: {
      overview: {
        heading: null,
        text: `${year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，推进政务公开工作。`,
      },
      proactive: { heading: null, text: null },
      requests: { heading: null, text: null },
      reviewLitigation: { heading: null, text: null },
      problems: { heading: null, text: "一是公开内容仍需丰富；二是解读形式仍需创新。下一步将加强培训，完善制度。" },
      other: { heading: null, text: edition === 2021 ? `${year}年，本机关未收取信息处理费。` : "无。" },
    },
  };
}
