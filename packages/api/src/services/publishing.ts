import { createHash } from "node:crypto";
import {
  and,
  bulkInsert,
  type Executor,
  eq,
  reportMetrics,
  reports,
  reportVersions,
  searchDocuments,
  sql,
} from "@gongkai/db";
import {
  addDecimals,
  cellValues,
  computeMetric,
  type Finding,
  type MetricDef,
  metricCatalogue,
  type Report,
  regionAncestors,
  type SignOff,
  sectionKeys,
  type VersionChange,
  validateReport,
} from "@gongkai/schema";
import { tsvectorFor } from "../search-tokens";
import type { AgencyInfo } from "./shared";

/** Metrics stored per version: every cell and every summed derived metric (ratios are computed). */
const storedMetrics: readonly MetricDef[] = metricCatalogue().filter((m) =>
  Object.values(m.formula).every((f) => f?.op === "sum"),
);

export function contentHash(content: Report): string {
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}

/** Rows for report_metrics: zeros are left out (absent = 0), blanks are NULL. */
const termsByEdition = {
  2019: storedMetrics.flatMap((m) => (m.formula[2019]?.op === "sum" ? [{ m, terms: m.formula[2019].terms }] : [])),
  2021: storedMetrics.flatMap((m) => (m.formula[2021]?.op === "sum" ? [{ m, terms: m.formula[2021].terms }] : [])),
};

/** Rows for report_metrics: zeros are left out (absent = 0), blanks are NULL. */
export function metricRows(content: Report): { metric: string; value: string | null }[] {
  const out: { metric: string; value: string | null }[] = [];
  const cells = cellValues(content);
  for (const { m, terms } of termsByEdition[content.edition]) {
    if (m.decimal) {
      // Money: exact, in the metric's unit (computeMetric converts 元 and 万元).
      const v = computeMetric(content, m.key);
      if (v === null) out.push({ metric: m.key, value: null });
      else if (v !== "0" && v !== 0) out.push({ metric: m.key, value: String(v) });
      continue;
    }
    let sum = 0;
    let stated = false;
    for (const t of terms) {
      const v = cells.get(t);
      if (typeof v === "number") {
        sum += v;
        stated = true;
      }
    }
    if (!stated) out.push({ metric: m.key, value: null });
    else if (sum !== 0) out.push({ metric: m.key, value: String(sum) });
  }
  return out;
}

export interface RollupEntry {
  sum: string;
  blanks: number;
  reports: number;
}

/**
 * What a version adds to metric_rollups: for each metric its value (zeros add nothing, so no
 * row) or a blank; and one report under "_reports".
 */
export function rollupContribution(content: Report): Map<string, RollupEntry> {
  const out = new Map<string, RollupEntry>();
  for (const m of metricRows(content)) {
    out.set(m.metric, m.value === null ? { sum: "0", blanks: 1, reports: 0 } : { sum: m.value, blanks: 0, reports: 0 });
  }
  out.set("_reports", { sum: "0", blanks: 0, reports: 1 });
  return out;
}

const negate = (v: string) => (v.startsWith("-") ? v.slice(1) : v === "0" ? v : `-${v}`);

export interface RollupKey {
  year: number;
  prefecture: string;
  level: string;
  kind: string;
  edition: number;
}

/** Add (or with sign −1 take away) contributions to metric_rollups in one statement. */
export async function applyRollups(
  exec: Executor,
  entries: readonly { key: RollupKey; contribution: Map<string, RollupEntry>; sign: 1 | -1 }[],
): Promise<void> {
  const merged = new Map<string, { key: RollupKey; metric: string; sums: string[]; blanks: number; reports: number }>();
  for (const e of entries) {
    for (const [metric, c] of e.contribution) {
      const id = `${metric}|${e.key.year}|${e.key.prefecture}|${e.key.level}|${e.key.kind}|${e.key.edition}`;
      const cur = merged.get(id) ?? { key: e.key, metric, sums: [], blanks: 0, reports: 0 };
      cur.sums.push(e.sign === 1 ? c.sum : negate(c.sum));
      cur.blanks += e.sign * c.blanks;
      cur.reports += e.sign * c.reports;
      merged.set(id, cur);
    }
  }
  if (merged.size === 0) return;
  // Sums are exact decimals (addDecimals), added to the stored numeric in SQL.
  const rows = [...merged.values()].map(
    (m) =>
      [
        m.metric,
        m.key.year,
        m.key.prefecture,
        m.key.level,
        m.key.kind,
        m.key.edition,
        addDecimals(m.sums),
        m.blanks,
        m.reports,
      ] as const,
  );
  await bulkInsert(exec, "metric_rollups", ROLLUP_COLUMNS, rows, {
    onConflict: sql`ON CONFLICT (metric, year, prefecture, level, kind, edition)
      DO UPDATE SET sum = metric_rollups.sum + excluded.sum, blanks = metric_rollups.blanks + excluded.blanks,
                    reports = metric_rollups.reports + excluded.reports`,
  });
}

