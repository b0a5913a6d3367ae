import { agencyLevels } from "@gongkai/schema/meta";
import { useI18n } from "@gongkai/ui";
import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  type ErrorComponentProps,
  lazyRouteComponent,
  notFound,
  parseSearchWith,
  type RouterHistory,
  type SearchSchemaInput,
  stringifySearchWith,
  useRouter,
} from "@tanstack/react-router";
import { Layout } from "./components/Layout";
import { ErrorView, NotFoundView } from "./components/Status";
import { usePageHead } from "./lib/head";
import {
  agencyQueries,
  type BrowseSearch,
  browseInput,
  type CompareSearch,
  type ComplianceSearch,
  compareInput,
  compareSearch,
  compareSelection,
  complianceInput,
  homeQueries,
  type MetricsSearch,
  metricsInput,
  reportInput,
  reportSorts,
  searchInput,
} from "./lib/queries";
import { int, isBadRequest, isNotFound, list, oneOf, str } from "./lib/search";
import type { PortalTrpc } from "./lib/trpc";

export interface RouterContext {
  queryClient: QueryClient;
  trpc: PortalTrpc;
  /** Today as the server saw it (ISO date). */
  today: string;
}

/**
 * Loader errors: an API NOT_FOUND becomes the router's not-found page (HTTP 404 on the server).
 * So does BAD_REQUEST: every API input here comes from the URL, and a malformed id names nothing.
 */
async function loading<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (isNotFound(e) || isBadRequest(e)) throw notFound();
    throw e;
  }
}

function RouteError({ reset }: ErrorComponentProps) {
  const router = useRouter();
  return (
    <ErrorView
      reset={() => {
        reset();
        void router.invalidate();
      }}
    />
  );
}

function NotFoundPage() {
  const { t } = useI18n();
  usePageHead({ title: t("notFound.title") });
  return <NotFoundView />;
}

function PendingPage() {
  const { t } = useI18n();
  return (
    <div className="page" role="status" aria-live="polite">
      <p className="pending">{t("loading")}</p>
    </div>
  );
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Layout,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteError,
});

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  loader: ({ context: { queryClient, trpc, today } }) =>
    loading(Promise.all(homeQueries(trpc, today).map((q) => queryClient.ensureQueryData(q as never)))),
  component: lazyRouteComponent(() => import("./pages/home"), "HomePage"),
});

const searchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/search",
  validateSearch: (raw: { q?: string } & SearchSchemaInput): { q: string } => ({ q: str(raw.q) ?? "" }),
  loaderDeps: ({ search }) => search,
  loader: ({ context: { queryClient, trpc }, deps }) =>
    deps.q ? loading(queryClient.ensureQueryData(trpc.search.queryOptions(searchInput(deps.q)))) : undefined,
  component: lazyRouteComponent(() => import("./pages/search"), "SearchRoute"),
});

type BrowseInput = {
  region?: string;
  level?: string;
  year?: number | string;
  edition?: number | string;
  quality?: string;
  sort?: string;
  page?: number | string;
};
const browseRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/browse",
  validateSearch: (raw: BrowseInput & SearchSchemaInput): BrowseSearch => {
    const edition = int(raw.edition);
    const page = int(raw.page);
    return {
      region: str(raw.region)?.match(/^\d{2,6}$/) ? str(raw.region) : undefined,
      level: oneOf(raw.level, agencyLevels),
      year: int(raw.year),
      edition: edition === 2019 || edition === 2021 ? edition : undefined,
      quality: oneOf(raw.quality, ["ok", "warnings", "errors"] as const),
      sort: oneOf(raw.sort, reportSorts),
      page: page && page > 1 ? page : undefined,
    };
  },
  loaderDeps: ({ search }) => search,
  loader: ({ context: { queryClient, trpc }, deps }) =>
    loading(
      Promise.all([
        queryClient.ensureQueryData(trpc.regions.tree.queryOptions()),
        queryClient.ensureQueryData(trpc.reports.list.queryOptions(browseInput(deps))),
      ]),
    ),
  component: lazyRouteComponent(() => import("./pages/browse"), "BrowseRoute"),
});

const agencyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/agencies/$id",
  loader: ({ context: { queryClient, trpc, today }, params }) =>
    loading(Promise.all(agencyQueries(trpc, params.id, today).map((q) => queryClient.ensureQueryData(q as never)))),
  component: lazyRouteComponent(() => import("./pages/agency"), "AgencyRoute"),
});

const reportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/reports/$id",
  validateSearch: (raw: { version?: number | string } & SearchSchemaInput): { version?: number | undefined } => {
    const version = int(raw.version);
    return { version: version && version > 0 ? version : undefined };
  },
  loaderDeps: ({ search }) => search,
  loader: ({ context: { queryClient, trpc }, params, deps }) =>
    loading(queryClient.ensureQueryData(trpc.reports.get.queryOptions(reportInput(params.id, deps.version)))),
  component: lazyRouteComponent(() => import("./pages/report"), "ReportRoute"),
});

