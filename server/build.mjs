// Bundles the Node entry (and worker entries) into dist/. npm dependencies stay external (installed by pnpm); the
// workspace's own TypeScript packages (contract) are bundled in, since Node cannot run their .ts sources.
import { readFileSync } from "node:fs";
import { build } from "esbuild";

const { dependencies } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const bundled = new Set(["contract"]);
const external = Object.keys(dependencies)
  .filter((name) => !bundled.has(name))
  .flatMap((name) => [name, `${name}/*`]);

await build({
  entryPoints: [
    "src/index.ts",
    { in: "src/admin/admin-cli.ts", out: "admin" },
    // The offline engine's worker thread (see src/passport/local/provider.ts, LOCAL_ENGINE_WORKER_BUNDLE).
    { in: "src/passport/local/engine-worker.ts", out: "local-engine-worker" },
  ],
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external,
  sourcemap: true,
  logLevel: "info",
});
