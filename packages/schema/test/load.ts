import { readFileSync } from "node:fs";
import { type Report, type ReportOf, ReportSchema } from "../src/index";

export const fixtureNames = [
  "sichuan-emergency-management-2019",
  "pingtan-2024",
  "pingtan-2020",
  "shanghai-szfbgt-2019",
] as const;
export type FixtureName = (typeof fixtureNames)[number];

export function fixturePath(name: FixtureName): string {
  return new URL(`./fixtures/${name}.json`, import.meta.url).pathname;
}

export function fixtureJson(name: FixtureName): unknown {
  return JSON.parse(readFileSync(fixturePath(name), "utf8"));
}

export function loadFixture(name: FixtureName): Report {
  return ReportSchema.parse(fixtureJson(name));
}

/** A fixture narrowed to its edition (throws if the file is of the other one). */
export function loadFixtureOf<E extends 2019 | 2021>(name: FixtureName, edition: E): ReportOf<E> {
  const report = loadFixture(name);
  if (report.edition !== edition) throw new Error(`${name} is not a ${edition}-edition report`);
  return report as ReportOf<E>;
}
