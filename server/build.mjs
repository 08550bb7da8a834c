// Bundles the Node entry (and worker entries) into dist/. Dependencies stay external (installed by pnpm).
import { build } from "esbuild";

await build({
  entryPoints: [
    "src/index.ts",
    // The offline engine's worker thread (see src/passport/local/provider.ts, LOCAL_ENGINE_WORKER_BUNDLE).
    { in: "src/passport/local/engine-worker.ts", out: "local-engine-worker" },
  ],
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "info",
});
