import { defineConfig } from "vitest/config";
import { conditions, databaseProjects, reporters } from "../../vitest.shared";

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: { reporters, testTimeout: 60_000, hookTimeout: 120_000, projects: databaseProjects() },
});
