import { z } from "zod";
import { RegionCodeSchema } from "../agency";

export * from "../meta/regions";

export const regionLevels = ["province", "prefecture", "county"] as const;
export const RegionLevelSchema = z.enum(regionLevels);
export type RegionLevel = z.infer<typeof RegionLevelSchema>;

export const RegionSchema = z.object({
  code: RegionCodeSchema,
  name: z.string().min(1),
  parentCode: RegionCodeSchema.nullable(),
  level: RegionLevelSchema,
});
export type Region = z.infer<typeof RegionSchema>;

export type RegionNode = Region & { children: RegionNode[] };
export const RegionNodeSchema: z.ZodType<RegionNode> = RegionSchema.extend({
  get children() {
    return z.array(RegionNodeSchema);
  },
});

export const RegionPrefixSchema = z
  .string()
  .regex(/^\d{2}(\d{2}(\d{2})?)?$/, { error: "must be 2, 4 or 6 digits of a region code, e.g. 51 or 5101" });
