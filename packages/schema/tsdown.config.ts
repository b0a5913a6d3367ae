import { defineConfig } from "tsdown";

export default defineConfig({
  entry: { index: "src/index.ts", meta: "src/meta/index.ts", testing: "src/testing.ts", cli: "src/cli.ts" },
  format: "esm",
  platform: "neutral",
  target: "es2022",
  dts: true,
  sourcemap: true,
  clean: true,
  deps: { neverBundle: [/^node:/] },
});
