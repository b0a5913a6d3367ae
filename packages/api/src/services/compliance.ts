import { agencies, and, eq, regions, reports, sql } from "@gongkai/db";
import {
  type ComplianceAgency,
  type ComplianceCounts,
  type ComplianceSummary,
  daysBetween,
  regionAncestors,
} from "@gongkai/schema";
import type { Context } from "../context";
import { Deadlines, isoDate } from "./shared";

const zero = (): ComplianceCounts => ({ due: 0, published: 0, onTime: 0, late: 0, missing: 0, pending: 0 });

/** The group a region code falls in, one level below `prefix` (provinces when there is none). */
function childOf(regionCode: string, prefix: string | undefined): string {
  const { province, prefecture } = regionAncestors(regionCode);
  if (!prefix) return province;
  if (prefix.length === 2) return prefecture;
  return regionCode;
}

export async function complianceData(ctx: Context, year: number, prefix: string | undefined) {
  const db = ctx.deps.db.readDb;
  const today = isoDate(ctx.deps.now());
  const rows = await db
    .select({
      agencyId: agencies.id,
      agencyName: agencies.name,
      regionCode: agencies.regionCode,
      level: agencies.level,
      kind: agencies.kind,
      reportId: reports.id,
      state: reports.state,
      latestVersion: reports.latestVersion,
      publicationDate: reports.publicationDate,
    })
    .from(agencies)
    .leftJoin(reports, and(eq(reports.agencyId, agencies.id), eq(reports.year, year)))
    .where(
      and(
        eq(agencies.tracked, true),
        prefix ? sql`${agencies.regionCode} LIKE ${`${prefix}%`}` : undefined,
        sql`(${agencies.endedOn} IS NULL OR ${agencies.endedOn} > ${`${year}-12-31`})`,
        sql`${agencies.createdAt} < ${`${year + 1}-12-31`}`,
      ),
    )
    .orderBy(agencies.regionCode, agencies.name);
  const deadlines = await Deadlines.load(
    ctx,
    db,
    rows.map((r) => r.regionCode),
  );
  const list: ComplianceAgency[] = rows.map((r) => {
    const deadline = deadlines.deadline(r, year);
    const published = (r.latestVersion ?? 0) > 0;
    let status: ComplianceAgency["status"];
    let daysLate: number | null = null;
    if (published && r.publicationDate) {
      daysLate = Math.max(0, daysBetween(deadline, r.publicationDate));
      status = daysLate > 0 ? "late" : "on_time";
    } else if (today > deadline) {
      status = "missing";
      daysLate = daysBetween(deadline, today);
    } else {
      status = r.state && r.state !== "draft" ? "in_review" : "pending";
    }
    return {
      agencyId: r.agencyId,
      agencyName: r.agencyName,
      regionCode: r.regionCode,
      level: r.level,
      kind: r.kind,
      deadline,
      status,
      reportId: r.reportId,
      state: r.state,
      publicationDate: published ? r.publicationDate : null,
      daysLate,
    };
  });
  const totals = zero();
  const byRegion = new Map<string, ComplianceCounts>();
  for (const a of list) {
    const g = childOf(a.regionCode, prefix);
    const c = byRegion.get(g) ?? zero();
    for (const t of [totals, c]) {
      t.due++;
      if (a.status === "on_time" || a.status === "late") t.published++;
      if (a.status === "on_time") t.onTime++;
      if (a.status === "late") t.late++;
      if (a.status === "missing") t.missing++;
      if (a.status === "pending" || a.status === "in_review") t.pending++;
    }
    byRegion.set(g, c);
  }
  const names = new Map(
    (await db.select({ code: regions.code, name: regions.name }).from(regions)).map((r) => [r.code, r.name]),
  );
  const regionRows = [...byRegion.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, c]) => ({
      regionCode: code,
      label: { zh: names.get(code) ?? code, en: names.get(code) ?? code },
      ...c,
    }));
  return { today, totals, regions: regionRows, agencies: list };
}

export async function complianceSummary({
  ctx,
  input,
}: {
  ctx: Context;
  input: { year: number; regionPrefix?: string | undefined };
}): Promise<ComplianceSummary> {
  const data = await complianceData(ctx, input.year, input.regionPrefix);
  return {
    year: input.year,
    asOf: data.today,
    regionPrefix: input.regionPrefix ?? null,
    totals: data.totals,
    regions: data.regions,
    lateOrMissing: data.agencies.filter((a) => a.status === "late" || a.status === "missing"),
  };
}
