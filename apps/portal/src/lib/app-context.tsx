import type { Locale } from "@gongkai/schema/meta";
import { createContext, type ReactNode, useContext } from "react";

export interface AppSettings {
  locale: Locale;
  setLocale(locale: Locale): void;
  /** Today as the server saw it (ISO date): deadlines and "latest year" agree between server and browser. */
  today: string;
}

const AppContext = createContext<AppSettings | null>(null);

export function AppProvider({ value, children }: { value: AppSettings; children: ReactNode }) {
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}

export function useApp(): AppSettings {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error("useApp needs an <AppProvider>");
  return ctx;
}

/** The latest report year whose reports are due: reports for year Y are published in Y+1. */
export function latestYear(today: string): number {
  return Number(today.slice(0, 4)) - 1;
}

export const LANG_COOKIE = "gk-lang";
