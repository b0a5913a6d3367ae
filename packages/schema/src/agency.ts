import { z } from "zod";
import { agencyKinds, agencyLevels } from "./meta/agency";

export * from "./meta/agency";

export const AgencyLevelSchema = z.enum(agencyLevels);

/** GB/T 2260 administrative division code, six digits (510000 = 四川省). */
export const RegionCodeSchema = z
  .string()
  .regex(/^\d{6}$/, { error: "must be a six-digit GB/T 2260 region code, e.g. 510000 / 应为6位行政区划代码" });
export type RegionCode = z.infer<typeof RegionCodeSchema>;

export const AgencyKindSchema = z.enum(agencyKinds);
export const AgencyIdSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{1,63}$/, {
  error: "must be 2–64 lower-case letters, digits, '-' or '_' / 应为2–64位小写字母、数字、-或_",
});

export const AgencyRefSchema = z.object({
  id: AgencyIdSchema,
  name: z.string().min(1).max(200),
  regionCode: RegionCodeSchema,
  level: AgencyLevelSchema,
  kind: AgencyKindSchema,
});
export type AgencyRef = z.infer<typeof AgencyRefSchema>;
