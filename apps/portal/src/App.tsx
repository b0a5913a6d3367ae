import type { Locale } from "@gongkai/schema/meta";
import { I18nProvider, type MessageBundle } from "@gongkai/ui";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { type ReactNode, StrictMode } from "react";
import { AppProvider } from "./lib/app-context";
import { type PortalTrpc, TrpcProvider } from "./lib/trpc";
import type { PortalRouterInstance } from "./router";

/** One QueryClient per request on the server, one per page load in the browser. */
export function makeQueryClient(where: "server" | "browser"): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Public API answers may be cached for 60 s; do not refetch what the server just rendered.
        staleTime: 60_000,
        // In the browser, retry network trouble but not answers such as 404; on the server, never
        // (the API runs in-process: a failure will not go away in a second).
        retry:
          where === "server"
            ? false
            : (count, error) =>
                count < 2 &&
                !String((error as { data?: { httpStatus?: number } }).data?.httpStatus ?? "").startsWith("4"),
      },
    },
  });
}

export interface AppProps {
  router: PortalRouterInstance;
  queryClient: QueryClient;
  trpc: PortalTrpc;
  locale: Locale;
  messages: MessageBundle;
  setLocale(locale: Locale): void;
  today: string;
  wrap?: (children: ReactNode) => ReactNode;
}

export function App({ router, queryClient, trpc, locale, messages, setLocale, today, wrap = (c) => c }: AppProps) {
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <TrpcProvider trpc={trpc}>
          <AppProvider value={{ locale, setLocale, today }}>
            <I18nProvider locale={locale} messages={messages}>
              {wrap(<RouterProvider router={router} />)}
            </I18nProvider>
          </AppProvider>
        </TrpcProvider>
      </QueryClientProvider>
    </StrictMode>
  );
}
