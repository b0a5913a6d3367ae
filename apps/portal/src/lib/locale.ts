import type { Locale } from "@gongkai/schema/meta";
import type { MessageBundle, Messages } from "@gongkai/ui";
import { zhMessages } from "./messages";

/** Chinese ships with the page; English is fetched the first time it is needed. */
const loaded: Partial<Record<Locale, Messages>> = { zh: zhMessages };

export async function loadMessages(locale: Locale): Promise<void> {
  if (!loaded[locale]) loaded[locale] = (await import("./messages.en")).enMessages;
}

/** The bundle for I18nProvider: a locale not loaded yet falls back to Chinese text. */
export function messageBundle(): MessageBundle {
  return { zh: zhMessages, en: loaded.en ?? zhMessages };
}
