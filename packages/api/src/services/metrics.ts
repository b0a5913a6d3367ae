import {
  agencies,
  and,
  eq,
  inArray,
  regions,
  reportMetrics,
  reports,
  reportVersions,
  type SQL,
  sql,
} from "@gongkai/db";
import {
  type AgencyLevel,
  addDecimals,
  agencyLevelLabels,
  type Edition,
  type MetricCompare,
  type MetricCompareInput,
  type MetricDef,
  type MetricInfo,
  type MetricSeries,
  type MetricSeriesInput,
  metricCatalogue,
  metricDef,
} from "@gongkai/schema";
import type { Context } from "../context";
import { badRequest } from "../errors";

export function metricInfo(m: MetricDef): MetricInfo {
  return {
    key: m.key,
    kind: m.kind,
    label: m.label,
    description: m.description,
    unit: m.unit,
    table: m.table,
    editions: [...m.editions],
    comparability: m.comparability,
    comparabilityNote: m.comparabilityNote ?? null,
    counterpart: m.counterpart ?? null,
    aggregation: m.aggregation,
  };
}

export function metricsCatalog(): MetricInfo[] {
  return metricCatalogue().map(metricInfo);
}

function requireMetric(key: string): MetricDef {
  const def = metricDef(key);
  if (!def) throw badRequest(`Unknown metric "${key}"`, `未知指标“${key}”`, { metric: key });
  return def;
}

/** The stored metrics a metric is computed from: itself for sums, the numerator/denominator terms for ratios. */
function parts(def: MetricDef): { num: Set<string>; den: Set<string> } {
  if (def.aggregation === "sum") return { num: new Set([def.key]), den: new Set() };
  const num = new Set<string>();
  const den = new Set<string>();
  for (const f of Object.values(def.formula)) {
    if (f?.op !== "ratio") continue;
    for (const t of f.numerator) num.add(t);
    for (const t of f.denominator) den.add(t);
  }
  return { num, den };
}

interface Group {
  key: string;
  reportsByEdition: Map<number, number>;
  sums: Map<string, number | string>;
  blanks: Map<string, number>;
}

const toNumber = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

