import { defineConfig } from "vitest/config";
import { conditions, reporters } from "../../vitest.shared";

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: { include: ["src/**/*.test.ts", "test/**/*.test.ts", "test/**/*.test.tsx"], reporters, testTimeout: 30_000 },
});
