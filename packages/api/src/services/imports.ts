import {
  agencies,
  and,
  bulkInsert,
  type DbHandle,
  type Executor,
  eq,
  inArray,
  reports,
  reportVersions,
  sql,
} from "@gongkai/db";
import {
  type DeadlineConfig,
  defaultDeadlines,
  type Finding,
  type Report,
  ReportSchema,
  regionAncestors,
  validateReport,
} from "@gongkai/schema";
import type { Context } from "../context";
import { badRequest, conflict } from "../errors";
import { newId } from "../ids";
import { tsvectorFor } from "../search-tokens";
import { contentHash, freezeVersion, METRIC_COLUMNS, metricRows, qualityOf, reportText } from "./publishing";
import { type AgencyInfo, audit, Deadlines, loadAgency } from "./shared";

/**
 * Record a report that was already published elsewhere (an archive, a fixture, an import): it
 * becomes version 1 as published, with its findings — errors included, because that is what the
 * agency published. Its agency must exist.
 */
export async function importPublishedReport(
  ctx: Context,
  input: { content: Report; publishedAt?: Date; replace?: boolean },
): Promise<{ id: string; created: boolean }> {
  const content = ReportSchema.parse(input.content);
  return ctx.deps.db.db.transaction(async (tx) => {
    const agency = await loadAgency(tx, content.agency.id).catch(() => {
      throw badRequest(
        `Agency ${content.agency.id} does not exist; create it first`,
        `机关 ${content.agency.id} 不存在，请先创建`,
      );
    });
    const [existing] = await tx
      .select()
      .from(reports)
      .where(and(eq(reports.agencyId, agency.id), eq(reports.year, content.year)));
    if (existing) {
      if (!input.replace) return { id: existing.id, created: false };
      if (existing.latestVersion > 0)
        throw conflict("A published report exists; correct it instead", "已有已发布报告，请通过更正修改");
    }
    const id = existing?.id ?? newId("rpt");
    const publishedAt =
      input.publishedAt ??
      (content.publicationDate ? new Date(`${content.publicationDate}T08:00:00+08:00`) : ctx.deps.now());
    const published: Report = {
      ...content,
      status: "published",
      publicationDate: content.publicationDate ?? publishedAt.toISOString().slice(0, 10),
    };
    if (!existing) {
      await tx.insert(reports).values({
        id,
        agencyId: agency.id,
        year: content.year,
        edition: content.edition,
        state: "published",
        content: published,
        createdBy: ctx.viewer?.id ?? null,
        createdAt: publishedAt,
        updatedAt: publishedAt,
      });
    }
    const deadlines = await Deadlines.load(ctx, tx, [agency.regionCode]);
    const previousYear = await previousPublished(tx, agency.id, content.year);
    await freezeVersion(tx, {
      reportId: id,
      agency,
      content: published,
      previousVersion: null,
      previousYear,
      publishedAt,
      publishedBy: ctx.viewer?.id ?? null,
      signoff: null,
      correctionReason: null,
      deadlines: deadlines.configFor(agency.regionCode),
    });
    await audit(tx, ctx, {
      action: "report.import",
      entityType: "report",
      entityId: id,
      regionCode: agency.regionCode,
      after: { agencyId: agency.id, year: content.year, contentHash: contentHash(published) },
    });
    return { id, created: true };
  });
}

async function previousPublished(exec: Executor, agencyId: string, year: number): Promise<Report | null> {
  const rows = await exec
    .select({ content: reportVersions.content })
    .from(reportVersions)
    .innerJoin(reports, eq(reports.id, reportVersions.reportId))
    .where(and(eq(reports.agencyId, agencyId), eq(reports.year, year - 1)))
    .orderBy(sql`${reportVersions.number} desc`)
    .limit(1);
  return rows[0]?.content ?? null;
}

export interface BulkReport {
  content: Report;
  state: "draft" | "submitted" | "approved" | "published";
  publishedAt?: Date;
}

