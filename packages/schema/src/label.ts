import { z } from "zod";
import { type Label, locales } from "./meta/text";

export * from "./meta/text";

export const LabelSchema = z.object({
  zh: z.string().min(1),
  en: z.string().min(1),
}) satisfies z.ZodType<Label>;

export const LocaleSchema = z.enum(locales);