/**
 * Recompute metric_rollups from the narrow table and the reports in one statement (after bulk
 * loads, where maintaining them per chunk would cost more than the load itself).
 */
export async function rebuildRollups(exec: Executor): Promise<void> {
  await exec.execute(sql`DELETE FROM metric_rollups`);
  await exec.execute(sql`
    INSERT INTO metric_rollups (metric, year, prefecture, level, kind, edition, sum, blanks, reports)
    SELECT m.metric, m.year, m.prefecture, m.level, a.kind, m.edition,
           coalesce(sum(m.value), 0), count(*) FILTER (WHERE m.value IS NULL), 0
    FROM report_metrics m JOIN agencies a ON a.id = m.agency_id
    GROUP BY m.metric, m.year, m.prefecture, m.level, a.kind, m.edition
    UNION ALL
    SELECT '_reports', r.year, substr(a.region_code, 1, 4) || '00', a.level, a.kind, r.edition, 0, 0, count(*)
    FROM reports r JOIN agencies a ON a.id = r.agency_id
    WHERE r.latest_version > 0
    GROUP BY r.year, substr(a.region_code, 1, 4), a.level, a.kind, r.edition`);
}

export const ROLLUP_COLUMNS = [
  { name: "metric", type: "text" },
  { name: "year", type: "smallint" },
  { name: "prefecture", type: "text" },
  { name: "level", type: "agency_level" },
  { name: "kind", type: "agency_kind" },
  { name: "edition", type: "smallint" },
  { name: "sum", type: "numeric" },
  { name: "blanks", type: "int" },
  { name: "reports", type: "int" },
] as const;

export function rollupKey(agency: Pick<AgencyInfo, "regionCode" | "level" | "kind">, content: Report): RollupKey {
  return {
    year: content.year,
    prefecture: regionAncestors(agency.regionCode).prefecture,
    level: agency.level,
    kind: agency.kind,
    edition: content.edition,
  };
}

/** What changed between two versions: cells, section texts and envelope fields. */
export function diffReports(before: Report, after: Report): VersionChange[] {
  const changes: VersionChange[] = [];
  const a = cellValues(before);
  const b = cellValues(after);
  for (const [path, value] of b) {
    const old = a.get(path);
    if (JSON.stringify(old ?? null) !== JSON.stringify(value ?? null)) {
      changes.push({ kind: "cell", path, before: old ?? null, after: value ?? null });
    }
  }
  for (const key of sectionKeys) {
    const x = before.sections[key];
    const y = after.sections[key];
    if (x.text !== y.text)
      changes.push({ kind: "section", path: `sections.${key}.text`, before: x.text, after: y.text });
    if (x.heading !== y.heading)
      changes.push({ kind: "section", path: `sections.${key}.heading`, before: x.heading, after: y.heading });
  }
  for (const field of ["title", "preamble", "closing", "extraMetrics", "footnotes"] as const) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) {
      changes.push({ kind: "envelope", path: field, before: before[field], after: after[field] });
    }
  }
  return changes;
}

export function qualityOf(findings: readonly Finding[]): {
  quality: "ok" | "warnings" | "errors";
  errors: number;
  warnings: number;
} {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  return { quality: errors ? "errors" : warnings ? "warnings" : "ok", errors, warnings };
}

/** All the text of a report, for search and snippets. */
export function reportText(content: Report): string {
  return [content.title ?? "", content.preamble ?? "", ...sectionKeys.map((k) => content.sections[k].text ?? "")].join(
    "\n",
  );
}

export async function writeSearchDocument(
  exec: Executor,
  doc: {
    id: string;
    kind: "agency" | "report";
    agencyId: string;
    reportId: string | null;
    year: number | null;
    title: string;
    body: string;
  },
): Promise<void> {
  await exec.delete(searchDocuments).where(eq(searchDocuments.id, doc.id));
  await exec.execute(sql`
    INSERT INTO search_documents (id, kind, agency_id, report_id, year, title, body, tsv)
    VALUES (${doc.id}, ${doc.kind}, ${doc.agencyId}, ${doc.reportId}, ${doc.year}, ${doc.title}, ${doc.body},
            ${tsvectorFor(`${doc.title}\n${doc.body}`)}::tsvector)`);
}

