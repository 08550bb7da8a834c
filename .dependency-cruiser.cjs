/**
 * Import directions (ARCHITECTURE.md, "Who may import what"). `pnpm lint` fails on any violation.
 * Paths are the resolved files, so `contract/x`, `../x` and `./x` are judged by where they land.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const TESTS = "\\.test\\.tsx?$|\\.test-fixture\\.ts$|/test/|/bench/|/models/|/synthetic/";

module.exports = {
  forbidden: [
    {
      name: "web-imports-only-contract",
      comment: "The web app imports nothing of the server: what both sides share lives in contract/.",
      severity: "error",
      from: { path: "^web/" },
      to: { path: "^(server|e2e)/" },
    },
    {
      name: "web-features-are-independent",
      comment: "A feature never imports another feature; the app level (web/src/app*) composes them.",
      severity: "error",
      from: { path: "^web/src/features/([^/]+)/" },
      to: { path: "^web/src/features/", pathNot: "^web/src/features/$1/" },
    },
    {
      name: "web-shared-code-stays-below-features",
      comment: "lib/ and i18n/ are shared by features and the app; they import neither.",
      severity: "error",
      from: { path: "^web/src/(lib|i18n)/" },
      to: { path: "^web/src/(features|app)" },
    },
    {
      name: "contract-depends-on-nothing-of-ours",
      comment: "The contract is imported by server, web and e2e; it imports none of them.",
      severity: "error",
      from: { path: "^contract/" },
      to: { path: "^(server|web|e2e)/" },
    },
    {
      name: "mrz-parser-core-is-self-contained",
      comment: "contract/src/mrz/ (the ICAO 9303 parser) imports only itself (tests may use test libraries).",
      severity: "error",
      from: { path: "^contract/src/mrz/", pathNot: TESTS },
      to: { pathNot: "^contract/src/mrz/" },
    },
    {
      name: "mrz-parser-core-tests-stay-inside",
      comment: "The parser's own tests import only the parser and npm test libraries.",
      severity: "error",
      from: { path: "^contract/src/mrz/" },
      to: { pathNot: "^contract/src/mrz/|node_modules" },
    },
    {
      name: "providers-are-independent",
      comment: "A provider never imports another provider.",
      severity: "error",
      from: { path: "^server/src/passport/(tencent|local)/" },
      to: { path: "^server/src/passport/(tencent|local)/", pathNot: "^server/src/passport/$1/" },
    },
    {
      name: "engine-has-one-entry",
      comment: "Outside the engine, only its public entry is imported (the local provider, bench/, models/ use it).",
      severity: "error",
      from: { path: "^server/", pathNot: "^server/src/engine/" },
      to: { path: "^server/src/engine/", pathNot: "^server/src/engine/read-passport-image\\.ts$" },
    },
    {
      name: "app-is-web-standard",
      comment: "Everything app.ts reaches uses Web-standard APIs only, so the app runs on edge runtimes too.",
      severity: "error",
      from: { path: "^server/src/app\\.ts$" },
      to: {
        path: "^(node:)?(assert|async_hooks|buffer|child_process|cluster|crypto|dgram|dns|events|fs|fs/promises|http|http2|https|module|net|os|path|perf_hooks|process|readline|stream|timers|tls|url|util|v8|vm|worker_threads|zlib)$",
        reachable: true,
      },
    },
    {
      name: "no-circular",
      comment: "Modules import in one direction.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|dist)/" },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".mjs", ".js", ".d.ts"],
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
