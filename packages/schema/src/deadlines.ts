import { z } from "zod";
import type { AgencyKind, AgencyLevel, AgencyRef } from "./agency";

/** A month and day, "MM-DD", in the year after the report year. */
export const MonthDaySchema = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
  error: 'must be "MM-DD", e.g. "01-31"',
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
});
export type DeadlineConfig = z.infer<typeof DeadlineConfigSchema>;

export const defaultDeadlines: DeadlineConfig = {
  default: "01-31",
  consolidated: {
    national: "03-31",
    provincial: "03-31",
    prefecture: "03-10",
    county: "02-20",
    township: "01-31",
  },
  verticalSystem: "03-31",
};

export function deadlineMonthDay(
  kind: AgencyKind,
  level: AgencyLevel,
  config: DeadlineConfig = defaultDeadlines,
): string {
  if (kind === "consolidated") return config.consolidated[level];
  if (kind === "vertical_system") return config.verticalSystem;
  return config.default;
}

/** The last day (ISO date) on which a report for `year` may be published. */
export function deadlineFor(
  agency: Pick<AgencyRef, "kind" | "level">,
  year: number,
  config: DeadlineConfig = defaultDeadlines,
): string {
  return `${year + 1}-${deadlineMonthDay(agency.kind, agency.level, config)}`;
}

/** Whole days from `from` to `to` (ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}