type Row = (string | number | null)[];
interface PreparedChunk {
  reports: Row[];
  versions: {
    reportId: string;
    agency: AgencyInfo;
    content: Report;
    publishedAt: Date;
    findings: Finding[];
    hash: string;
  }[];
  loaded: number;
  skipped: number;
}

const REPORT_COLUMNS = [
  { name: "id", type: "text" },
  { name: "agency_id", type: "text" },
  { name: "year", type: "smallint" },
  { name: "edition", type: "smallint" },
  { name: "state", type: "report_state" },
  { name: "content", type: "json" },
  { name: "latest_version", type: "int" },
  { name: "publication_date", type: "date" },
  { name: "errors", type: "int" },
  { name: "warnings", type: "int" },
  { name: "created_at", type: "timestamptz" },
  { name: "updated_at", type: "timestamptz" },
] as const;

const VERSION_COLUMNS = [
  { name: "report_id", type: "text" },
  { name: "number", type: "int" },
  { name: "content", type: "json" },
  { name: "content_hash", type: "text" },
  { name: "published_at", type: "timestamptz" },
  { name: "quality", type: "data_quality" },
  { name: "errors", type: "int" },
  { name: "warnings", type: "int" },
] as const;

const FINDING_COLUMNS = [
  { name: "version_id", type: "int" },
  { name: "rule_id", type: "text" },
  { name: "severity", type: "text" },
  { name: "finding", type: "json" },
] as const;

/**
 * Load many reports at once (demo data, synthetic benchmarks, archives). Every row is computed in
 * memory and written with one unnest insert per table and chunk, each chunk in its own
 * transaction; while the database writes one chunk the next is prepared. Published reports
 * become version 1 with findings, metrics and search documents, as publishing one would; drafts
 * only get their report row. An (agency, year) already present is skipped. The rollups are
 * rebuilt once at the end, then the tables are analysed.
 */
