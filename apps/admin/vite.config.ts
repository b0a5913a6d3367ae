import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

// The console is a single-page app served by apps/server under /admin (index.html for any path).
export default defineConfig({
  plugins: [react()],
  base: "/admin/",
  resolve: { conditions: ["@gongkai/source", ...defaultClientConditions] },
  build: {
    outDir: "dist",
    sourcemap: true,
    target: "es2022",
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: { "/trpc": "http://127.0.0.1:3000", "/api": "http://127.0.0.1:3000" },
  },
});
