import { readFileSync } from "node:fs";
import { type Report, ReportSchema } from "@gongkai/schema";

/** The real reports of @gongkai/schema's test fixtures. */
export const fixtureNames = [
  "sichuan-emergency-management-2019",
  "pingtan-2024",
  "pingtan-2020",
  "shanghai-szfbgt-2019",
] as const;
export type FixtureName = (typeof fixtureNames)[number];

export function loadFixture(name: FixtureName): Report {
  const url = new URL(`../../schema/test/fixtures/${name}.json`, import.meta.url);
  return ReportSchema.parse(JSON.parse(readFileSync(url, "utf8")));
}
