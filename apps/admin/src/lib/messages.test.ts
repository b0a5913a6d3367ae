import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { reportStatuses } from "@gongkai/schema";
import { sectionKeys } from "@gongkai/schema/meta";
import { describe, expect, it } from "vitest";
import { adminMessages } from "./messages";

// vitest runs in the package directory (import.meta.url is not a file URL under happy-dom).
const src = join(process.cwd(), "src");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) && !f.includes(".test.") ? [p] : [];
  });

describe("console messages", () => {
  it("has every key the code uses, in Chinese and English", () => {
    const used = new Set<string>();
    for (const file of files(src)) {
      for (const m of readFileSync(file, "utf8").matchAll(/\bt\("([a-zA-Z][\w.]*)"/g)) used.add(m[1] as string);
    }
    // Keys built from data: every value they can take.
    for (const s of reportStatuses) used.add(`state.${s}`);
    for (const k of sectionKeys) used.add(`section.${k}`);
    expect(used.size).toBeGreaterThan(100);
    for (const locale of ["zh", "en"] as const) {
      const missing = [...used].filter(
        (k) => !(k in adminMessages[locale]) && !k.startsWith("report.") && !k.startsWith("findings."),
      );
      expect(missing, locale).toEqual([]);
    }
  });
  it("has the same keys and placeholders in both languages", () => {
    expect(Object.keys(adminMessages.en).sort()).toEqual(Object.keys(adminMessages.zh).sort());
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, zh] of Object.entries(adminMessages.zh))
      expect(vars(adminMessages.en[key] ?? ""), key).toEqual(vars(zh));
  });
});
