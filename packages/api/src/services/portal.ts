import {
  agencies,
  and,
  asc,
  desc,
  type Executor,
  eq,
  ilike,
  inArray,
  like,
  regions,
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
  Report,
  ReportSummary,
  VersionInfo,
} from "@gongkai/schema";
import type { Context } from "../context";
import { notFound } from "../errors";
import { agencyEventsOf, Deadlines } from "./shared";

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
  const events = await agencyEventsOf(db, input.id);
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

/**
 * One published version with everything the report page shows, in a single round trip: the
 * summary, the content, the findings, the version history and the deadline rules that apply.
 */
export async function getPublishedReport({
  ctx,
  input,
}: {
  ctx: Context;
  input: PortalReportGetInput;
}): Promise<PublishedReport> {
  const db = ctx.deps.db.readDb;
  const which =
    "id" in input ? sql`r.id = ${input.id}` : sql`r.agency_id = ${input.agencyId} AND r.year = ${input.year}`;
  const version = input.version ?? null;
  const result = await db.execute(sql`
    SELECT r.id, a.id AS agency_id, a.name AS agency_name, a.region_code, g.name AS region_name, a.level, a.kind,
           r.year, r.edition, r.state, r.latest_version, r.publication_date::text AS publication_date,
           v.number, v.published_at, v.quality, v.errors, v.warnings, v.content, v.content_hash,
           v.correction_reason, v.changes, v.signoff->>'name' AS signed_off_by,
           (SELECT coalesce(json_agg(f.finding ORDER BY f.id), '[]'::json) FROM report_findings f WHERE f.version_id = v.id) AS findings,
           (SELECT json_agg(json_build_object('number', x.number, 'publishedAt', x.published_at, 'contentHash', x.content_hash,
                    'correctionReason', x.correction_reason, 'changes', x.changes, 'signedOffBy', x.signoff->>'name') ORDER BY x.number)
              FROM report_versions x WHERE x.report_id = r.id) AS versions,
           (SELECT coalesce(json_agg(json_build_object('regionCode', d.region_code, 'config', d.config)), '[]'::json) FROM deadline_rules d
              WHERE d.region_code IN (a.region_code, substr(a.region_code, 1, 4) || '00', substr(a.region_code, 1, 2) || '0000')) AS deadline_rules
    FROM reports r
    JOIN agencies a ON a.id = r.agency_id
    LEFT JOIN regions g ON g.code = a.region_code
    JOIN report_versions v ON v.report_id = r.id AND v.number = coalesce(${version}::int, r.latest_version)
    WHERE ${which} AND r.latest_version > 0`);
  const row = (result as unknown as { rows: PublishedRow[] }).rows[0];
  if (!row) throw notFound(input.version ? "Report version" : "Report", input.version ? "报告版本" : "报告");
  const parse = <T>(v: T | string): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);
  const deadlines = Deadlines.fromRows(ctx, parse(row.deadline_rules));
  const summary = toSummary(
    {
      id: row.id,
      agencyId: row.agency_id,
      agencyName: row.agency_name,
      regionCode: row.region_code,
      regionName: row.region_name,
      level: row.level,
      kind: row.kind,
      year: Number(row.year),
      edition: Number(row.edition) as 2019 | 2021,
      state: row.state,
      latestVersion: Number(row.latest_version),
      publicationDate: row.publication_date,
      publishedAt: new Date(row.published_at),
      quality: row.quality,
      errors: Number(row.errors),
      warnings: Number(row.warnings),
    },
    deadlines,
  );
  const versions = parse(row.versions).map((x) => ({ ...x, publishedAt: new Date(x.publishedAt).toISOString() }));
  const number = Number(row.number);
  return {
    summary,
    version: versions.find((x) => x.number === number) ?? {
      number,
      publishedAt: new Date(row.published_at).toISOString(),
      contentHash: row.content_hash,
      correctionReason: row.correction_reason,
      changes: parse(row.changes),
      signedOffBy: row.signed_off_by,
    },
    content: parse(row.content),
    versions,
    findings: parse(row.findings),
  };
}

interface PublishedRow {
  id: string;
  agency_id: string;
  agency_name: string;
  region_code: string;
  region_name: string | null;
  level: ReportSummary["agency"]["level"];
  kind: ReportSummary["agency"]["kind"];
  year: number;
  edition: number;
  state: ReportSummary["state"];
  latest_version: number;
  publication_date: string | null;
  number: number;
  published_at: string | Date;
  quality: ReportSummary["quality"];
  errors: number;
  warnings: number;
  content: Report | string;
  content_hash: string;
  correction_reason: string | null;
  changes: VersionInfo["changes"] | string;
  signed_off_by: string | null;
  findings: Finding[] | string;
  versions: VersionInfo[] | string;
  deadline_rules: { regionCode: string; config: unknown }[] | string;
}

export async function agenciesByIds(exec: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return exec
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(inArray(agencies.id, [...ids]));
}
