import type { Locale } from "@gongkai/schema/meta";
import { createContext, type ReactNode, useContext } from "react";

export interface Settings {
  locale: Locale;
  setLocale(locale: Locale): void;
}
const SettingsContext = createContext<Settings | null>(null);
export function SettingsProvider({ value, children }: { value: Settings; children: ReactNode }) {
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}
export function useSettings(): Settings {
  const s = useContext(SettingsContext);
  if (!s) throw new Error("useSettings needs a <SettingsProvider>");
  return s;
}

/** The language cookie the public portal uses too: one choice for the whole site. */
export const LANG_COOKIE = "gk-lang";
export function storedLocale(): Locale {
  const cookie = document.cookie.match(new RegExp(`(?:^|; )${LANG_COOKIE}=(zh|en)`))?.[1];
  return cookie === "en" ? "en" : "zh";
}
export function storeLocale(locale: Locale): void {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser the console supports
  document.cookie = `${LANG_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.lang = locale === "zh" ? "zh-CN" : "en";
}

/** Today's date in China, as YYYY-MM-DD (deadlines are Beijing dates). */
export function chinaToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}
