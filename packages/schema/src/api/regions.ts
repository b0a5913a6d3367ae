import { z } from "zod";
import { RegionCodeSchema } from "../agency";

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

/** The province (xx0000) and prefecture (xxxx00) a GB/T 2260 code belongs to. */
export function regionAncestors(code: string): { province: string; prefecture: string } {
  return { province: `${code.slice(0, 2)}0000`, prefecture: `${code.slice(0, 4)}00` };
}

/** The code prefix that selects a region and everything under it: 510000 → "51", 510100 → "5101". */
export function regionPrefix(code: string): string {
  if (code.endsWith("0000")) return code.slice(0, 2);
  if (code.endsWith("00")) return code.slice(0, 4);
  return code;
}

export const RegionPrefixSchema = z
  .string()
  .regex(/^\d{2}(\d{2}(\d{2})?)?$/, { error: "must be 2, 4 or 6 digits of a region code, e.g. 51 or 5101" });
