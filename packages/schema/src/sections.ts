import { z } from "zod";
import { sectionKeys } from "./meta/sections";

export * from "./meta/sections";

export const SectionKeySchema = z.enum(sectionKeys);

export const SectionSchema = z.object({
  heading: z.string().min(1).nullable().describe("The heading as the report wrote it; null = the official heading."),
  text: z
    .string()
    .nullable()
    .describe("Narrative text. For 二–四 the paragraphs written beside the table; null = the report has no text here."),
});
export type Section = z.infer<typeof SectionSchema>;

export const SectionsSchema = z.object({
  overview: SectionSchema,
  proactive: SectionSchema,
  requests: SectionSchema,
  reviewLitigation: SectionSchema,
  problems: SectionSchema,
  other: SectionSchema,
});
export type Sections = z.infer<typeof SectionsSchema>;
