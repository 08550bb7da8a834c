/**
 * `pnpm bench`: every published figure, measured side by side in one run on this machine, printed as one table.
 *   --quick          5 s load runs instead of 30 s (a local smoke run; not for docs/benchmarks.md)
 *   --json FILE      also write every raw figure as JSON
 *   --skip-browser   no Chromium runs (compression, live document detector)
 *   --only A,B       only these parts: web, proxy, sdk, rate-limit, offline, browser, detector, sessions, engine
 * Engine accuracy and latency come from a smaller run of `bench:engine` (our model only), or from a saved output of a
 * full run given as BENCH_ENGINE_OUTPUT=FILE.
 * Load runs go to 127.0.0.1 only and are bounded in time. Not part of `pnpm test`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { REPO_DIR } from "./bench-servers";
import { benchCompression, type CompressionBench } from "./browser-compression";
import { type EngineFigures, engineFigures } from "./engine-figures";
import { benchDetector, type DetectorBench } from "./live-detector";
import { benchOffline, type OfflineBench } from "./offline-load";
import { benchProxy, type ProxyBench } from "./proxy-load";
import { benchRateLimit, type RateLimitBench } from "./rate-limit-load";
import { jpegOfSize } from "./request-bodies";
import { benchSdkComparison, COMPARED_CONNECTIONS, type SdkComparison } from "./sdk-compare";
import { benchSessions, type SessionsBench } from "./sessions-load";
import { measureInitialJs, type WebBundle } from "./web-bundle";

const { values } = parseArgs({
  // pnpm passes a literal "--" through when the caller wrote `pnpm bench -- --quick`.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    quick: { type: "boolean", default: false },
    json: { type: "string" },
    "skip-browser": { type: "boolean", default: false },
    only: { type: "string" },
  },
});
const only = values.only ? new Set(values.only.split(",").map((part) => part.trim())) : null;
const quick = values.quick === true;
const seconds = quick ? 5 : 30;

type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };
async function attempt<T>(name: string, part: string, run: () => Promise<T> | T): Promise<Outcome<T>> {
  if (only && !only.has(part)) return { ok: false, error: "not run (--only)" };
  const started = performance.now();
  process.stderr.write(`bench: ${name}…\n`);
  try {
    const value = await run();
    process.stderr.write(`bench: ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    return { ok: true, value };
  } catch (error) {
    const message = error instanceof Error ? (error.message.split("\n")[0] ?? String(error)) : String(error);
    process.stderr.write(`bench: ${name} failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    return { ok: false, error: message };
  }
}

function ensureBuilt() {
  if (!existsSync(join(REPO_DIR, "web/dist/index.html"))) {
    execFileSync("pnpm", ["--filter", "web", "build"], { cwd: REPO_DIR, stdio: "inherit" });
  }
  execFileSync(process.execPath, ["build.mjs"], { cwd: join(REPO_DIR, "server"), stdio: "ignore" });
}

const started = Date.now();
ensureBuilt();
const web = await attempt("initial JS", "web", () => measureInitialJs());
const proxy = await attempt("proxy load", "proxy", () =>
  benchProxy({ durationSeconds: seconds, rounds: 3, connections: 50 }),
);
const sdk = await attempt("ours vs the bare SDK", "sdk", () =>
  benchSdkComparison({ durationSeconds: quick ? 5 : 15, rounds: quick ? 2 : 4 }),
);
// The limiter counts requests, whatever their size: a small file keeps this about the limiter, not the upload (800 x
// 500 pixels: the Tencent provider refuses smaller photos before calling).
const rateLimit = await attempt("rate limit under load", "rate-limit", async () =>
  benchRateLimit({ durationSeconds: quick ? 5 : 10, image: await jpegOfSize(800, 500) }),
);
const offline = await attempt("offline engine load", "offline", () =>
  benchOffline({ durationSeconds: quick ? 10 : 30, burst: 40 }),
);
const compression = values["skip-browser"]
  ? ({ ok: false, error: "skipped (--skip-browser)" } as const)
  : await attempt("browser compression", "browser", () => benchCompression({ runs: quick ? 3 : 7 }));
const detector = values["skip-browser"]
  ? ({ ok: false, error: "skipped (--skip-browser)" } as const)
  : await attempt("live document detector", "detector", () => benchDetector({ frames: 8, runs: quick ? 3 : 8 }));
const sessionsLoad = await attempt("sessions on PGlite and PostgreSQL", "sessions", () =>
  benchSessions({ seconds: quick ? 3 : 15 }),
);
const engine = await attempt("engine figures (bench:engine)", "engine", () =>
  engineFigures({ perCondition: quick ? 5 : 20, latency: quick ? 3 : 10 }),
);

const machine = {
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  load: readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" "),
};

// ---- one table ----
const ms = (n: number) => `${Math.round(n)} ms`;
const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length
    ? ((s[Math.floor((s.length - 1) / 2)] ?? 0) + (s[Math.ceil((s.length - 1) / 2)] ?? 0)) / 2
    : Number.NaN;
};
const rows: [string, string, string][] = [];
const row = (metric: string, value: string, note = "") => rows.push([metric, value, note]);
const failed = (metric: string, outcome: { ok: false; error: string }) => row(metric, "n/a", outcome.error);

if (proxy.ok) {
  const p = proxy.value as ProxyBench;
  const u = p.unloaded;
  row(
    "Proxy added latency, 1 connection, p50 / p99",
    `${ms(u.proxy.latencyP50Ms - u.direct.latencyP50Ms)} / ${ms(u.proxy.latencyP99Ms - u.direct.latencyP99Ms)}`,
    `direct ${ms(u.direct.latencyP50Ms)} / ${ms(u.direct.latencyP99Ms)}, through us ${ms(u.proxy.latencyP50Ms)} / ${ms(u.proxy.latencyP99Ms)}`,
  );
  // A round where nothing completed has no latency to compare (autocannon reports 0): leave it out and say so.
  const measured = p.rounds.filter((r) => r.proxy.requests > 0 && r.direct.requests > 0);
  const addP50 = median(measured.map((r) => r.proxy.latencyP50Ms - r.direct.latencyP50Ms));
  const addP99 = median(measured.map((r) => r.proxy.latencyP99Ms - r.direct.latencyP99Ms));
  row(
    `Proxy added latency, ${p.connections} connections, p50 / p99`,
    measured.length ? `${ms(addP50)} / ${ms(addP99)}` : "n/a",
    `median of ${measured.length} of ${p.rounds.length} rounds of ${p.durationSeconds} s with completed calls; ` +
      `through us p50 ${ms(median(measured.map((r) => r.proxy.latencyP50Ms)))}, ${kb(p.imageBytes)} JPEG`,
  );
  const proxyRps = median(p.rounds.map((r) => r.proxy.requestsPerSecond));
  const directRps = median(p.rounds.map((r) => r.direct.requestsPerSecond));
  row(
    "Proxy throughput (through us / direct)",
    `${proxyRps.toFixed(1)} / ${directRps.toFixed(1)} req/s`,
    `ratio ${(proxyRps / directRps).toFixed(2)}`,
  );
  row("Proxy errors other than 429", String(p.unexpectedErrors), "must be 0");
  row(
    "Server peak RSS under load",
    mb(p.peakRssBytes),
    `budget 600 MB (400 MB before the embedded database, ~200 MB idle): ${p.peakRssBytes <= 600 * 2 ** 20 ? "within" : "OVER"}`,
  );
  const rss = p.rounds.map((r) => r.rssAfterBytes);
  row(
    "Server RSS after rounds 1..3",
    rss.map(mb).join(", "),
    "idle 2 s after each round; the collector makes it swing",
  );
  const live = p.rounds.map((r) => r.afterGc.heapUsed + r.afterGc.external);
  const growth = (live.at(-1) ?? 0) - (live[0] ?? 0);
  row(
    "Server live memory after full GC, warm-up and rounds 1..3",
    [p.warmGc.heapUsed + p.warmGc.external, ...live].map(mb).join(", "),
    `heap + external; growth round 1 -> ${live.length}: ${mb(growth)}`,
  );
} else failed("Proxy load", proxy);

if (sdk.ok) {
  const c = sdk.value as SdkComparison;
  for (const connections of COMPARED_CONNECTIONS) {
    const runs = c.runs[connections];
    if (!runs) continue;
    const p50 = (figures: { latencyP50Ms: number }[]) => median(figures.map((f) => f.latencyP50Ms));
    const rps = (figures: { requestsPerSecond: number }[]) => median(figures.map((f) => f.requestsPerSecond));
    row(
      `Ours / bare SDK, ${connections} connection${connections > 1 ? "s" : ""}, p50`,
      `${p50(runs.ours).toFixed(1)} / ${p50(runs.bare).toFixed(1)} ms`,
      `difference ${(p50(runs.ours) - p50(runs.bare)).toFixed(1)} ms (target: within 1 ms at 1 connection)`,
    );
    row(
      `Ours / bare SDK, ${connections} connection${connections > 1 ? "s" : ""}, throughput`,
      `${rps(runs.ours).toFixed(1)} / ${rps(runs.bare).toFixed(1)} req/s`,
      `ratio ${(rps(runs.ours) / rps(runs.bare)).toFixed(2)} (target at 16: at least 1.00); median of ${c.rounds} alternating rounds of ${c.durationSeconds} s`,
    );
    const cpu = (figures: { cpuMsPerRequest: number }[]) => median(figures.map((f) => f.cpuMsPerRequest));
    row(
      `Ours / bare SDK, ${connections} connection${connections > 1 ? "s" : ""}, server CPU per request`,
      `${cpu(runs.ours).toFixed(1)} / ${cpu(runs.bare).toFixed(1)} ms`,
      "user + system time of each server process over its runs; steadier than latency on a shared machine",
    );
  }
  row("Ours / bare SDK, answers other than 200", `${c.unexpected.ours} / ${c.unexpected.bare}`, "must be 0");
} else failed("Ours vs the bare SDK", sdk);

if (rateLimit.ok) {
  const r = rateLimit.value as RateLimitBench;
  row(
    "Rate limit: abuser 200 / 429",
    `${r.abuserAllowed} / ${r.abuserLimited}`,
    `limit ${r.limit} per window; 20 connections for ${r.durationSeconds} s`,
  );
  row(
    "Rate limit: polite client refused",
    `${r.politeRefused} of ${r.polite.requests}`,
    `at the same time; its p50 ${ms(r.polite.latencyP50Ms)}; unexpected answers ${r.unexpectedErrors}`,
  );
} else failed("Rate limit under load", rateLimit);

if (offline.ok) {
  const o = offline.value as OfflineBench;
  if (o.ready) {
    row(
      "Offline engine throughput",
      `${o.imagesPerSecond.toFixed(2)} images/s`,
      `${o.workers} workers, p50 ${ms(o.throughput.latencyP50Ms)}`,
    );
    row(
      "Offline engine burst beyond queue",
      `${o.burst.busyWithRetryAfter} of ${o.burst.sent} got 503 + Retry-After`,
      `queue ${o.queueMax}; statuses ${JSON.stringify(o.burst.statuses)}; peak RSS ${mb(o.peakRssBytes)}`,
    );
  } else row("Offline engine", "pending", o.reason);
} else failed("Offline engine", offline);

if (compression.ok) {
  const c = compression.value as CompressionBench;
  row(
    "Browser compression, 12 MP photo (Chromium)",
    `${ms(c.medianMs)} median`,
    `${c.runs} runs, first ${ms(c.firstMs)}; ${c.photo.width}x${c.photo.height} ${kb(c.photo.bytes)} -> ${c.output.width}x${c.output.height} ${kb(c.output.bytes)}`,
  );
} else failed("Browser compression, 12 MP photo", compression);

if (detector.ok) {
  const d = detector.value as DetectorBench;
  row(
    "Live document detector per analysed frame (Chromium), median / p95",
    `${d.medianMs.toFixed(1)} / ${d.p95Ms.toFixed(1)} ms`,
    `search alone ${d.searchMedianMs.toFixed(1)} ms; main-thread CPU ${d.cpuMs.toFixed(1)} ms; ${d.frames} synthetic 1920x1080 frames x ${d.runs}`,
  );
  row(
    `Live document detector, CPU throttled ${d.throttle}x (mid-phone stand-in), median / p95`,
    `${d.throttledMedianMs.toFixed(1)} / ${d.throttledP95Ms.toFixed(1)} ms`,
    `budget 30 ms: ${d.throttledP95Ms <= 30 ? "within" : "OVER"}; MRZ found on ${d.found} of ${d.frames}, capital height off by ${d.capErrorMedianPx.toFixed(2)} px (median)`,
  );
} else failed("Live document detector", detector);

if (web.ok) {
  const w = web.value as WebBundle;
  row("Initial JS, gzipped", kb(w.gzipBytes), `${kb(w.rawBytes)} raw, ${w.files.length} file(s)`);
} else failed("Initial JS, gzipped", web);

if (sessionsLoad.ok) {
  const s = sessionsLoad.value as SessionsBench;
  for (const r of s.results) {
    row(
      `Sessions on ${r.database}: created / submitted per second`,
      `${r.createdPerSecond.toFixed(0)} / ${r.submittedPerSecond.toFixed(0)}`,
      "in-process API calls, 8 at a time; submit = confirm a stored read (transaction + outbox row)",
    );
    row(
      `Webhook delivery on ${r.database}, p50 / p99`,
      `${ms(r.webhookP50Ms)} / ${ms(r.webhookP99Ms)}`,
      `${r.webhooks} submissions one at a time, submit's answer to a verifying receiver on loopback`,
    );
  }
  for (const reason of s.skipped) row("Sessions", "skipped", reason);
} else failed("Sessions", sessionsLoad);

if (engine.ok) {
  const e = engine.value as EngineFigures;
  for (const [metric, value, note] of e.rows) row(metric, value, note);
  row("Engine figures from", e.source, "full figures: pnpm --filter server bench:engine");
} else failed("Engine accuracy and latency", engine);

const widths = [0, 1, 2].map((i) =>
  Math.max(...rows.map((r) => r[i]?.length ?? 0), ["Metric", "Value", "Notes"][i]?.length ?? 0),
);
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
console.log(
  `\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, load ${machine.load}${quick ? " (--quick)" : ""}`,
);
console.log(line(["Metric", "Value", "Notes"]));
console.log(line(widths.map((w) => "-".repeat(w))));
for (const r of rows) console.log(line(r));
console.log(`\n(${Math.round((Date.now() - started) / 1000)} s)`);

if (values.json) {
  writeFileSync(
    values.json,
    JSON.stringify(
      { machine, quick, web, proxy, sdk, rateLimit, offline, compression, sessions: sessionsLoad, engine },
      null,
      2,
    ),
  );
}
