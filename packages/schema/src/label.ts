import { z } from "zod";

/** A text in both UI languages. Chinese labels of the national format are verbatim. */
export const LabelSchema = z.object({
  zh: z.string().min(1),
  en: z.string().min(1),
});
export type Label = z.infer<typeof LabelSchema>;

export const locales = ["zh", "en"] as const;
export const LocaleSchema = z.enum(locales);
export type Locale = z.infer<typeof LocaleSchema>;

export function label(zh: string, en: string): Label {
  return { zh, en };
}
