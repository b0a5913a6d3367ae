import type { Locale } from "@gongkai/schema/meta";
import { dehydrate } from "@tanstack/react-query";
import { createMemoryHistory } from "@tanstack/react-router";
import type { AnyTRPCRouter } from "@trpc/server";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { renderToString } from "react-dom/server";
import { App, makeQueryClient } from "./App";
import type { PortalRouter } from "./lib/api-types";
import { type Head, HeadCollector, headHtml } from "./lib/head";
import { zhMessages } from "./lib/messages";
import { enMessages } from "./lib/messages.en";
import { createPortalRouter, routeModules } from "./router";
import { serializeState } from "./state";

export interface RenderInput {
  /** Path and query of the request, e.g. "/reports/abc?version=2". */
  url: string;
  /** The portal tRPC router and a context for this request: queries run in-process, not over HTTP. */
  api: { router: AnyTRPCRouter; ctx: unknown };
  locale: Locale;
  today: string;
  /** Vite's build manifest: the page's own chunks are preloaded instead of discovered late. */
  manifest?: Record<string, { file: string; imports?: string[]; css?: string[] }> | undefined;
}

export interface RenderResult {
  status: 200 | 302 | 404 | 500;
  /** With status 302: where the page lives (the router's canonical form of the URL). */
  location?: string;
  /** Goes into <!--app-head-->. */
  head: string;
  /** Goes into <div id="root">. */
  html: string;
  /** A <script> with the dehydrated query cache, for <!--app-state-->. */
  state: string;
}

/** Server-side rendering of one portal page with the same components the browser hydrates. */
export async function render({ url, api, locale, today, manifest }: RenderInput): Promise<RenderResult> {
  const queryClient = makeQueryClient("server");
  const trpc = createTRPCOptionsProxy<PortalRouter>({
    router: api.router as PortalRouter,
    ctx: api.ctx as never,
    queryClient,
  });
  const router = createPortalRouter(
    { queryClient, trpc, today },
    createMemoryHistory({ initialEntries: [url] }),
    "server",
  );
  await router.load();
  const redirect = (
    router as unknown as {
      _serverResult?: { type: string; redirect?: { headers?: Headers; options?: { href?: string } } };
    }
  )._serverResult;
  if (redirect?.type === "redirect") {
    const location = redirect.redirect?.headers?.get("Location") ?? redirect.redirect?.options?.href ?? "/";
    return { status: 302, location, head: "", html: "", state: "" };
  }
  const matches = router.state.matches;
  // A loader's notFound() marks the match that shows the not-found page (here the root) with _notFound.
  const notFound = matches.some((m) => m.status === "notFound" || Boolean((m as { _notFound?: unknown })._notFound));
  const status = notFound ? 404 : matches.some((m) => m.status === "error") ? 500 : 200;
  const head: Head = {};
  const html = renderToString(
    <App
      router={router}
      queryClient={queryClient}
      trpc={trpc}
      locale={locale}
      messages={{ zh: zhMessages, en: enMessages }}
      setLocale={() => {}}
      today={today}
      wrap={(children) => <HeadCollector head={head}>{children}</HeadCollector>}
    />,
  );
  const state = serializeState({ locale, today, queries: dehydrate(queryClient) });
  queryClient.clear();
  const page = matches.map((m) => routeModules[m.routeId]).findLast((m) => m !== undefined);
  return {
    status,
    head: headHtml(head) + preloads(manifest, page),
    html,
    state: `<script id="gk-state" type="application/json">${state}</script>`,
  };
}

/** <link rel=modulepreload> for a page module's chunk and everything it imports. */
function preloads(manifest: RenderInput["manifest"], page: string | undefined): string {
  if (!manifest || !page || !manifest[page]) return "";
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const i of chunk.imports ?? []) visit(i);
  };
  visit(page);
  return [...files].map((f) => `<link rel="modulepreload" crossorigin href="/${f}" />`).join("");
}
