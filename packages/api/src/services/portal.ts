import {
  agencies,
  agencyEvents,
  and,
  asc,
  desc,
  type Executor,
  eq,
  ilike,
  inArray,
  like,
  regions,
  reportFindings,
  reports,
  reportVersions,
  type SQL,
  sql,
} from "@gongkai/db";
import type {
  Agency,
  AgencyListInput,
  Finding,
  PortalReportGetInput,
  PortalReportListInput,
  PublishedReport,
  Region,
  RegionNode,
  ReportSummary,
} from "@gongkai/schema";
import type { Context } from "../context";
import { notFound } from "../errors";
import { versionInfos } from "./drafts";
import { Deadlines } from "./shared";

const prefixLike = (column: SQL | unknown, prefix: string | undefined) =>
  prefix ? like(column as never, `${prefix}%`) : undefined;

export async function regionTree({ ctx }: { ctx: Context }): Promise<RegionNode[]> {
  const rows: Region[] = await ctx.deps.db.readDb.select().from(regions).orderBy(asc(regions.code));
  const nodes = new Map<string, RegionNode>(rows.map((r) => [r.code, { ...r, children: [] }]));
  const roots: RegionNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

const agencyColumns = {
  id: agencies.id,
  name: agencies.name,
  regionCode: agencies.regionCode,
  regionName: regions.name,
  level: agencies.level,
  kind: agencies.kind,
  parentId: agencies.parentId,
  status: agencies.status,
  successorId: agencies.successorId,
  endedOn: agencies.endedOn,
};

export async function listAgencies({
  ctx,
  input,
}: {
  ctx: Context;
  input: Required<Pick<AgencyListInput, "page" | "pageSize">> & AgencyListInput;
}) {
  const db = ctx.deps.db.readDb;
  const where = and(
    input.query ? ilike(agencies.name, `%${input.query.replace(/[%_\\]/g, (c) => `\\${c}`)}%`) : undefined,
    prefixLike(agencies.regionCode, input.regionPrefix),
    input.level ? eq(agencies.level, input.level) : undefined,
    input.kind ? eq(agencies.kind, input.kind) : undefined,
    input.status ? eq(agencies.status, input.status) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select(agencyColumns)
      .from(agencies)
      .leftJoin(regions, eq(regions.code, agencies.regionCode))
      .where(where)
      .orderBy(asc(agencies.regionCode), asc(agencies.name))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(agencies).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

export async function agencyById({ ctx, input }: { ctx: Context; input: { id: string } }): Promise<Agency> {
  const db = ctx.deps.db.readDb;
  const [row] = await db
    .select(agencyColumns)
    .from(agencies)
    .leftJoin(regions, eq(regions.code, agencies.regionCode))
    .where(eq(agencies.id, input.id));
  if (!row) throw notFound("Agency", "机关");
  const events = await db
    .select({
      kind: agencyEvents.kind,
      date: agencyEvents.date,
      fromName: agencyEvents.fromName,
      toName: agencyEvents.toName,
      otherAgencyId: agencyEvents.otherAgencyId,
      otherAgencyName: sql<string | null>`(select name from agencies o where o.id = ${agencyEvents.otherAgencyId})`,
      note: agencyEvents.note,
    })
    .from(agencyEvents)
    .where(eq(agencyEvents.agencyId, input.id))
    .orderBy(asc(agencyEvents.date), asc(agencyEvents.id));
  return { ...row, events };
}

/** Published reports only: a report with no published version does not exist for the portal. */
export async function listReports({
  ctx,
  input,
}: {
  ctx: Context;
  input: PortalReportListInput & { page: number; pageSize: number };
}) {
  const db = ctx.deps.db.readDb;
  const where = and(
    sql`${reports.latestVersion} > 0`,
    prefixLike(agencies.regionCode, input.regionPrefix),
    input.level ? eq(agencies.level, input.level) : undefined,
    input.kind ? eq(agencies.kind, input.kind) : undefined,
    input.year ? eq(reports.year, input.year) : undefined,
    input.edition ? eq(reports.edition, input.edition) : undefined,
    input.agencyId ? eq(reports.agencyId, input.agencyId) : undefined,
    input.quality ? eq(reportVersions.quality, input.quality) : undefined,
  );
  const order =
    input.sort === "year_asc"
      ? [asc(reports.year), asc(agencies.name)]
      : input.sort === "agency"
        ? [asc(agencies.name), desc(reports.year)]
        : input.sort === "published_desc"
          ? [desc(reportVersions.publishedAt)]
          : input.sort === "quality"
            ? [desc(reportVersions.errors), desc(reportVersions.warnings), desc(reports.year)]
            : [desc(reports.year), asc(agencies.name)];
  const base = db
    .select(summaryColumns)
    .from(reports)
    .innerJoin(agencies, eq(agencies.id, reports.agencyId))
    .leftJoin(regions, eq(regions.code, agencies.regionCode))
    .innerJoin(
      reportVersions,
      and(eq(reportVersions.reportId, reports.id), eq(reportVersions.number, reports.latestVersion)),
    )
    .where(where);
  const [rows, [total]] = await Promise.all([
    base
      .orderBy(...order, asc(reports.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(reports)
      .innerJoin(agencies, eq(agencies.id, reports.agencyId))
      .innerJoin(
        reportVersions,
        and(eq(reportVersions.reportId, reports.id), eq(reportVersions.number, reports.latestVersion)),
      )
      .where(where),
  ]);
  const deadlines = await Deadlines.load(
    ctx,
    db,
    rows.map((r) => r.regionCode),
  );
  return {
    items: rows.map((r) => toSummary(r, deadlines)),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export const summaryColumns = {
  id: reports.id,
  agencyId: agencies.id,
  agencyName: agencies.name,
  regionCode: agencies.regionCode,
  regionName: regions.name,
  level: agencies.level,
  kind: agencies.kind,
  year: reports.year,
  edition: reports.edition,
  state: reports.state,
  latestVersion: reports.latestVersion,
  publicationDate: reports.publicationDate,
  publishedAt: reportVersions.publishedAt,
  quality: reportVersions.quality,
  errors: reportVersions.errors,
  warnings: reportVersions.warnings,
};
type SummaryRow = {
  id: string;
  agencyId: string;
  agencyName: string;
  regionCode: string;
  regionName: string | null;
  level: ReportSummary["agency"]["level"];
  kind: ReportSummary["agency"]["kind"];
  year: number;
  edition: 2019 | 2021;
  state: ReportSummary["state"];
  latestVersion: number;
  publicationDate: string | null;
  publishedAt: Date | null;
  quality: ReportSummary["quality"];
  errors: number | null;
  warnings: number | null;
};

export function toSummary(r: SummaryRow, deadlines: Deadlines): ReportSummary {
  const deadline = deadlines.deadline({ kind: r.kind, level: r.level, regionCode: r.regionCode }, r.year);
  return {
    id: r.id,
    agency: {
      id: r.agencyId,
      name: r.agencyName,
      regionCode: r.regionCode,
      regionName: r.regionName,
      level: r.level,
      kind: r.kind,
    },
    year: r.year,
    edition: r.edition,
    state: r.state,
    latestVersion: r.latestVersion,
    publishedAt: r.publishedAt ? r.publishedAt.toISOString() : null,
    publicationDate: r.publicationDate,
    deadline,
    onTime: r.publicationDate ? r.publicationDate <= deadline : null,
    quality: r.quality,
    errors: r.errors ?? 0,
    warnings: r.warnings ?? 0,
  };
}

export async function getPublishedReport({
  ctx,
  input,
}: {
  ctx: Context;
  input: PortalReportGetInput;
}): Promise<PublishedReport> {
  const db = ctx.deps.db.readDb;
  const where =
    "id" in input ? eq(reports.id, input.id) : and(eq(reports.agencyId, input.agencyId), eq(reports.year, input.year));
  const [head] = await db.select({ id: reports.id, latestVersion: reports.latestVersion }).from(reports).where(where);
  if (!head || head.latestVersion === 0) throw notFound("Report", "报告");
  const number = input.version ?? head.latestVersion;
  if (number > head.latestVersion) throw notFound("Report version", "报告版本");
  const [row] = await db
    .select({
      ...summaryColumns,
      versionId: reportVersions.id,
      content: reportVersions.content,
      contentHash: reportVersions.contentHash,
      correctionReason: reportVersions.correctionReason,
      changes: reportVersions.changes,
      signoff: reportVersions.signoff,
    })
    .from(reports)
    .innerJoin(agencies, eq(agencies.id, reports.agencyId))
    .leftJoin(regions, eq(regions.code, agencies.regionCode))
    .innerJoin(reportVersions, and(eq(reportVersions.reportId, reports.id), eq(reportVersions.number, number)))
    .where(eq(reports.id, head.id));
  if (!row) throw notFound("Report version", "报告版本");
  const findings = await db
    .select({ finding: reportFindings.finding })
    .from(reportFindings)
    .where(eq(reportFindings.versionId, row.versionId))
    .orderBy(asc(reportFindings.id));
  const deadlines = await Deadlines.load(ctx, db, [row.regionCode]);
  const summary = toSummary(row, deadlines);
  return {
    summary,
    version: {
      number,
      publishedAt: row.publishedAt?.toISOString() ?? "",
      contentHash: row.contentHash,
      correctionReason: row.correctionReason,
      changes: row.changes,
      signedOffBy: row.signoff?.name ?? null,
    },
    content: row.content,
    versions: await versionInfos(db, head.id),
    findings: findings.map((f): Finding => f.finding),
  };
}

export async function agenciesByIds(exec: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return exec
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(inArray(agencies.id, [...ids]));
}
