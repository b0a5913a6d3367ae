import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const conditions = ["@gongkai/source", "module", "node", "development|production"];
const postgres = process.env.DATABASE_URL;

// Integration suites run on embedded PGlite always, and on PostgreSQL too when DATABASE_URL is set.
const projects: TestProjectInlineConfiguration[] = [
  {
    extends: true,
    test: { name: "pglite", include: ["src/**/*.test.ts", "test/**/*.test.ts"], env: { DATABASE_URL: "" } },
  },
];
if (postgres) {
  projects.push({
    extends: true,
    test: { name: "postgres", include: ["test/**/*.int.test.ts"], env: { DATABASE_URL: postgres } },
  });
}

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    reporters: ["default", ["json", { outputFile: ".test-results/vitest.json" }]],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects,
  },
});
