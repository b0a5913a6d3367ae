import { useI18n } from "@gongkai/ui";
import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  type ErrorComponentProps,
  lazyRouteComponent,
  Outlet,
  parseSearchWith,
  redirect,
  type SearchSchemaInput,
  stringifySearchWith,
  useRouter,
} from "@tanstack/react-router";
import { Button, Result } from "antd";
import { Shell } from "./components/Shell";
import { describeError, isNotFound, isUnauthorized } from "./lib/errors";
import type { AdminTrpc } from "./lib/trpc";

export interface RouterContext {
  queryClient: QueryClient;
  trpc: AdminTrpc;
}

const str = (v: unknown) =>
  typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : undefined;
const int = (v: unknown) => {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : Number.NaN;
  return Number.isInteger(n) ? n : undefined;
};

function NotFound() {
  const { t } = useI18n();
  const router = useRouter();
  return (
    <Result
      status="404"
      title={t("notFound.title")}
      subTitle={t("notFound.body")}
      extra={
        <Button type="primary" onClick={() => void router.navigate({ to: "/" })}>
          {t("notFound.home")}
        </Button>
      }
    />
  );
}

function RouteError({ error, reset }: ErrorComponentProps) {
  const { t, locale } = useI18n();
  const router = useRouter();
  if (isNotFound(error)) return <NotFound />;
  return (
    <Result
      status="error"
      title={t("error.title")}
      subTitle={describeError(error, locale)}
      extra={
        <Button
          type="primary"
          onClick={() => {
            reset();
            void router.invalidate();
          }}
        >
          {t("error.retry")}
        </Button>
      }
    />
  );
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
  errorComponent: RouteError,
});

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in",
  validateSearch: (
    raw: { next?: string; expired?: string | number } & SearchSchemaInput,
  ): { next?: string | undefined; expired?: string | undefined } => ({
    // Only paths inside the console: never an open redirect.
    next: str(raw.next)?.startsWith("/") && !str(raw.next)?.startsWith("//") ? str(raw.next) : undefined,
    expired: String(raw.expired) === "1" ? "1" : undefined,
  }),
  component: lazyRouteComponent(() => import("./pages/SignIn"), "SignInPage"),
});

/** Everything else needs a session: no session → sign in, then come back here. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  beforeLoad: async ({ context, location }) => {
    try {
      const me = await context.queryClient.ensureQueryData(context.trpc.me.queryOptions());
      return { me };
    } catch (e) {
      if (isUnauthorized(e)) {
        const next = location.href.replace(/^\/admin(?=\/|$)/, "") || "/";
        throw redirect({ to: "/sign-in", search: { next } });
      }
      throw e;
    }
  },
  component: Shell,
  notFoundComponent: NotFound,
  errorComponent: RouteError,
});

const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/",
  component: lazyRouteComponent(() => import("./pages/Dashboard"), "DashboardPage"),
});

export const newReportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/reports/new",
  validateSearch: (
    raw: { agency?: string; year?: number | string } & SearchSchemaInput,
  ): { agency?: string | undefined; year?: number | undefined } => ({
    agency: str(raw.agency),
    year: int(raw.year),
  }),
  component: lazyRouteComponent(() => import("./pages/NewReport"), "NewReportPage"),
});

export const reportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/reports/$id",
  validateSearch: (
    raw: { cell?: string; tab?: string } & SearchSchemaInput,
  ): { cell?: string | undefined; tab?: "edit" | "history" | undefined } => ({
    cell: str(raw.cell),
    tab: raw.tab === "history" ? "history" : undefined,
  }),
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(context.trpc.reports.get.queryOptions({ id: params.id })),
  component: lazyRouteComponent(() => import("./pages/ReportEditor"), "ReportEditorPage"),
});

export const importsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/imports",
  component: lazyRouteComponent(() => import("./pages/Imports"), "ImportsPage"),
});

const yearRegionSearch = (
  raw: { year?: number | string; region?: string } & SearchSchemaInput,
): { year?: number | undefined; region?: string | undefined } => ({
  year: int(raw.year),
  region: str(raw.region)?.match(/^\d{2,6}$/) ? str(raw.region) : undefined,
});

export const complianceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/compliance",
  validateSearch: yearRegionSearch,
  component: lazyRouteComponent(() => import("./pages/Compliance"), "CompliancePage"),
});

export const qualityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/quality",
  validateSearch: yearRegionSearch,
  component: lazyRouteComponent(() => import("./pages/Quality"), "QualityPage"),
});

export const agenciesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/agencies",
  validateSearch: (
    raw: { q?: string; page?: number | string } & SearchSchemaInput,
  ): { q?: string | undefined; page?: number | undefined } => ({
    q: str(raw.q),
    page: int(raw.page),
  }),
  component: lazyRouteComponent(() => import("./pages/Agencies"), "AgenciesPage"),
});

export const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/users",
  validateSearch: (
    raw: { q?: string; page?: number | string } & SearchSchemaInput,
  ): { q?: string | undefined; page?: number | undefined } => ({
    q: str(raw.q),
    page: int(raw.page),
  }),
  component: lazyRouteComponent(() => import("./pages/Users"), "UsersPage"),
});

export const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/audit",
  validateSearch: (
    raw: {
      actor?: string;
      action?: string;
      entity?: string;
      from?: string;
      to?: string;
      page?: number | string;
    } & SearchSchemaInput,
  ): {
    actor?: string | undefined;
    action?: string | undefined;
    entity?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    page?: number | undefined;
  } => ({
    actor: str(raw.actor),
    action: str(raw.action),
    entity: str(raw.entity),
    from: str(raw.from)?.match(/^\d{4}-\d{2}-\d{2}$/) ? str(raw.from) : undefined,
    to: str(raw.to)?.match(/^\d{4}-\d{2}-\d{2}$/) ? str(raw.to) : undefined,
    page: int(raw.page),
  }),
  component: lazyRouteComponent(() => import("./pages/Audit"), "AuditPage"),
});

export const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([
    dashboardRoute,
    newReportRoute,
    reportRoute,
    importsRoute,
    complianceRoute,
    qualityRoute,
    agenciesRoute,
    usersRoute,
    auditRoute,
  ]),
]);

export function createAdminRouter(context: RouterContext) {
  return createRouter({
    routeTree,
    context,
    basepath: "/admin",
    // Plain query strings (?year=2024&region=51), read by the validators above.
    parseSearch: parseSearchWith((value) => value),
    stringifySearch: stringifySearchWith(JSON.stringify),
    defaultPreload: "intent",
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}
export type AdminRouterInstance = ReturnType<typeof createAdminRouter>;

declare module "@tanstack/react-router" {
  interface Register {
    router: AdminRouterInstance;
  }
}
