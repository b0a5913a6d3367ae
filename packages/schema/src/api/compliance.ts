import { z } from "zod";
import { AgencyIdSchema, AgencyKindSchema, AgencyLevelSchema, RegionCodeSchema } from "../agency";
import { LabelSchema } from "../label";
import { ReportStatusSchema } from "../report";
import { IsoDateSchema, ReportIdSchema, YearSchema } from "./common";
import { RegionPrefixSchema } from "./regions";

export const ComplianceInputSchema = z.object({
  year: YearSchema,
  regionPrefix: RegionPrefixSchema.optional(),
});
export type ComplianceInput = z.input<typeof ComplianceInputSchema>;

export const ComplianceCountsSchema = z.object({
  due: z.number().int().min(0).describe("agencies that must publish a report for the year"),
  published: z.number().int().min(0),
  onTime: z.number().int().min(0),
  late: z.number().int().min(0),
  missing: z.number().int().min(0).describe("not published, deadline passed"),
  pending: z.number().int().min(0).describe("not published, deadline not yet passed"),
});
export type ComplianceCounts = z.infer<typeof ComplianceCountsSchema>;

export const ComplianceRowSchema = ComplianceCountsSchema.extend({
  regionCode: RegionCodeSchema,
  label: LabelSchema,
});

export const complianceStatuses = ["on_time", "late", "missing", "pending", "in_review"] as const;
export const ComplianceStatusSchema = z.enum(complianceStatuses);

export const ComplianceAgencySchema = z.object({
  agencyId: AgencyIdSchema,
  agencyName: z.string(),
  regionCode: RegionCodeSchema,
  level: AgencyLevelSchema,
  kind: AgencyKindSchema,
  deadline: IsoDateSchema,
  status: ComplianceStatusSchema,
  reportId: ReportIdSchema.nullable(),
  state: ReportStatusSchema.nullable(),
  publicationDate: IsoDateSchema.nullable(),
  daysLate: z.number().int().nullable(),
});
export type ComplianceAgency = z.infer<typeof ComplianceAgencySchema>;

export const ComplianceSummarySchema = z.object({
  year: YearSchema,
  asOf: IsoDateSchema,
  regionPrefix: z.string().nullable(),
  totals: ComplianceCountsSchema,
  regions: z.array(ComplianceRowSchema),
  /** Late and missing agencies (the portal lists them by name). */
  lateOrMissing: z.array(ComplianceAgencySchema),
});
export type ComplianceSummary = z.infer<typeof ComplianceSummarySchema>;
