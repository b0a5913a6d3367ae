import { agencies, and, inArray, regions, reportMetrics, reports, type SQL, sql } from "@gongkai/db";
import {
  type AgencyLevel,
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
  sums: Map<string, number | string>;
  ns: Map<string, number>;
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
  const add = (g: string, metric: string, s: unknown, n: unknown) => {
    const cur = groups.get(g) ?? { key: g, sums: new Map(), ns: new Map() };
    cur.sums.set(metric, def.decimal && metric === def.key ? String(s ?? "0") : toNumber(s));
    cur.ns.set(metric, toNumber(n));
    groups.set(g, cur);
  };
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
      SELECT ${groupExpr} AS g, metric, sum(sum)::text AS s, sum(n)::int AS n
      FROM metric_rollups
      WHERE metric = ANY(${`{${wanted.join(",")}}`}::text[])
      ${filters({ year: sql`year`, level: sql`level`, edition: sql`edition`, kind: sql`kind`, region: sql`prefecture` })}
      GROUP BY g, metric`);
    for (const r of (result as unknown as { rows: { g: string; metric: string; s: string; n: number }[] }).rows)
      add(r.g, r.metric, r.s, r.n);
  } else {
    // Inside one prefecture: group by the agencies' own region codes, from the narrow table.
    const valueRows = await db.execute(sql`
      SELECT m.region_code AS g, m.metric, sum(m.value)::text AS s, count(*) FILTER (WHERE m.value IS NULL)::int AS blanks
      FROM report_metrics m
      WHERE m.metric = ANY(${`{${wanted.join(",")}}`}::text[])
      ${filters({ year: sql`m.year`, level: sql`m.level`, edition: sql`m.edition`, kind: null, region: sql`m.region_code` })}
      GROUP BY g, m.metric`);
    const reportRows = await db.execute(sql`
      SELECT a.region_code AS g, r.edition, count(*)::int AS n
      FROM reports r JOIN agencies a ON a.id = r.agency_id
      WHERE r.latest_version > 0
      ${filters({ year: sql`r.year`, level: sql`a.level`, edition: sql`r.edition`, kind: sql`a.kind`, region: sql`a.region_code` })}
      GROUP BY g, r.edition`);
    const reportsBy = new Map<string, Map<number, number>>();
    for (const r of (reportRows as unknown as { rows: { g: string; edition: number; n: number }[] }).rows) {
      const m = reportsBy.get(r.g) ?? new Map<number, number>();
      m.set(Number(r.edition), r.n);
      reportsBy.set(r.g, m);
    }
    for (const [g, byEdition] of reportsBy) {
      const total = [...byEdition.values()].reduce((a, b) => a + b, 0);
      add(g, "_reports", 0, total);
      for (const metric of wanted) {
        if (metric === "_reports") continue;
        const md = metricDef(metric);
        const withEdition = [...byEdition].filter(([e]) => md?.formula[e as Edition]).reduce((a, [, n]) => a + n, 0);
        add(g, metric, 0, withEdition);
      }
    }
    for (const r of (
      valueRows as unknown as { rows: { g: string; metric: string; s: string | null; blanks: number }[] }
    ).rows) {
      const cur = groups.get(r.g);
      if (!cur) continue;
      cur.sums.set(r.metric, def.decimal && r.metric === def.key ? (r.s ?? "0") : toNumber(r.s));
      cur.ns.set(r.metric, (cur.ns.get(r.metric) ?? 0) - r.blanks);
    }
  }
  const labels = await groupLabels(ctx, input.groupBy, [...groups.keys()]);
  const points = [...groups.values()]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((g) => {
      const reportsN = g.ns.get("_reports") ?? 0;
      let value: number | string | null;
      let withValue: number;
      if (def.aggregation === "sum") {
        withValue = g.ns.get(def.key) ?? 0;
        value = withValue === 0 ? null : (g.sums.get(def.key) ?? 0);
      } else {
        const n = [...num].reduce((s, k) => s + toNumber(g.sums.get(k)), 0);
        const d = [...den].reduce((s, k) => s + toNumber(g.sums.get(k)), 0);
        withValue = Math.min(...[...den].map((k) => g.ns.get(k) ?? 0));
        value = d === 0 || withValue === 0 ? null : n / d;
      }
      return {
        key: g.key,
        label: labels.get(g.key) ?? { zh: g.key, en: g.key },
        value,
        reports: reportsN,
        reportsWithValue: Math.max(0, withValue),
      };
    });
  return { metric: metricInfo(def), groupBy: input.groupBy, points };
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
    .select({ id: reports.id, agencyId: reports.agencyId, year: reports.year, edition: reports.edition })
    .from(reports)
    .where(
      and(
        inArray(reports.agencyId, input.agencyIds),
        inArray(reports.year, input.years),
        sql`${reports.latestVersion} > 0`,
      ),
    );
  const valueRows = reportRows.length
    ? await db
        .select({ reportId: reportMetrics.reportId, metric: reportMetrics.metric, value: reportMetrics.value })
        .from(reportMetrics)
        .where(
          and(
            inArray(
              reportMetrics.reportId,
              reportRows.map((r) => r.id),
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