type CompareInput = { agencies?: string | string[]; years?: string | number | number[]; metrics?: string | string[] };
const compareRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/compare",
  validateSearch: (raw: CompareInput & SearchSchemaInput): CompareSearch =>
    compareSearch({
      agencies: list(raw.agencies).slice(0, 12),
      years: list(raw.years)
        .map((y) => int(y))
        .filter((y): y is number => y !== undefined && y >= 2000 && y <= 2100)
        .slice(0, 12),
      metrics: list(raw.metrics).slice(0, 20),
    }),
  loaderDeps: ({ search }) => search,
  loader: ({ context: { queryClient, trpc, today }, deps }) => {
    const input = compareInput(compareSelection(deps), today);
    return loading(
      Promise.all([
        queryClient.ensureQueryData(trpc.metrics.catalog.queryOptions()),
        input.agencyIds.length ? queryClient.ensureQueryData(trpc.metrics.compare.queryOptions(input)) : undefined,
      ]),
    );
  },
  component: lazyRouteComponent(() => import("./pages/compare"), "CompareRoute"),
});

type MetricsInput = { metric?: string; groupBy?: string; region?: string; level?: string; year?: number | string };
const metricsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/metrics",
  validateSearch: (raw: MetricsInput & SearchSchemaInput): MetricsSearch => ({
    metric: str(raw.metric),
    groupBy: oneOf(raw.groupBy, ["year", "region", "level"] as const),
    region: str(raw.region)?.match(/^\d{2,6}$/) ? str(raw.region) : undefined,
    level: oneOf(raw.level, agencyLevels),
    year: int(raw.year),
  }),
  loaderDeps: ({ search }) => search,
  loader: ({ context: { queryClient, trpc }, deps }) =>
    loading(
      Promise.all([
        queryClient.ensureQueryData(trpc.metrics.catalog.queryOptions()),
        queryClient.ensureQueryData(trpc.metrics.series.queryOptions(metricsInput(deps))),
      ]),
    ),
  component: lazyRouteComponent(() => import("./pages/metrics"), "MetricsRoute"),
});

const complianceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/compliance",
  validateSearch: (raw: { year?: number | string; region?: string } & SearchSchemaInput): ComplianceSearch => ({
    year: int(raw.year),
    region: str(raw.region)?.match(/^\d{2,6}$/) ? str(raw.region) : undefined,
  }),
  loaderDeps: ({ search }) => search,
  loader: ({ context: { queryClient, trpc, today }, deps }) =>
    loading(queryClient.ensureQueryData(trpc.compliance.summary.queryOptions(complianceInput(deps, today)))),
  component: lazyRouteComponent(() => import("./pages/compliance"), "ComplianceRoute"),
});

const dataRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/data",
  loader: ({ context: { queryClient, trpc } }) =>
    loading(queryClient.ensureQueryData(trpc.metrics.catalog.queryOptions())),
  component: lazyRouteComponent(() => import("./pages/data"), "DataPage"),
});

/** The module each route's page lives in: the server preloads the one it renders. */
export const routeModules: Record<string, string> = {
  "/": "src/pages/home.tsx",
  "/search": "src/pages/search.tsx",
  "/browse": "src/pages/browse.tsx",
  "/agencies/$id": "src/pages/agency.tsx",
  "/reports/$id": "src/pages/report.tsx",
  "/compare": "src/pages/compare.tsx",
  "/metrics": "src/pages/metrics.tsx",
  "/compliance": "src/pages/compliance.tsx",
  "/data": "src/pages/data.tsx",
};

export const routeTree = rootRoute.addChildren([
  homeRoute,
  searchRoute,
  browseRoute,
  agencyRoute,
  reportRoute,
  compareRoute,
  metricsRoute,
  complianceRoute,
  dataRoute,
]);

export function createPortalRouter(context: RouterContext, history: RouterHistory, where: "server" | "browser") {
  return createRouter({
    routeTree,
    context,
    history,
    // Said outright rather than guessed from the environment (tests run server code beside a DOM).
    isServer: where === "server",
    // Plain query strings (?region=51&years=2019,2020): every value is a string, and the
    // validators above read numbers and lists out of it. (The default JSON encoding would turn
    // region "51" into ?region=%2251%22.)
    parseSearch: parseSearchWith((value) => value),
    stringifySearch: stringifySearchWith(JSON.stringify),
    // The query cache decides freshness; the router always asks it.
    defaultPreload: "intent",
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PendingPage,
    defaultPendingMs: 300,
    // In the browser only: on the server it would render an inline script, which our CSP refuses.
    scrollRestoration: where === "browser",
  });
}

export type PortalRouterInstance = ReturnType<typeof createPortalRouter>;

declare module "@tanstack/react-router" {
  interface Register {
    router: PortalRouterInstance;
  }
}
