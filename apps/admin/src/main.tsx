import type { Locale } from "@gongkai/schema/meta";
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { isUnauthorized } from "./lib/errors";
import { storedLocale, storeLocale } from "./lib/settings";
import { createAdminTrpc } from "./lib/trpc";
import { createAdminRouter } from "./router";
import "@gongkai/ui/styles.css";
import "./styles.css";

// An expired session, wherever it shows up, sends the user to sign in and back (unsaved draft
// edits are kept in this browser by the editor and restored afterwards).
const onError = (error: unknown) => {
  // Only a session that existed can expire; a first visit is sent to sign in by the router.
  const wasSignedIn = queryClient.getQueryData(trpc.me.queryKey()) !== undefined;
  if (isUnauthorized(error) && wasSignedIn && !window.location.pathname.startsWith("/admin/sign-in")) {
    const next = window.location.pathname.replace(/^\/admin/, "") + window.location.search;
    queryClient.removeQueries({ queryKey: trpc.me.queryKey() });
    void router.navigate({ to: "/sign-in", search: { next: next || "/", expired: "1" } });
  }
};
const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      retry: (count, error) =>
        count < 2 && !String((error as { data?: { httpStatus?: number } }).data?.httpStatus ?? "").startsWith("4"),
    },
  },
});
const trpc = createAdminTrpc(queryClient);
const router = createAdminRouter({ queryClient, trpc });

let locale: Locale = storedLocale();
storeLocale(locale);
const root = createRoot(document.getElementById("root") as HTMLElement);
const render = () =>
  root.render(
    <App
      router={router}
      queryClient={queryClient}
      trpc={trpc}
      locale={locale}
      setLocale={(next) => {
        locale = next;
        storeLocale(next);
        render();
      }}
    />,
  );
render();