export interface FreezeInput {
  reportId: string;
  agency: AgencyInfo;
  content: Report;
  previousVersion: { id: number; number: number; content: Report } | null;
  previousYear: Report | null;
  publishedAt: Date;
  publishedBy: string | null;
  signoff: SignOff | null;
  correctionReason: string | null;
  deadlines: import("@gongkai/schema").DeadlineConfig;
}

/**
 * Freeze a version: the immutable row, its findings, the metric rows (replacing the previous
 * version's), the rollups, the search document. Runs inside the caller's transaction.
 */
export async function freezeVersion(
  exec: Executor,
  input: FreezeInput,
): Promise<{ id: number; number: number; findings: Finding[]; hash: string; changes: VersionChange[] }> {
  const { content, agency } = input;
  const findings = validateReport(content, { previous: input.previousYear, deadlines: input.deadlines });
  const q = qualityOf(findings);
  const hash = contentHash(content);
  const number = (input.previousVersion?.number ?? 0) + 1;
  const changes = input.previousVersion ? diffReports(input.previousVersion.content, content) : [];
  const [version] = await exec
    .insert(reportVersions)
    .values({
      reportId: input.reportId,
      number,
      content,
      contentHash: hash,
      publishedAt: input.publishedAt,
      publishedBy: input.publishedBy,
      signoff: input.signoff,
      correctionReason: input.correctionReason,
      changes,
      quality: q.quality,
      errors: q.errors,
      warnings: q.warnings,
    })
    .returning({ id: reportVersions.id });
  if (!version) throw new Error("version insert returned nothing");
  if (findings.length) {
    await bulkInsert(
      exec,
      "report_findings",
      [
        { name: "version_id", type: "int" },
        { name: "rule_id", type: "text" },
        { name: "severity", type: "text" },
        { name: "finding", type: "json" },
      ],
      findings.map((f) => [version.id, f.ruleId, f.severity, JSON.stringify(f)]),
    );
  }
  if (input.previousVersion)
    await exec.delete(reportMetrics).where(eq(reportMetrics.versionId, input.previousVersion.id));
  const { prefecture } = regionAncestors(agency.regionCode);
  const rows = metricRows(content).map(
    (m) =>
      [
        version.id,
        input.reportId,
        agency.id,
        m.metric,
        m.value,
        content.year,
        content.edition,
        agency.regionCode,
        prefecture,
        agency.level,
      ] as const,
  );
  await bulkInsert(exec, "report_metrics", METRIC_COLUMNS, rows);
  const key = rollupKey(agency, content);
  await applyRollups(exec, [
    ...(input.previousVersion
      ? [
          {
            key: rollupKey(agency, input.previousVersion.content),
            contribution: rollupContribution(input.previousVersion.content),
            sign: -1 as const,
          },
        ]
      : []),
    { key, contribution: rollupContribution(content), sign: 1 },
  ]);
  await writeSearchDocument(exec, {
    id: `report:${input.reportId}`,
    kind: "report",
    agencyId: agency.id,
    reportId: input.reportId,
    year: content.year,
    title: content.title ?? `${agency.name}${content.year}年政府信息公开工作年度报告`,
    body: reportText(content),
  });
  await exec
    .update(reports)
    .set({
      state: "published",
      // The draft is now exactly this version: not stored twice.
      content: null,
      latestVersion: number,
      publicationDate: content.publicationDate,
      scheduledAt: null,
      scheduledBy: null,
      scheduledAcknowledgements: null,
      correctionReason: null,
      errors: q.errors,
      warnings: q.warnings,
      lockVersion: sql`${reports.lockVersion} + 1`,
      updatedAt: input.publishedAt,
      updatedBy: input.publishedBy,
    })
    .where(and(eq(reports.id, input.reportId)));
  return { id: version.id, number, findings, hash, changes };
}

export const METRIC_COLUMNS = [
  { name: "version_id", type: "int" },
  { name: "report_id", type: "text" },
  { name: "agency_id", type: "text" },
  { name: "metric", type: "text" },
  { name: "value", type: "numeric" },
  { name: "year", type: "smallint" },
  { name: "edition", type: "smallint" },
  { name: "region_code", type: "text" },
  { name: "prefecture", type: "text" },
  { name: "level", type: "agency_level" },
] as const;
