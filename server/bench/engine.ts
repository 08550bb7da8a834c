/**
 * Offline engine benchmark (issues 4 and 16): `pnpm --filter server bench:engine [--per-condition 100] [--latency 30]
 * [--skip-eng] [--skip-real] [--real-only]`.
 * Held-out synthetic passports (evaluation seed range, never used for training), run through the real provider
 * (worker threads, tesseract.js, MRZ engine) with our MRZ model and with Debian's stock English model; then the
 * real-world set (`../shared/real-mrz/`, read in place, skipped with a message when absent) with our model.
 * Images stay in memory; nothing is written to disk except a temporary copy of the stock model.
 */
import { fork } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { PassportResult } from "contract/result";
import { AppError } from "../src/errors";
import { createLocalProvider, type LocalProvider } from "../src/passport/local/provider";
import { CONDITION_PRESETS, type ConditionPreset } from "../synthetic/conditions";
import { type GeneratedPassport, generatePassport } from "../synthetic/generate-passport";
import { SEED_RANGES } from "../synthetic/seed-ranges";
import { formatRealWorldRow, formatRealWorldTotals, realWorldTotals, runRealWorld } from "./engine-real-world";
import { readOutcome, unflaggedWrong } from "./read-outcome";
import { realWorldSetDir } from "./real-world-set";

const { values } = parseArgs({
  options: {
    "per-condition": { type: "string", default: "100" },
    latency: { type: "string", default: "30" },
    "skip-eng": { type: "boolean", default: false },
    /** Another model to compare, e.g. a newer training run (default: server/models/mrz, mrz). */
    "model-dir": { type: "string" },
    lang: { type: "string", default: "mrz" },
    /** Leave out the real-world set, or run only it. */
    "skip-real": { type: "boolean", default: false },
    "real-only": { type: "boolean", default: false },
  },
});
const PER_CONDITION = Number(values["per-condition"]);
const LATENCY_COUNT = Number(values.latency);
/** Our own slice of the evaluation range, apart from the model's EVAL.md sets. */
const SEED_BASE = SEED_RANGES.eval.from + 50_000_000;
const STOCK_ENG = "/usr/share/tesseract-ocr/5/tessdata/eng.traineddata";
if (!values["skip-eng"] && !values["real-only"] && !existsSync(STOCK_ENG)) {
  console.error(`stock English model missing at ${STOCK_ENG}: apt-get install tesseract-ocr-eng, or pass --skip-eng`);
  process.exit(1);
}

interface Tally {
  exact: number;
  /** Wrong reads returned as results, by the wrong fields: "verified" (a wrong field in state verified that no
   *  warning doubting the read (READ_DOUBTS, src/engine/read/doubted-fields.ts) names: the failure that must never happen),
   *  "corrected or flagged" (a wrong field made to hold by a reported substitution, failed, or verified but named by
   *  such a warning), or only unguarded fields (names, codes, sex: "unchecked"). */
  wrongVerified: number;
  wrongCorrected: number;
  wrongUnchecked: number;
  /** Wrong reads, of any of the three kinds, with a wrong field no doubting warning names. */
  unflagged: number;
  notFound: number;
  unreadable: number;
  other: number;
  total: number;
}

const emptyTally = (): Tally => ({
  exact: 0,
  wrongVerified: 0,
  wrongCorrected: 0,
  wrongUnchecked: 0,
  unflagged: 0,
  notFound: 0,
  unreadable: 0,
  other: 0,
  total: 0,
});

