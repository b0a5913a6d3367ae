import { z } from "zod";
import type { DeadlineConfig } from "./meta/deadlines";

export * from "./meta/deadlines";

/** A month and day, "MM-DD", in the year after the report year. */
export const MonthDaySchema = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
  error: 'must be "MM-DD", e.g. "01-31" / 应为“月-日”格式，如 01-31',
});

/**
 * Publication deadlines (Regulation Art. 49; 2019/2021 notices §二). Local governments may set
 * earlier ones, so every value can be overridden.
 */
export const DeadlineConfigSchema = z.object({
  /** Departments, government offices, townships, vertical units, party organs. */
  default: MonthDaySchema,
  /** Consolidated 本级政府 reports, by the level of the government. */
  consolidated: z.object({
    national: MonthDaySchema,
    provincial: MonthDaySchema,
    prefecture: MonthDaySchema,
    county: MonthDaySchema,
    township: MonthDaySchema,
  }),
  /** System-wide summary of a vertically managed system. */
  verticalSystem: MonthDaySchema,
}) satisfies z.ZodType<DeadlineConfig>;