export async function metricSeries({
  ctx,
  input,
}: {
  ctx: Context;
  input: MetricSeriesInput & { groupBy: "year" | "region" | "level" };
}): Promise<MetricSeries> {
  const def = requireMetric(input.metric);
  const db = ctx.deps.db.readDb;
  const { num, den } = parts(def);
  const wanted = [...new Set([...num, ...den, "_reports"])];
  const prefix = input.regionPrefix;
  const countyLevel = input.groupBy === "region" && prefix !== undefined && prefix.length >= 4;
  const filters = (cols: { year: SQL; level: SQL; edition: SQL; kind: SQL | null; region: SQL }) =>
    sql.join(
      [
        input.years?.length ? sql`${cols.year} = ANY(${`{${input.years.join(",")}}`}::smallint[])` : null,
        input.level ? sql`${cols.level} = ${input.level}` : null,
        input.kind && cols.kind ? sql`${cols.kind} = ${input.kind}` : null,
        input.edition ? sql`${cols.edition} = ${input.edition}` : null,
        prefix ? sql`${cols.region} LIKE ${`${prefix}%`}` : null,
      ]
        .filter((x): x is SQL => x !== null)
        .map((x) => sql`AND ${x}`),
      sql` `,
    );
  const groups = new Map<string, Group>();
  const group = (g: string) => {
    const cur = groups.get(g) ?? { key: g, reportsByEdition: new Map(), sums: new Map(), blanks: new Map() };
    groups.set(g, cur);
    return cur;
  };
  const addRow = (r: { g: string; metric: string; edition: number; s: string | null; b: number; r: number }) => {
    const cur = group(r.g);
    const edition = Number(r.edition);
    if (r.metric === "_reports") {
      cur.reportsByEdition.set(edition, (cur.reportsByEdition.get(edition) ?? 0) + toNumber(r.r));
      return;
    }
    const prev = cur.sums.get(r.metric);
    cur.sums.set(
      r.metric,
      def.decimal && r.metric === def.key
        ? addDecimals([String(prev ?? "0"), r.s ?? "0"])
        : toNumber(prev) + toNumber(r.s),
    );
    cur.blanks.set(r.metric, (cur.blanks.get(r.metric) ?? 0) + toNumber(r.b));
  };
  const metricsArray = `{${wanted.join(",")}}`;
  if (!countyLevel) {
    const groupExpr =
      input.groupBy === "year"
        ? sql`year::text`
        : input.groupBy === "level"
          ? sql`level::text`
          : prefix
            ? sql`prefecture`
            : sql`substr(prefecture, 1, 2) || '0000'`;
    const result = await db.execute(sql`
      SELECT ${groupExpr} AS g, metric, edition, sum(sum)::text AS s, sum(blanks)::int AS b, sum(reports)::int AS r
      FROM metric_rollups
      WHERE metric = ANY(${metricsArray}::text[])
      ${filters({ year: sql`year`, level: sql`level`, edition: sql`edition`, kind: sql`kind`, region: sql`prefecture` })}
      GROUP BY g, metric, edition`);
    for (const r of rowsOf<{ g: string; metric: string; edition: number; s: string; b: number; r: number }>(result))
      addRow(r);
  } else {
    // Inside one prefecture: group by the agencies' own region codes, from the narrow table.
    const values = await db.execute(sql`
      SELECT m.region_code AS g, m.metric, m.edition, sum(m.value)::text AS s, count(*) FILTER (WHERE m.value IS NULL)::int AS b, 0 AS r
      FROM report_metrics m
      WHERE m.metric = ANY(${metricsArray}::text[])
      ${filters({ year: sql`m.year`, level: sql`m.level`, edition: sql`m.edition`, kind: null, region: sql`m.region_code` })}
      GROUP BY g, m.metric, m.edition`);
    const counts = await db.execute(sql`
      SELECT a.region_code AS g, '_reports' AS metric, r.edition, '0' AS s, 0 AS b, count(*)::int AS r
      FROM reports r JOIN agencies a ON a.id = r.agency_id
      WHERE r.latest_version > 0
      ${filters({ year: sql`r.year`, level: sql`a.level`, edition: sql`r.edition`, kind: sql`a.kind`, region: sql`a.region_code` })}
      GROUP BY g, r.edition`);
    for (const r of rowsOf<{ g: string; metric: string; edition: number; s: string | null; b: number; r: number }>(
      counts,
    ))
      addRow(r);
    for (const r of rowsOf<{ g: string; metric: string; edition: number; s: string | null; b: number; r: number }>(
      values,
    ))
      addRow(r);
  }
  /** Reports in the group whose edition has the metric, less those that left it blank. */
  const stated = (g: Group, metric: string) => {
    const md = metricDef(metric);
    let n = 0;
    for (const [edition, count] of g.reportsByEdition) if (md?.formula[edition as Edition]) n += count;
    return Math.max(0, n - (g.blanks.get(metric) ?? 0));
  };
  const labels = await groupLabels(ctx, input.groupBy, [...groups.keys()]);
  const points = [...groups.values()]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((g) => {
      const reportsN = [...g.reportsByEdition.values()].reduce((a, b) => a + b, 0);
      let value: number | string | null;
      let withValue: number;
      if (def.aggregation === "sum") {
        withValue = stated(g, def.key);
        value = withValue === 0 ? null : (g.sums.get(def.key) ?? (def.decimal ? "0" : 0));
      } else {
        const n = [...num].reduce((acc, k) => acc + toNumber(g.sums.get(k)), 0);
        const d = [...den].reduce((acc, k) => acc + toNumber(g.sums.get(k)), 0);
        withValue = Math.min(...[...den].map((k) => stated(g, k)));
        value = d === 0 || withValue === 0 ? null : n / d;
      }
      return {
        key: g.key,
        label: labels.get(g.key) ?? { zh: g.key, en: g.key },
        value,
        reports: reportsN,
        reportsWithValue: withValue,
      };
    });
  return { metric: metricInfo(def), groupBy: input.groupBy, points };
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

async function groupLabels(ctx: Context, groupBy: string, keys: string[]) {
  const out = new Map<string, { zh: string; en: string }>();
  if (groupBy === "year") for (const k of keys) out.set(k, { zh: `${k}年`, en: k });
  else if (groupBy === "level")
    for (const k of keys) out.set(k, agencyLevelLabels[k as AgencyLevel] ?? { zh: k, en: k });
  else if (keys.length) {
    const rows = await ctx.deps.db.readDb
      .select({ code: regions.code, name: regions.name })
      .from(regions)
      .where(inArray(regions.code, keys));
    for (const r of rows) out.set(r.code, { zh: r.name, en: r.name });
  }
  return out;
}

export async function metricCompare({
  ctx,
  input,
}: {
  ctx: Context;
  input: MetricCompareInput;
}): Promise<MetricCompare> {
  const defs = input.metrics.map(requireMetric);
  const db = ctx.deps.db.readDb;
  const wanted = [...new Set(defs.flatMap((d) => [...parts(d).num, ...parts(d).den]))];
  const agencyRows = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(inArray(agencies.id, input.agencyIds));
  const reportRows = await db
    .select({
      id: reports.id,
      agencyId: reports.agencyId,
      year: reports.year,
      edition: reports.edition,
      versionId: reportVersions.id,
    })
    .from(reports)
    .innerJoin(
      reportVersions,
      and(eq(reportVersions.reportId, reports.id), eq(reportVersions.number, reports.latestVersion)),
    )
    .where(and(inArray(reports.agencyId, input.agencyIds), inArray(reports.year, input.years)));
  const valueRows = reportRows.length
    ? await db
        .select({ reportId: reportMetrics.reportId, metric: reportMetrics.metric, value: reportMetrics.value })
        .from(reportMetrics)
        .where(
          and(
            inArray(
              reportMetrics.versionId,
              reportRows.map((r) => r.versionId),
            ),
            inArray(reportMetrics.metric, wanted),
          ),
        )
    : [];
  const stored = new Map(valueRows.map((v) => [`${v.reportId}|${v.metric}`, v.value]));
  const names = new Map(agencyRows.map((a) => [a.id, a.name]));
  const rows = [];
  for (const agencyId of input.agencyIds) {
    if (!names.has(agencyId)) continue;
    for (const year of input.years) {
      const report = reportRows.find((r) => r.agencyId === agencyId && r.year === year);
      const read = (metric: string): number | string | null => {
        if (!report || !metricDef(metric)?.formula[report.edition]) return null;
        const key = `${report.id}|${metric}`;
        if (!stored.has(key)) return metricDef(metric)?.decimal ? "0" : 0;
        const v = stored.get(key);
        return v === null || v === undefined ? null : metricDef(metric)?.decimal ? v : Number(v);
      };
      const values: Record<string, number | string | null> = {};
      for (const d of defs) {
        if (!report || !d.formula[report.edition]) {
          values[d.key] = null;
        } else if (d.aggregation === "sum") {
          values[d.key] = read(d.key);
        } else {
          const f = d.formula[report.edition];
          if (f?.op !== "ratio") continue;
          const n = f.numerator.map(read);
          const den = f.denominator.map(read);
          const dv = den.reduce<number>((s, v) => s + Number(v ?? 0), 0);
          values[d.key] =
            den.every((v) => v === null) || n.every((v) => v === null) || dv === 0
              ? null
              : n.reduce<number>((s, v) => s + Number(v ?? 0), 0) / dv;
        }
      }
      rows.push({
        agencyId,
        agencyName: names.get(agencyId) ?? agencyId,
        year,
        reportId: report?.id ?? null,
        edition: report?.edition ?? null,
        values,
      });
    }
  }
  return { metrics: defs.map(metricInfo), rows };
}