async function outcome(provider: LocalProvider, g: GeneratedPassport, tally: Tally): Promise<void> {
  tally.total++;
  let result: PassportResult;
  try {
    result = await provider.recognize({
      image: g.image,
      mediaType: g.mediaType,
      portrait: false,
      requestId: "bench",
      client: "bench",
      signal: new AbortController().signal,
    });
  } catch (err) {
    if (err instanceof AppError && err.code === "mrz_not_found") tally.notFound++;
    else if (err instanceof AppError && err.code === "mrz_unreadable") tally.unreadable++;
    else tally.other++;
    return;
  }
  if (!result.mrz) {
    tally.other++;
    return;
  }
  const o = readOutcome(result.mrz, result.warnings, g.truth.mrzLines);
  if (o.kind === "exact") {
    tally.exact++;
    return;
  }
  const wrong = o.kind === "wrong" ? o.fields : [];
  if (unflaggedWrong(o)) tally.unflagged++;
  if (wrong.some((f) => f.state === "verified" && !f.flagged)) tally.wrongVerified++;
  else if (wrong.some((f) => f.state === "verified" || f.state === "corrected" || f.state === "failed"))
    tally.wrongCorrected++;
  else tally.wrongUnchecked++;
  if (process.env.BENCH_VERBOSE) {
    process.stderr.write(`  wrong read, seed ${g.truth.seed}: ${result.mrz.lines.join(" / ")}\n`);
  }
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : "n/a");
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function accuracy(
  providers: Record<string, LocalProvider>,
): Promise<Record<string, Record<ConditionPreset, Tally>>> {
  const tallies: Record<string, Record<ConditionPreset, Tally>> = {};
  for (const name of Object.keys(providers)) {
    tallies[name] = Object.fromEntries(CONDITION_PRESETS.map((p) => [p, emptyTally()])) as Record<
      ConditionPreset,
      Tally
    >;
  }
  for (const [ci, preset] of CONDITION_PRESETS.entries()) {
    const started = performance.now();
    // Small batches: generate, then let each provider's two workers read them concurrently.
    for (let i = 0; i < PER_CONDITION; i += 4) {
      const batch: GeneratedPassport[] = [];
      for (let k = i; k < Math.min(PER_CONDITION, i + 4); k++) {
        batch.push(await generatePassport({ seed: SEED_BASE + ci * 1_000_000 + k, conditions: preset }));
      }
      for (const [name, provider] of Object.entries(providers)) {
        const t = tallies[name]![preset];
        await Promise.all(batch.map((g) => outcome(provider, g, t)));
      }
    }
    process.stderr.write(
      `  ${preset}: ${PER_CONDITION} images in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
    );
  }
  return tallies;
}

async function twelveMegapixel(count: number, offset: number): Promise<GeneratedPassport[]> {
  const out: GeneratedPassport[] = [];
  for (let i = 0; i < count; i++) {
    out.push(
      await generatePassport({
        seed: SEED_BASE + 5_000_000 + offset + i,
        conditions: { preset: "moderate", width: 4000, height: 3000 },
      }),
    );
  }
  return out;
}

async function measureRss(
  photos: GeneratedPassport[],
  modelDir: string,
  lang: string,
): Promise<{ baseline: number; peak: number; done: number }> {
  const child = fork(join(import.meta.dirname, "engine-rss-child.ts"), [], {
    execArgv: ["--import", "tsx"],
    serialization: "advanced",
  });
  const answer = new Promise<{ baseline: number; peak: number; done: number }>((resolve, reject) => {
    child.once("message", (m) => resolve(m as { baseline: number; peak: number; done: number }));
    child.once("exit", (code) => reject(new Error(`rss child exited with ${code}`)));
  });
  child.send({ modelDir, lang, images: photos.map((g) => ({ image: g.image, mediaType: g.mediaType })) });
  return answer;
}

/** The real-world set with our model, one worker, when the set is present. */
async function realWorld(ours: { modelDir: string; lang: string }): Promise<void> {
  const dir = realWorldSetDir();
  if (!dir) {
    console.log(
      "\nreal-world set: skipped, ../shared/real-mrz/truth.json not found beside the repository (set REAL_MRZ_DIR to point at it)",
    );
    return;
  }
  const provider = createLocalProvider({ workers: 1, queueMax: 4, ...ours });
  await provider.ready();
  const rows = await runRealWorld(provider, dir);
  await provider.close();
  console.log(`\nreal-world set (${dir}), one worker, one photo at a time`);
  console.log("set | file | format | outcome | wrong fields (state, named by a doubting warning or not) | time");
  for (const row of rows) console.log(formatRealWorldRow(row));
  console.log(formatRealWorldTotals(realWorldTotals(rows)));
}

async function main() {
  const modelDir = values["model-dir"] ?? join(import.meta.dirname, "..", "models", "mrz");
  const lang = values.lang;
  const ours = { modelDir, lang };
  const ourModel = join(modelDir, `${lang}.traineddata`);
  if (!existsSync(ourModel)) throw new Error(`model missing: ${ourModel}`);
  if (values["real-only"]) {
    await realWorld(ours);
    return;
  }
  console.log(
    `offline engine benchmark: ${PER_CONDITION} held-out images per condition (${CONDITION_PRESETS.join(", ")}), seeds from ${SEED_BASE}`,
  );

  // 1. Latency per 12 MP photo, one worker, one request at a time.
  const photos = await twelveMegapixel(LATENCY_COUNT, 0);
  const single = createLocalProvider({ workers: 1, queueMax: 4, ...ours });
  await single.ready();
  const warm = await twelveMegapixel(3, 1000);
  for (const g of warm) await outcome(single, g, emptyTally());
  const times: number[] = [];
  const latencyTally = emptyTally();
  // CPU time of the whole process (main thread, the worker, libvips threads) per photo: a figure the other
  // tenants of a shared machine do not inflate the way they inflate wall-clock time.
  const cpuBefore = process.cpuUsage();
  for (const g of photos) {
    const t0 = performance.now();
    await outcome(single, g, latencyTally);
    times.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerPhoto = (cpu.user + cpu.system) / 1000 / Math.max(1, photos.length);
  await single.close();
  times.sort((a, b) => a - b);

  // 2. Peak memory of a server-like child process with two workers, both busy (the bench's own generator memory
  //    would otherwise count).
  const rss = photos.length > 0 ? await measureRss(photos.slice(0, 10), modelDir, lang) : null;

  // 3. Accuracy: ours and the stock English model, same images.
  const providers: Record<string, LocalProvider> = {
    [lang]: createLocalProvider({ workers: 2, queueMax: 16, ...ours }),
  };
  let engDir: string | null = null;
  if (!values["skip-eng"]) {
    engDir = mkdtempSync(join(tmpdir(), "bench-eng-"));
    copyFileSync(STOCK_ENG, join(engDir, "eng.traineddata"));
    providers.eng = createLocalProvider({ workers: 2, queueMax: 16, modelDir: engDir, lang: "eng" });
  }
  await Promise.all(Object.values(providers).map((p) => p.ready()));
  const tallies = await accuracy(providers);
  await Promise.all(Object.values(providers).map((p) => p.close()));
  if (engDir) rmSync(engDir, { recursive: true, force: true });

  console.log(
    "\nexact MRZ (all lines equal ground truth); targets: clean >= 99%, moderate >= 97%, hard >= 90%, rotated >= 95%",
  );
  console.log(
    "model | condition | exact | wrong, in a verified field (not flagged) | wrong, in a corrected or flagged field | wrong, only unchecked fields | mrz_not_found | mrz_unreadable | other errors | wrong, a wrong field no warning names",
  );
  for (const [name, byPreset] of Object.entries(tallies)) {
    for (const preset of CONDITION_PRESETS) {
      const t = byPreset[preset];
      console.log(
        `${name} | ${preset} | ${t.exact}/${t.total} (${pct(t.exact, t.total)}) | ${t.wrongVerified} | ${t.wrongCorrected} | ${t.wrongUnchecked} | ${t.notFound} | ${t.unreadable} | ${t.other} | ${t.unflagged}`,
      );
    }
  }
  if (times.length > 0) {
    console.log(
      `\nlatency per 12 MP photo (4000x3000 JPEG, moderate), one worker, ${times.length} photos: median ${quantile(times, 0.5).toFixed(0)} ms, p95 ${quantile(times, 0.95).toFixed(0)} ms (targets 400 / 1000 ms); CPU time ${cpuMsPerPhoto.toFixed(0)} ms per photo; exact ${latencyTally.exact}/${latencyTally.total}; load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`,
    );
  }
  if (rss) {
    console.log(
      `peak RSS with two workers busy (${rss.done} photos of 12 MP in flight at once (2 running, 8 queued), portraits on): ${mb(rss.peak)}; idle with both workers loaded: ${mb(rss.baseline)}; target <= 600 MB`,
    );
  }
  if (!values["skip-real"]) await realWorld(ours);
}

await main();
