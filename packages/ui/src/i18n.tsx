import type { Locale } from "@gongkai/schema/meta";
import { createContext, type ReactNode, useContext, useMemo } from "react";
import { uiMessages } from "./messages";

export type Messages = Record<string, string>;
export type MessageBundle = Record<Locale, Messages>;

interface I18n {
  locale: Locale;
  /** A message by key with {placeholders} filled in; the key itself if it is missing. */
  t(key: string, vars?: Record<string, string | number>): string;
  /** Pick the text of a bilingual label. */
  l(label: { zh: string; en: string }): string;
}

const I18nContext = createContext<I18n | null>(null);

function fill(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export function I18nProvider({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages?: MessageBundle;
  children: ReactNode;
}) {
  const value = useMemo<I18n>(() => {
    const table: Messages = { ...uiMessages[locale], ...(messages?.[locale] ?? {}) };
    return {
      locale,
      t: (key, vars) => fill(table[key] ?? key, vars),
      l: (label) => label[locale],
    };
  }, [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n needs an <I18nProvider>");
  return ctx;
}
