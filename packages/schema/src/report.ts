import { z } from "zod";
import { AgencyRefSchema } from "./agency";
import { EditionSchema } from "./edition";
import { SectionKeySchema, SectionsSchema } from "./sections";
import { T2Schema2019, T2Schema2021 } from "./tables/t2";
import { T3Schema2019, T3Schema2021 } from "./tables/t3";
import { T4Schema } from "./tables/t4";

export const reportStatuses = ["draft", "submitted", "approved", "scheduled", "published"] as const;
export const ReportStatusSchema = z.enum(reportStatuses);
export type ReportStatus = z.infer<typeof ReportStatusSchema>;

/**
 * `template`: laid out in the national format. `legacy`: a report that predates it (or only
 * "参照" it, allowed for 2019): its figures are mapped onto the template where they fit without
 * doubt and everything it does not state stays null.
 */
export const reportLayouts = ["template", "legacy"] as const;
export const ReportLayoutSchema = z.enum(reportLayouts);
export type ReportLayout = z.infer<typeof ReportLayoutSchema>;

/** A stable, typed cell address such as `t3.granted.naturalPerson`. See `cellPaths()`. */
export const CellPathStringSchema = z
  .string()
  .regex(/^t[234](\.[a-zA-Z]+){2,3}$/, { error: "must be a cell path such as t3.granted.naturalPerson" });

export const extraMetricQualifiers = ["exact", "over", "about", "under"] as const;

/** A figure the report states outside the template (e.g. items published on WeChat). */
export const ExtraMetricSchema = z.object({
  key: z.string().regex(/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)*$/, {
    error: "must be a camelCase or dotted key, e.g. proactive.wechatPosts",
  }),
  label: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  unit: z.string().min(1).max(16).describe("Unit as written, e.g. 条, 件, 人, %"),
  value: z.number().finite(),
  qualifier: z
    .enum(extraMetricQualifiers)
    .default("exact")
    .describe("over = 余/多 (more than), about = 约, under = 不足"),
  cell: CellPathStringSchema.optional().describe("The template cell this figure corresponds to or elaborates"),
  section: SectionKeySchema.optional(),
  quote: z.string().optional().describe("The report's own words"),
});
export type ExtraMetric = z.infer<typeof ExtraMetricSchema>;

export const FootnoteSchema = z.object({
  cell: CellPathStringSchema,
  text: z.string().min(1),
  en: z.string().min(1).optional(),
});
export type Footnote = z.infer<typeof FootnoteSchema>;

export const ReportSourceSchema = z.object({
  url: z.url().optional(),
  retrievedOn: z.iso.date().optional(),
  note: z.string().optional(),
});

const envelope = {
  schemaVersion: z.literal(1),
  agency: AgencyRefSchema,
  year: z.number().int().min(2008).max(2100),
  layout: ReportLayoutSchema.default("template"),
  title: z.string().min(1).nullable(),
  preamble: z.string().nullable().describe("Unnumbered text before section 一 (legal basis, period, contact)"),
  sections: SectionsSchema,
  closing: z.string().nullable().describe("Signature block after section 六 (agency name, date)"),
  status: ReportStatusSchema,
  publicationDate: z.iso.date().nullable(),
  extraMetrics: z.array(ExtraMetricSchema).default([]),
  footnotes: z.array(FootnoteSchema).default([]),
  source: ReportSourceSchema.optional(),
};

export const Report2019Schema = z.object({
  edition: z.literal(2019),
  ...envelope,
  tables: z.strictObject({ t2: T2Schema2019, t3: T3Schema2019, t4: T4Schema }),
});
export type Report2019 = z.infer<typeof Report2019Schema>;

export const Report2021Schema = z.object({
  edition: z.literal(2021),
  ...envelope,
  tables: z.strictObject({ t2: T2Schema2021, t3: T3Schema2021, t4: T4Schema }),
});
export type Report2021 = z.infer<typeof Report2021Schema>;

/** The annual report; `edition` is the discriminant for its tables. */
export const ReportSchema = z.discriminatedUnion("edition", [Report2019Schema, Report2021Schema]);
export type Report = z.infer<typeof ReportSchema>;
/** What a producer may send: defaults (layout, extraMetrics, footnotes) may be omitted. */
export type ReportInput = z.input<typeof ReportSchema>;

export type ReportOf<E extends Report["edition"]> = Extract<Report, { edition: E }>;

export { EditionSchema };
