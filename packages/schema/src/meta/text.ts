/** A text in both UI languages. Chinese labels of the national format are verbatim. */
export interface Label {
  zh: string;
  en: string;
}

export const locales = ["zh", "en"] as const;
export type Locale = (typeof locales)[number];

export function label(zh: string, en: string): Label {
  return { zh, en };
}