export async function bulkLoadReports(
  handle: DbHandle,
  items: readonly BulkReport[],
  options: { deadlines?: DeadlineConfig; onProgress?: (done: number, total: number) => void; chunk?: number } = {},
): Promise<{ loaded: number; skipped: number }> {
  const chunk = options.chunk ?? 2000;
  const national = options.deadlines ?? defaultDeadlines;
  const agencyIds = [...new Set(items.map((i) => i.content.agency.id))];
  const infos = new Map<string, AgencyInfo>();
  for (const a of await handle.db
    .select()
    .from(agencies)
    .where(inArray(agencies.id, agencyIds.length ? agencyIds : ["-"]))) {
    infos.set(a.id, {
      id: a.id,
      name: a.name,
      regionCode: a.regionCode,
      regionName: null,
      level: a.level,
      kind: a.kind,
      status: a.status,
      endedOn: a.endedOn,
      tracked: a.tracked,
    });
  }
  const existing = new Set(
    (
      await handle.db
        .select({ agencyId: reports.agencyId, year: reports.year })
        .from(reports)
        .where(inArray(reports.agencyId, agencyIds.length ? agencyIds : ["-"]))
    ).map((r) => `${r.agencyId}|${r.year}`),
  );
  // Last year's report for the cross-year rules: in this load, or already in the database.
  const previous = new Map(items.map((i) => [`${i.content.agency.id}|${i.content.year}`, i.content]));
  const missing = items.filter((i) => !previous.has(`${i.content.agency.id}|${i.content.year - 1}`));
  if (missing.length) {
    const years = [...new Set(missing.map((i) => i.content.year - 1))];
    const rows = await handle.db
      .select({ agencyId: reports.agencyId, year: reports.year, content: reportVersions.content })
      .from(reports)
      .innerJoin(
        reportVersions,
        and(eq(reportVersions.reportId, reports.id), eq(reportVersions.number, reports.latestVersion)),
      )
      .where(
        and(
          inArray(reports.agencyId, [...new Set(missing.map((i) => i.content.agency.id))]),
          inArray(reports.year, years),
        ),
      );
    for (const r of rows) previous.set(`${r.agencyId}|${r.year}`, r.content);
  }

  const prepare = (part: readonly BulkReport[]): PreparedChunk => {
    const out: PreparedChunk = { reports: [], versions: [], loaded: 0, skipped: 0 };
    for (const item of part) {
      const agency = infos.get(item.content.agency.id);
      if (!agency)
        throw badRequest(`Agency ${item.content.agency.id} does not exist`, `机关 ${item.content.agency.id} 不存在`);
      const key = `${agency.id}|${item.content.year}`;
      if (existing.has(key)) {
        out.skipped++;
        continue;
      }
      existing.add(key);
      const id = newId("rpt");
      const published = item.state === "published";
      const at =
        item.publishedAt ??
        new Date(`${item.content.publicationDate ?? `${item.content.year + 1}-01-15`}T09:00:00+08:00`);
      const content: Report = published
        ? {
            ...item.content,
            status: "published",
            publicationDate: item.content.publicationDate ?? at.toISOString().slice(0, 10),
          }
        : { ...item.content, status: item.state, publicationDate: null };
      // Every report carries its error and warning counts (dashboards, the quality board), drafts too.
      const findings = validateReport(content, {
        previous: previous.get(`${agency.id}|${content.year - 1}`) ?? null,
        deadlines: national,
      });
      const q = qualityOf(findings);
      // A published report's draft is its version: stored once, in report_versions.
      out.reports.push([
        id,
        agency.id,
        content.year,
        content.edition,
        item.state,
        published ? null : JSON.stringify(content),
        published ? 1 : 0,
        content.publicationDate,
        q.errors,
        q.warnings,
        at.toISOString(),
        at.toISOString(),
      ]);
      if (published) {
        out.versions.push({ reportId: id, agency, content, publishedAt: at, findings, hash: contentHash(content) });
      }
      out.loaded++;
    }
    return out;
  };

  const write = async (p: PreparedChunk) => {
    await handle.bulk(async (ops) => {
      await ops.copy(
        "reports",
        REPORT_COLUMNS.map((c) => c.name),
        p.reports,
      );
      if (p.versions.length === 0) return;
      // Version ids are allocated up front so that every table can be written with COPY.
      const ids = await ops.query<{ id: string }>(
        "SELECT nextval(pg_get_serial_sequence('report_versions', 'id')) AS id FROM generate_series(1, $1)",
        [p.versions.length],
      );
      const versionRows: Row[] = [];
      const findingRows: Row[] = [];
      const metricRowsAll: Row[] = [];
      const searchRows: Row[] = [];
      p.versions.forEach((v, i) => {
        const versionId = Number(ids[i]?.id);
        const q = qualityOf(v.findings);
        versionRows.push([
          versionId,
          v.reportId,
          1,
          JSON.stringify(v.content),
          v.hash,
          v.publishedAt.toISOString(),
          q.quality,
          q.errors,
          q.warnings,
        ]);
        for (const f of v.findings) findingRows.push([versionId, f.ruleId, f.severity, JSON.stringify(f)]);
        const { prefecture } = regionAncestors(v.agency.regionCode);
        for (const m of metricRows(v.content)) {
          metricRowsAll.push([
            versionId,
            v.reportId,
            v.agency.id,
            m.metric,
            m.value,
            v.content.year,
            v.content.edition,
            v.agency.regionCode,
            prefecture,
            v.agency.level,
          ]);
        }
        const title = v.content.title ?? `${v.agency.name}${v.content.year}年政府信息公开工作年度报告`;
        const body = reportText(v.content);
        searchRows.push([
          `report:${v.reportId}`,
          "report",
          v.agency.id,
          v.reportId,
          v.content.year,
          title,
          body,
          tsvectorFor(`${title}\n${body}`),
        ]);
      });
      await ops.copy("report_versions", ["id", ...VERSION_COLUMNS.map((c) => c.name)], versionRows);
      await ops.copy(
        "report_findings",
        FINDING_COLUMNS.map((c) => c.name),
        findingRows,
      );
      await ops.copy(
        "report_metrics",
        METRIC_COLUMNS.map((c) => c.name),
        metricRowsAll,
      );
      await ops.copy(
        "search_documents",
        SEARCH_COLUMNS.map((c) => c.name),
        searchRows,
      );
      // The rollups grow by this chunk's reports (all new: a bulk load skips existing ones), in the
      // same transaction. Rebuilding them from every metric row after each chunk made loading in
      // chunks quadratic.
      const versionIds = p.versions.map((_, i) => Number(ids[i]?.id));
      await ops.query(
        `INSERT INTO metric_rollups (metric, year, prefecture, level, kind, edition, sum, blanks, reports)
         SELECT m.metric, m.year, m.prefecture, m.level, a.kind, m.edition,
                coalesce(sum(m.value), 0), count(*) FILTER (WHERE m.value IS NULL), 0
           FROM report_metrics m JOIN agencies a ON a.id = m.agency_id
          WHERE m.version_id = ANY($1::int[])
          GROUP BY m.metric, m.year, m.prefecture, m.level, a.kind, m.edition
         UNION ALL
         SELECT '_reports', r.year, substr(a.region_code, 1, 4) || '00', a.level, a.kind, r.edition, 0, 0, count(*)
           FROM reports r JOIN agencies a ON a.id = r.agency_id
          WHERE r.id = ANY($2::text[])
          GROUP BY r.year, substr(a.region_code, 1, 4), a.level, a.kind, r.edition
         ON CONFLICT (metric, year, prefecture, level, kind, edition) DO UPDATE
            SET sum = metric_rollups.sum + excluded.sum,
                blanks = metric_rollups.blanks + excluded.blanks,
                reports = metric_rollups.reports + excluded.reports`,
        [versionIds, p.versions.map((v) => v.reportId)],
      );
    });
  };

  let loaded = 0;
  let skipped = 0;
  let pending: Promise<void> | null = null;
  for (let start = 0; start < items.length; start += chunk) {
    const prepared = prepare(items.slice(start, start + chunk));
    if (pending) await pending;
    loaded += prepared.loaded;
    skipped += prepared.skipped;
    const done = Math.min(start + chunk, items.length);
    pending = write(prepared).then(() => options.onProgress?.(done, items.length));
  }
  if (pending) await pending;
  if (loaded > 0) {
    await handle.db.execute(sql`ANALYZE reports, report_versions, report_metrics, metric_rollups, search_documents`);
  }
  return { loaded, skipped };
}

export const SEARCH_COLUMNS = [
  { name: "id", type: "text" },
  { name: "kind", type: "text" },
  { name: "agency_id", type: "text" },
  { name: "report_id", type: "text" },
  { name: "year", type: "smallint" },
  { name: "title", type: "text" },
  { name: "body", type: "text" },
  { name: "tsv", type: "tsvector" },
] as const;

/** Search documents for agencies (name, region, former names), written in bulk. */
export async function indexAgencies(
  exec: Executor,
  rows: readonly { id: string; name: string; regionName: string | null; formerNames: readonly string[] }[],
): Promise<void> {
  await bulkInsert(
    exec,
    "search_documents",
    SEARCH_COLUMNS,
    rows.map((a) => {
      const body = [a.regionName ?? "", ...a.formerNames].join(" ");
      return [`agency:${a.id}`, "agency", a.id, null, null, a.name, body, tsvectorFor(`${a.name}\n${body}`)];
    }),
    {
      onConflict: sql`ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body, tsv = excluded.tsv`,
    },
  );
}
