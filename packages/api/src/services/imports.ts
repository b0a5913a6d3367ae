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
  type Report,
  ReportSchema,
  regionAncestors,
  validateReport,
} from "@gongkai/schema";
import type { Context } from "../context";
import { badRequest, conflict } from "../errors";
import { newId } from "../ids";
import { tsvectorSource } from "../search-tokens";
import {
  applyRollups,
  contentHash,
  freezeVersion,
  METRIC_COLUMNS,
  metricRows,
  qualityOf,
  reportText,
  rollupContribution,
  rollupKey,
} from "./publishing";
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

/**
 * Load many reports at once (demo data, synthetic benchmarks, archives): every row of every table
 * is computed in memory and written with one unnest insert per table and chunk. Published reports
 * become version 1 with findings, metrics, rollups and search documents, exactly as publishing
 * one would; drafts only get their report row. Reports of an (agency, year) already present are
 * skipped. Runs in one transaction.
 */
export async function bulkLoadReports(
  handle: DbHandle,
  items: readonly BulkReport[],
  options: { deadlines?: DeadlineConfig; onProgress?: (done: number, total: number) => void; chunk?: number } = {},
): Promise<{ loaded: number; skipped: number }> {
  const chunk = options.chunk ?? 2000;
  let loaded = 0;
  let skipped = 0;
  const byAgencyYear = new Map(items.map((i) => [`${i.content.agency.id}|${i.content.year}`, i.content]));
  for (let start = 0; start < items.length; start += chunk) {
    const part = items.slice(start, start + chunk);
    await handle.db.transaction(async (tx) => {
      const agencyIds = [...new Set(part.map((p) => p.content.agency.id))];
      const infos = new Map<string, AgencyInfo>();
      for (const a of await tx.select().from(agencies).where(inArray(agencies.id, agencyIds))) {
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
          await tx
            .select({ agencyId: reports.agencyId, year: reports.year })
            .from(reports)
            .where(inArray(reports.agencyId, agencyIds))
        ).map((r) => `${r.agencyId}|${r.year}`),
      );
      const reportRows: (string | number | null)[][] = [];
      const versionInputs: { reportId: string; agency: AgencyInfo; content: Report; publishedAt: Date }[] = [];
      for (const item of part) {
        const agency = infos.get(item.content.agency.id);
        if (!agency)
          throw badRequest(`Agency ${item.content.agency.id} does not exist`, `机关 ${item.content.agency.id} 不存在`);
        const key = `${agency.id}|${item.content.year}`;
        if (existing.has(key)) {
          skipped++;
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
        reportRows.push([
          id,
          agency.id,
          content.year,
          content.edition,
          item.state,
          JSON.stringify(content),
          published ? 1 : 0,
          content.publicationDate,
          at.toISOString(),
          at.toISOString(),
        ]);
        if (published) versionInputs.push({ reportId: id, agency, content, publishedAt: at });
        loaded++;
      }
      await bulkInsert(
        tx,
        "reports",
        [
          { name: "id", type: "text" },
          { name: "agency_id", type: "text" },
          { name: "year", type: "smallint" },
          { name: "edition", type: "smallint" },
          { name: "state", type: "report_state" },
          { name: "content", type: "jsonb" },
          { name: "latest_version", type: "int" },
          { name: "publication_date", type: "date" },
          { name: "created_at", type: "timestamptz" },
          { name: "updated_at", type: "timestamptz" },
        ],
        reportRows,
      );
      if (versionInputs.length === 0) return;
      const national = options.deadlines ?? defaultDeadlines;
      const computed = versionInputs.map((v) => {
        const previous = byAgencyYear.get(`${v.agency.id}|${v.content.year - 1}`) ?? null;
        const findings = validateReport(v.content, { previous, deadlines: national });
        return { ...v, findings, q: qualityOf(findings), hash: contentHash(v.content) };
      });
      const ids = await bulkInsert(
        tx,
        "report_versions",
        [
          { name: "report_id", type: "text" },
          { name: "number", type: "int" },
          { name: "content", type: "jsonb" },
          { name: "content_hash", type: "text" },
          { name: "published_at", type: "timestamptz" },
          { name: "quality", type: "data_quality" },
          { name: "errors", type: "int" },
          { name: "warnings", type: "int" },
        ],
        computed.map((c) => [
          c.reportId,
          1,
          JSON.stringify(c.content),
          c.hash,
          c.publishedAt.toISOString(),
          c.q.quality,
          c.q.errors,
          c.q.warnings,
        ]),
        { returning: sql`id, report_id` },
      );
      const versionOf = new Map(ids.map((r) => [String(r.report_id), Number(r.id)]));
      const findingRows: (string | number | null)[][] = [];
      const metricRowsAll: (string | number | null)[][] = [];
      const searchRows: (string | number | null)[][] = [];
      for (const c of computed) {
        const versionId = versionOf.get(c.reportId) as number;
        for (const f of c.findings) findingRows.push([versionId, f.ruleId, f.severity, JSON.stringify(f)]);
        const { prefecture } = regionAncestors(c.agency.regionCode);
        for (const m of metricRows(c.content)) {
          metricRowsAll.push([
            versionId,
            c.reportId,
            c.agency.id,
            m.metric,
            m.value,
            c.content.year,
            c.content.edition,
            c.agency.regionCode,
            prefecture,
            c.agency.level,
          ]);
        }
        const title = c.content.title ?? `${c.agency.name}${c.content.year}年政府信息公开工作年度报告`;
        const body = reportText(c.content);
        searchRows.push([
          `report:${c.reportId}`,
          "report",
          c.agency.id,
          c.reportId,
          c.content.year,
          title,
          body,
          tsvectorSource(`${title}\n${body}`),
        ]);
      }
      await bulkInsert(
        tx,
        "report_findings",
        [
          { name: "version_id", type: "int" },
          { name: "rule_id", type: "text" },
          { name: "severity", type: "text" },
          { name: "finding", type: "jsonb" },
        ],
        findingRows,
      );
      await bulkInsert(tx, "report_metrics", METRIC_COLUMNS, metricRowsAll, { chunk: 50_000 });
      await bulkInsert(tx, "search_documents", SEARCH_COLUMNS, searchRows, { chunk: 500 });
      await applyRollups(
        tx,
        computed.map((c) => ({
          key: rollupKey(c.agency, c.content),
          contribution: rollupContribution(c.content),
          sign: 1 as const,
        })),
      );
    });
    options.onProgress?.(Math.min(start + chunk, items.length), items.length);
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
      return [`agency:${a.id}`, "agency", a.id, null, null, a.name, body, tsvectorSource(`${a.name}\n${body}`)];
    }),
    {
      onConflict: sql`ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body, tsv = excluded.tsv`,
    },
  );
}
