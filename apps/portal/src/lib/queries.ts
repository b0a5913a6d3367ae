import type { agencyLevels } from "@gongkai/schema/meta";
import { latestYear } from "./app-context";
import type { PortalTrpc } from "./trpc";

/**
 * What each page asks the API for, as a function of its URL. Route loaders (server and browser)
 * and the pages themselves call the same functions, so the prefetched query is the one rendered.
 * Kept apart from the pages so that pages can be code-split.
 */

export const reportSorts = ["year_desc", "year_asc", "agency", "published_desc", "quality"] as const;
export interface BrowseSearch {
  region?: string | undefined;
  level?: (typeof agencyLevels)[number] | undefined;
  year?: number | undefined;
  edition?: 2019 | 2021 | undefined;
  quality?: "ok" | "warnings" | "errors" | undefined;
  sort?: (typeof reportSorts)[number] | undefined;
  page?: number | undefined;
}

export const browseInput = (s: BrowseSearch) => ({
  regionPrefix: s.region,
  level: s.level,
  year: s.year,
  edition: s.edition,
  quality: s.quality,
  sort: s.sort ?? "year_desc",
  page: s.page ?? 1,
  pageSize: 25,
});

/** The compare view in its URL form: comma-separated lists (?agencies=a,b&years=2019,2020). */
export interface CompareSearch {
  agencies?: string | undefined;
  years?: string | undefined;
  metrics?: string | undefined;
}
export interface CompareSelection {
  agencies: string[];
  years: number[];
  metrics: string[];
}
const commaList = (v: string | undefined) => (v ? v.split(",").filter(Boolean) : []);
export const compareSelection = (s: CompareSearch): CompareSelection => ({
  agencies: commaList(s.agencies),
  years: commaList(s.years).map(Number),
  metrics: commaList(s.metrics),
});
export const compareSearch = (s: CompareSelection): CompareSearch => ({
  agencies: s.agencies.join(",") || undefined,
  years: s.years.join(",") || undefined,
  metrics: s.metrics.join(",") || undefined,
});
export const defaultCompareMetrics = [
  "t3.newReceived.total",
  "derived.grantedShare",
  "derived.notHeldShare",
  "derived.reviewAndLitigation",
];
export const compareInput = (s: CompareSelection, today: string) => ({
  agencyIds: s.agencies,
  years: s.years.length ? s.years : [latestYear(today)],
  metrics: s.metrics.length ? s.metrics : defaultCompareMetrics,
});

export interface ComplianceSearch {
  year?: number | undefined;
  region?: string | undefined;
}
export const complianceInput = (s: ComplianceSearch, today: string) => ({
  year: s.year ?? latestYear(today),
  regionPrefix: s.region,
});

export interface MetricsSearch {
  metric?: string | undefined;
  groupBy?: "year" | "region" | "level" | undefined;
  region?: string | undefined;
  level?: (typeof agencyLevels)[number] | undefined;
  year?: number | undefined;
}
export const metricsInput = (s: MetricsSearch) => ({
  metric: s.metric ?? "t3.newReceived.total",
  groupBy: s.groupBy ?? "year",
  regionPrefix: s.region,
  level: s.level,
  years: s.year ? [s.year] : undefined,
});

export const agencyTrendMetrics = [
  "t3.newReceived.total",
  "derived.grantedInFullOrPart",
  "derived.reviewAndLitigation",
] as const;
const years = (today: string) => Array.from({ length: latestYear(today) - 2018 }, (_, i) => 2019 + i);

export const agencyQueries = (trpc: PortalTrpc, id: string, today: string) =>
  [
    trpc.agencies.byId.queryOptions({ id }),
    trpc.reports.list.queryOptions({ agencyId: id, pageSize: 50, sort: "year_desc" }),
    trpc.metrics.compare.queryOptions({ agencyIds: [id], years: years(today), metrics: [...agencyTrendMetrics] }),
  ] as const;

export const homeQueries = (trpc: PortalTrpc, today: string) => {
  const year = latestYear(today);
  return [
    trpc.compliance.summary.queryOptions({ year }),
    trpc.metrics.series.queryOptions({ metric: "t3.newReceived.total", groupBy: "year" }),
    trpc.metrics.series.queryOptions({ metric: "derived.grantedShare", groupBy: "year" }),
    trpc.reports.list.queryOptions({ sort: "published_desc", pageSize: 8 }),
  ] as const;
};

export const searchInput = (q: string) => ({ q, limit: 30 });
export const reportInput = (id: string, version: number | undefined) => (version ? { id, version } : { id });
