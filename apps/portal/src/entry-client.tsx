import type { Locale } from "@gongkai/schema/meta";
import { hydrate } from "@tanstack/react-query";
import { createBrowserHistory } from "@tanstack/react-router";
import { createRoot, hydrateRoot, type Root } from "react-dom/client";
import { App, makeQueryClient } from "./App";
import { LANG_COOKIE } from "./lib/app-context";
import { loadMessages, messageBundle } from "./lib/locale";
import { browserTrpc } from "./lib/trpc";
import { createPortalRouter } from "./router";
import { readState } from "./state";
import "@gongkai/ui/styles.css";
import "./styles.css";

const state = readState(document);
const queryClient = makeQueryClient("browser");
if (state) hydrate(queryClient, state.queries);
const trpc = browserTrpc(queryClient);
const today = state?.today ?? new Date().toISOString().slice(0, 10);
const router = createPortalRouter({ queryClient, trpc, today }, createBrowserHistory(), "browser");
// The page was rendered on the server: tell the router so it renders the same tree (its root is
// not wrapped in <Suspense> on the server). Loaders run again below, from the hydrated cache.
if (state) router.ssr = { manifest: undefined };

function storedLocale(): Locale {
  const cookie = document.cookie.match(new RegExp(`(?:^|; )${LANG_COOKIE}=(zh|en)`))?.[1];
  return cookie === "en" || cookie === "zh" ? cookie : "zh";
}

let locale: Locale = state?.locale ?? storedLocale();
let root: Root | null = null;

async function setLocale(next: Locale) {
  await loadMessages(next);
  locale = next;
  // A year-long cookie: the server renders the next page in the same language.
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser the portal serves
  document.cookie = `${LANG_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.lang = next === "zh" ? "zh-CN" : "en";
  root?.render(app());
}

const app = () => (
  <App
    router={router}
    queryClient={queryClient}
    trpc={trpc}
    locale={locale}
    messages={messageBundle()}
    setLocale={(l) => void setLocale(l)}
    today={today}
  />
);

async function start() {
  document.documentElement.lang = locale === "zh" ? "zh-CN" : "en";
  await Promise.all([router.load(), loadMessages(locale)]);
  const container = document.getElementById("root") as HTMLElement;
  if (state && container.hasChildNodes()) root = hydrateRoot(container, app());
  else {
    root = createRoot(container);
    root.render(app());
  }
}

void start();
