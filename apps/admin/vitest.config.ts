import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { conditions, reporters } from "../../vitest.shared";

export default defineConfig({
  plugins: [react()],
  resolve: { conditions },
  test: { include: ["src/**/*.test.{ts,tsx}"], environment: "happy-dom", reporters, testTimeout: 30_000 },
});
