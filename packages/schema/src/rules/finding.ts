import { z } from "zod";
import { LabelSchema } from "../label";
import { ruleIds, severities } from "../meta/rules";
import { SectionKeySchema } from "../sections";

export * from "../meta/rules";

export const SeveritySchema = z.enum(severities);

export const RuleIdSchema = z.enum(ruleIds);

export const FindingSchema = z.object({
  ruleId: RuleIdSchema,
  severity: SeveritySchema,
  message: LabelSchema,
  /** Cell paths involved, the cell most likely at fault first. */
  cells: z.array(z.string()),
  section: SectionKeySchema.optional(),
  /** Other places in the document (envelope fields, footnotes), as dotted paths. */
  fields: z.array(z.string()).optional(),
  /** The numbers the message quotes, for UIs that format them themselves. */
  values: z.record(z.string(), z.union([z.number(), z.string(), z.null()])).optional(),
});
export type Finding = z.infer<typeof FindingSchema>;
