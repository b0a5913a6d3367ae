import type { AgencyKind, AgencyLevel } from "./agency";

/** Publication deadlines as "MM-DD" in the year after the report year (see DeadlineConfigSchema). */
export interface DeadlineConfig {
  /** Departments, government offices, townships, vertical units, party organs. */
  default: string;
  /** Consolidated 本级政府 reports, by the level of the government. */
  consolidated: Record<AgencyLevel, string>;
  /** System-wide summary of a vertically managed system. */
  verticalSystem: string;
}

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
  agency: { kind: AgencyKind; level: AgencyLevel },
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
