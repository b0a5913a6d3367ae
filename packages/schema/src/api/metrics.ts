import { z } from "zod";
import { AgencyIdSchema, AgencyKindSchema, AgencyLevelSchema } from "../agency";
import { EditionSchema } from "../edition";
import { LabelSchema } from "../label";
import { comparabilities, MetricUnitSchema } from "../metrics";
import { ReportIdSchema, YearSchema } from "./common";
import { RegionPrefixSchema } from "./regions";

/** A catalogue entry as the API serves it. */
export const MetricInfoSchema = z.object({
  key: z.string(),
  kind: z.enum(["cell", "derived"]),
  label: LabelSchema,
  description: LabelSchema,
  unit: MetricUnitSchema,
  table: z.enum(["t2", "t3", "t4"]).nullable(),
  editions: z.array(EditionSchema),
  comparability: z.enum(comparabilities),
  comparabilityNote: LabelSchema.nullable(),
  counterpart: z.string().nullable(),
  aggregation: z.enum(["sum", "ratio"]),
});
export type MetricInfo = z.infer<typeof MetricInfoSchema>;

export const metricGroupings = ["year", "region", "level"] as const;
export const MetricSeriesInputSchema = z.object({
  metric: z.string().min(1).max(80),
  groupBy: z.enum(metricGroupings).default("year"),
  /** With groupBy "region": the children of this region (default: provinces). */
  regionPrefix: RegionPrefixSchema.optional(),
  years: z.array(YearSchema).max(30).optional(),
  level: AgencyLevelSchema.optional(),
  kind: AgencyKindSchema.optional(),
  edition: EditionSchema.optional(),
});
export type MetricSeriesInput = z.input<typeof MetricSeriesInputSchema>;

/** A value is a number, an exact decimal string (money), or null when no report states it. */
export const MetricValueSchema = z.union([z.number(), z.string(), z.null()]);

export const MetricPointSchema = z.object({
  key: z.string().describe("the group: a year, a region code, a level"),
  label: LabelSchema,
  value: MetricValueSchema,
  /** Published reports in the group. */
  reports: z.number().int().min(0),
  /** Of those, how many state the metric (non-blank, right edition). */
  reportsWithValue: z.number().int().min(0),
});
export const MetricSeriesSchema = z.object({
  metric: MetricInfoSchema,
  groupBy: z.enum(metricGroupings),
  points: z.array(MetricPointSchema),
});
export type MetricSeries = z.infer<typeof MetricSeriesSchema>;

export const MetricCompareInputSchema = z.object({
  agencyIds: z.array(AgencyIdSchema).min(1).max(20),
  years: z.array(YearSchema).min(1).max(20),
  metrics: z.array(z.string().min(1).max(80)).min(1).max(50),
});
export type MetricCompareInput = z.input<typeof MetricCompareInputSchema>;

export const MetricCompareRowSchema = z.object({
  agencyId: AgencyIdSchema,
  agencyName: z.string(),
  year: YearSchema,
  reportId: ReportIdSchema.nullable(),
  edition: EditionSchema.nullable(),
  values: z.record(z.string(), MetricValueSchema),
});
export const MetricCompareSchema = z.object({
  metrics: z.array(MetricInfoSchema),
  rows: z.array(MetricCompareRowSchema),
});
export type MetricCompare = z.infer<typeof MetricCompareSchema>;
