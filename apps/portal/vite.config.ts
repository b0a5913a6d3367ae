import react from "@vitejs/plugin-react";
import { defaultClientConditions, defaultServerConditions, defineConfig } from "vite";

// In-repo packages are TypeScript source, found through the @gongkai/source export condition.
export default defineConfig({
  plugins: [react()],
  base: "/",
  resolve: { conditions: ["@gongkai/source", ...defaultClientConditions] },
  ssr: {
    resolve: { conditions: ["@gongkai/source", ...defaultServerConditions], externalConditions: ["@gongkai/source"] },
    noExternal: [/^@gongkai\//],
  },
  build: {
    outDir: "dist/client",
    sourcemap: true,
    manifest: true,
    target: "es2022",
  },
  server: { proxy: { "/trpc": "http://127.0.0.1:3000", "/api": "http://127.0.0.1:3000" } },
});
