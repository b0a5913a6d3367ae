import { defineConfig } from "vitest/config";
import { reporters } from "../vitest.shared";

// Browser tests: the built server (as `pnpm start` runs it) on a temporary PGlite with demo
// data, driven by real Chromium. One server for the whole run, started in global setup.
export default defineConfig({
  test: {
    reporters,
    include: ["tests/**/*.e2e.test.ts"],
    globalSetup: ["./src/global-setup.ts"],
    testTimeout: 60_000,
    // A page on a loaded machine may take seconds; the heavy suites run before these (e2e/turbo.json).
    expect: { poll: { timeout: 30_000, interval: 100 } },
    hookTimeout: 180_000,
    // One browser per file, files one after another: the machine has two cores.
    fileParallelism: false,
  },
});
