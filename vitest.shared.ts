import type { TestProjectInlineConfiguration, ViteUserConfig } from "vitest/config";

/** In-repo packages are read as source through this export condition. */
export const conditions = ["@gongkai/source", "module", "node", "development|production"];

/** Each package writes its results here; .ci/summary.mjs adds them up. */
export const reporters: NonNullable<ViteUserConfig["test"]>["reporters"] = [
  "default",
  ["json", { outputFile: ".test-results/vitest.json" }],
];

/**
 * Integration suites run on embedded PGlite always, and on PostgreSQL too when DATABASE_URL is set
 * (CI sets it): the same files twice, as two projects.
 */
export function databaseProjects(): TestProjectInlineConfiguration[] {
  const projects: TestProjectInlineConfiguration[] = [
    {
      extends: true,
      test: { name: "pglite", include: ["src/**/*.test.ts", "test/**/*.test.ts"], env: { DATABASE_URL: "" } },
    },
  ];
  const postgres = process.env.DATABASE_URL;
  if (postgres) {
    projects.push({
      extends: true,
      test: { name: "postgres", include: ["test/**/*.int.test.ts"], env: { DATABASE_URL: postgres } },
    });
  }
  return projects;
}
