import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { bundleBudget } from "./bundle-budget";

const apiPort = process.env.PORT ?? "8787";

export default defineConfig({
  plugins: [react(), bundleBudget()],
  server: {
    proxy: { "/api": `http://127.0.0.1:${apiPort}` },
  },
  worker: { format: "es" },
  build: {
    target: "es2022",
    sourcemap: false,
    // No inline data: URLs for scripts or styles: everything is a file from our origin (strict CSP).
    assetsInlineLimit: 0,
    // The HEIC decoder (~3 MB, lazy, only for HEIC uploads) is the one big chunk, on purpose.
    chunkSizeWarningLimit: 3200,
  },
});
