import { readFileSync } from "node:fs";
import { type Report, ReportSchema } from "@gongkai/schema";

/** Raw published files (copied from shared/fixtures and shared/seed) and the hand-made expected reports. */
export const sources = {
  "pingtan-2024": "pingtan-2024.html",
  "pingtan-2020": "pingtan-2020.html",
  "shanghai-szfbgt-2019": "shanghai-szfbgt-2019.html",
  "sichuan-emergency-management-2019": "sichuan-emergency-management-2019.txt",
} as const;
export type FixtureName = keyof typeof sources;

export function sourceBytes(file: string): Uint8Array {
  return readFileSync(new URL(`./fixtures/${file}`, import.meta.url));
}

/** The expected result, as @gongkai/schema's tests keep it (hand-made from the same sources). */
export function expected(name: FixtureName): Report {
  const url = new URL(`../../schema/test/fixtures/${name}.json`, import.meta.url);
  return ReportSchema.parse(JSON.parse(readFileSync(url, "utf8")));
}
