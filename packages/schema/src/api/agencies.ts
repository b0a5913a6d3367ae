import { z } from "zod";
import { AgencyIdSchema, AgencyKindSchema, AgencyLevelSchema, RegionCodeSchema } from "../agency";
import { IsoDateSchema, PageInputSchema, pageOf } from "./common";
import { RegionPrefixSchema } from "./regions";

export const agencyStatuses = ["active", "merged", "dissolved"] as const;
export const AgencyStatusSchema = z.enum(agencyStatuses);
export type AgencyStatus = z.infer<typeof AgencyStatusSchema>;

export const agencyEventKinds = ["created", "renamed", "merged_into", "absorbed", "dissolved"] as const;
export const AgencyEventSchema = z.object({
  kind: z.enum(agencyEventKinds),
  date: IsoDateSchema,
  fromName: z.string().nullable(),
  toName: z.string().nullable(),
  otherAgencyId: AgencyIdSchema.nullable(),
  otherAgencyName: z.string().nullable(),
  note: z.string().nullable(),
});
export type AgencyEvent = z.infer<typeof AgencyEventSchema>;

export const AgencySchema = z.object({
  id: AgencyIdSchema,
  name: z.string().min(1),
  regionCode: RegionCodeSchema,
  regionName: z.string().nullable(),
  level: AgencyLevelSchema,
  kind: AgencyKindSchema,
  parentId: AgencyIdSchema.nullable(),
  status: AgencyStatusSchema,
  successorId: AgencyIdSchema.nullable(),
  endedOn: IsoDateSchema.nullable(),
  events: z.array(AgencyEventSchema),
});
export type Agency = z.infer<typeof AgencySchema>;

export const AgencySummarySchema = AgencySchema.omit({ events: true });
export type AgencySummary = z.infer<typeof AgencySummarySchema>;

export const AgencyListInputSchema = PageInputSchema.extend({
  query: z.string().trim().max(100).optional(),
  regionPrefix: RegionPrefixSchema.optional(),
  level: AgencyLevelSchema.optional(),
  kind: AgencyKindSchema.optional(),
  status: AgencyStatusSchema.optional(),
});
export type AgencyListInput = z.input<typeof AgencyListInputSchema>;
export const AgencyPageSchema = pageOf(AgencySummarySchema);

/** An agency as the console lists it: the public summary and whether compliance tracks it. */
export const AdminAgencySchema = AgencySummarySchema.extend({ tracked: z.boolean() });
export type AdminAgency = z.infer<typeof AdminAgencySchema>;
export const AdminAgencyPageSchema = pageOf(AdminAgencySchema);
export const AgencyEventsInputSchema = z.object({ id: AgencyIdSchema });

export const AgencyCreateInputSchema = z.object({
  id: AgencyIdSchema,
  name: z.string().trim().min(2).max(200),
  regionCode: RegionCodeSchema,
  level: AgencyLevelSchema,
  kind: AgencyKindSchema,
  parentId: AgencyIdSchema.nullable().default(null),
  /** Whether the compliance board expects a report from it every year. */
  tracked: z.boolean().default(true),
});
export type AgencyCreateInput = z.input<typeof AgencyCreateInputSchema>;

export const AgencyUpdateInputSchema = z.object({
  id: AgencyIdSchema,
  regionCode: RegionCodeSchema.optional(),
  level: AgencyLevelSchema.optional(),
  kind: AgencyKindSchema.optional(),
  parentId: AgencyIdSchema.nullable().optional(),
  tracked: z.boolean().optional(),
});

export const AgencyRenameInputSchema = z.object({
  id: AgencyIdSchema,
  newName: z.string().trim().min(2).max(200),
  date: IsoDateSchema,
  note: z.string().max(500).optional(),
});

export const AgencyMergeInputSchema = z.object({
  id: AgencyIdSchema.describe("the agency that ceases to exist"),
  intoId: AgencyIdSchema.describe("its successor"),
  date: IsoDateSchema,
  note: z.string().max(500).optional(),
});

export const AgencyDissolveInputSchema = z.object({
  id: AgencyIdSchema,
  date: IsoDateSchema,
  note: z.string().max(500).optional(),
});
