import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { conditions, databaseProjects, reporters } from "../../vitest.shared";

// Component tests in happy-dom beside the code; server rendering against a real database in test/.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    reporters,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: "components", include: ["src/**/*.test.{ts,tsx}"], environment: "happy-dom" } },
      ...databaseProjects().map((p) => ({
        ...p,
        test: { ...p.test, include: ["test/**/*.int.test.ts"], environment: "node" },
      })),
    ],
  },
});
