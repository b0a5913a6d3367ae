import { z } from "zod";
import { AgencyIdSchema, AgencyKindSchema, AgencyLevelSchema, RegionCodeSchema } from "../agency";
import { EditionSchema } from "../edition";
import { LabelSchema } from "../label";
import { ReportSchema, ReportStatusSchema } from "../report";
import { FindingSchema, RuleIdSchema } from "../rules/finding";
import { IsoDateSchema, IsoDateTimeSchema, PageInputSchema, pageOf, ReportIdSchema, YearSchema } from "./common";
import { RegionPrefixSchema } from "./regions";

export const dataQualities = ["ok", "warnings", "errors"] as const;
export const DataQualitySchema = z.enum(dataQualities);
export type DataQuality = z.infer<typeof DataQualitySchema>;

export const ReportAgencySchema = z.object({
  id: AgencyIdSchema,
  name: z.string(),
  regionCode: RegionCodeSchema,
  regionName: z.string().nullable(),
  level: AgencyLevelSchema,
  kind: AgencyKindSchema,
});

/** One report in a list: who, which year, how far, how good. */
export const ReportSummarySchema = z.object({
  id: ReportIdSchema,
  agency: ReportAgencySchema,
  year: YearSchema,
  edition: EditionSchema,
  state: ReportStatusSchema,
  latestVersion: z.number().int().min(0).describe("0 = never published"),
  publishedAt: IsoDateTimeSchema.nullable().describe("when the latest version was published"),
  publicationDate: IsoDateSchema.nullable().describe("first publication, the date that counts for the deadline"),
  deadline: IsoDateSchema,
  onTime: z.boolean().nullable(),
  quality: DataQualitySchema.nullable(),
  errors: z.number().int().min(0),
  warnings: z.number().int().min(0),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

export const reportSorts = ["year_desc", "year_asc", "agency", "published_desc", "quality"] as const;
export const PortalReportListInputSchema = PageInputSchema.extend({
  regionPrefix: RegionPrefixSchema.optional(),
  level: AgencyLevelSchema.optional(),
  kind: AgencyKindSchema.optional(),
  year: YearSchema.optional(),
  edition: EditionSchema.optional(),
  quality: DataQualitySchema.optional(),
  agencyId: AgencyIdSchema.optional(),
  sort: z.enum(reportSorts).default("year_desc"),
});
export type PortalReportListInput = z.input<typeof PortalReportListInputSchema>;
export const ReportPageSchema = pageOf(ReportSummarySchema);

/** What changed from the previous published version (a correction). */
export const VersionChangeSchema = z.object({
  kind: z.enum(["cell", "section", "envelope"]),
  path: z.string().describe("a cell path, sections.<key>.text, or an envelope field"),
  before: z.unknown(),
  after: z.unknown(),
});
export type VersionChange = z.infer<typeof VersionChangeSchema>;

export const AcknowledgementSchema = z.object({
  ruleId: RuleIdSchema,
  cells: z.array(z.string()),
  note: z.string().trim().min(2, { error: "write why the warning is acceptable / 请说明理由" }).max(1000),
});
export type Acknowledgement = z.infer<typeof AcknowledgementSchema>;

export const SignOffSchema = z.object({
  userId: z.string(),
  name: z.string(),
  at: IsoDateTimeSchema,
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  acknowledgements: z.array(AcknowledgementSchema),
});
export type SignOff = z.infer<typeof SignOffSchema>;

export const VersionInfoSchema = z.object({
  number: z.number().int().min(1),
  publishedAt: IsoDateTimeSchema,
  contentHash: z.string(),
  correctionReason: z.string().nullable(),
  changes: z.array(VersionChangeSchema),
  signedOffBy: z.string().nullable(),
});
export type VersionInfo = z.infer<typeof VersionInfoSchema>;

/** A published report as the public sees it: a version, the history, the findings. */
export const PublishedReportSchema = z.object({
  summary: ReportSummarySchema,
  version: VersionInfoSchema,
  content: ReportSchema,
  versions: z.array(VersionInfoSchema),
  findings: z.array(FindingSchema),
});
export type PublishedReport = z.infer<typeof PublishedReportSchema>;

export const PortalReportGetInputSchema = z.union([
  z.object({ id: ReportIdSchema, version: z.number().int().min(1).optional() }),
  z.object({ agencyId: AgencyIdSchema, year: YearSchema, version: z.number().int().min(1).optional() }),
]);
export type PortalReportGetInput = z.input<typeof PortalReportGetInputSchema>;

export const ReportLabelSchema = LabelSchema;
