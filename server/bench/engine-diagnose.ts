/**
 * Offline engine failure diagnosis:
 * `node --import tsx bench/engine-diagnose.ts [--per-condition 60] [--verbose] [--model-dir D] [--second-model]`.
 * Runs the pipeline in-process on generated passports from the TRAINING seed range (never the benchmark's seeds) and
 * classifies every failure by the first stage that went wrong, comparing with the generator's truth (the stages with
 * the first model; `--second-model` reads as the server does, the second model asked on a doubted read, and counts
 * wrong reads no doubting warning names):
 * locator found nothing / wrong region / crop cut or misaligned / recogniser misread (field and characters) /
 * correction refused. Images stay in memory.
 */
import { parseArgs } from "node:util";
import type { Point } from "contract/geometry";
import {
  type BandCandidate,
  CAP_HEIGHT,
  createRecogniser,
  defaultModelDir,
  MAX_CANDIDATES,
  READ_MODE,
  type ReadMode,
  type ReadPassportOptions,
  readPassportImage,
  searchBands,
} from "../src/engine/read-passport-image";
import { AppError } from "../src/errors";
import type { ConditionPreset } from "../synthetic/conditions";
import { generatePassport } from "../synthetic/generate-passport";
import { assertSeedFor, SEED_RANGES } from "../synthetic/seed-ranges";
import { readOutcome, unflaggedWrong } from "./read-outcome";

const { values } = parseArgs({
  options: {
    "per-condition": { type: "string", default: "60" },
    conditions: { type: "string", default: "hard,moderate" },
    /** Offset inside the training range (a slice the recogniser's training lines do not use). */
    "seed-base": { type: "string", default: String(SEED_RANGES.train.from + 90_000_000) },
    verbose: { type: "boolean", default: false },
    "cap-height": { type: "string" },
    "read-mode": { type: "string" },
    /** Folder of the model to diagnose (default: the committed one). */
    "model-dir": { type: "string" },
    /** Ask the folder's second model (mrz2) on a doubted read, as the server does. */
    "second-model": { type: "boolean", default: false },
  },
});
const PER = Number(values["per-condition"]);
const BASE = Number(values["seed-base"]);
const OPTIONS: ReadPassportOptions = {
  capHeight: Number(values["cap-height"] ?? CAP_HEIGHT),
  readMode: (values["read-mode"] as ReadMode | undefined) ?? READ_MODE,
};
const TRUTH_FIELDS: [string, number, number, number][] = [
  ["documentCode", 0, 0, 2],
  ["issuingState", 0, 2, 5],
  ["names", 0, 5, 44],
  ["documentNumber", 1, 0, 10],
  ["nationality", 1, 10, 13],
  ["birthDate", 1, 13, 20],
  ["sex", 1, 20, 21],
  ["expiryDate", 1, 21, 28],
  ["optionalData", 1, 28, 43],
  ["composite", 1, 43, 44],
];

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
const centre = (q: readonly Point[]) => ({
  x: q.reduce((s, p) => s + p.x, 0) / q.length,
  y: q.reduce((s, p) => s + p.y, 0) / q.length,
});

function diffFields(read: string[], truth: string[]): string[] {
  const out: string[] = [];
  for (const [name, line, s, e] of TRUTH_FIELDS) {
    const r = (read[line] ?? "").slice(s, e);
    const t = (truth[line] ?? "").slice(s, e);
    if (r === t) continue;
    const chars: string[] = [];
    for (let i = 0; i < Math.max(r.length, t.length); i++)
      if (r[i] !== t[i]) chars.push(`${t[i] ?? "_"}->${r[i] ?? "_"}`);
    out.push(`${name}(${chars.join(",")})`);
  }
  return out;
}

async function main() {
  const langPath = values["model-dir"] ?? defaultModelDir();
  const ocr = await createRecogniser({ langPath, lang: "mrz" });
  const secondModel = values["second-model"] ? await createRecogniser({ langPath, lang: "mrz2" }) : null;
  const counts = new Map<string, number>();
  const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  const times: number[] = [];
  const presets = (values.conditions ?? "").split(",") as ConditionPreset[];
  for (const [ci, preset] of presets.entries()) {
    for (let k = 0; k < PER; k++) {
      const seed = BASE + ci * 1_000_000 + k;
      assertSeedFor("train", seed);
      const g = await generatePassport({ seed, conditions: preset });
      const truth = g.truth.mrzLines;
      const t0 = performance.now();
      let outcome: string;
      let detail = "";
      try {
        const r = await readPassportImage({ image: g.image, mediaType: g.mediaType, portrait: false }, ocr, {
          ...OPTIONS,
          ...(secondModel ? { secondModel } : {}),
        });
        const lines = r.mrz?.lines ?? [];
        if (lines.join("\n") === truth.join("\n")) outcome = "exact";
        else {
          const wrong = diffFields(lines, truth);
          outcome = `wrong:${wrong.map((w) => w.split("(")[0]).join("+")}`;
          detail = wrong.join(" ");
          if (r.mrz && unflaggedWrong(readOutcome(r.mrz, r.warnings, truth))) {
            bump(`${preset} wrong, a wrong field no warning names`);
            detail = `UNNAMED ${detail}`;
          }
        }
      } catch (err) {
        outcome = err instanceof AppError ? err.code : `error:${String(err)}`;
      }
      times.push(performance.now() - t0);
      bump(`${preset} ${outcome === "exact" ? "exact" : outcome.startsWith("wrong") ? "wrong" : outcome}`);
      if (outcome === "exact") continue;

      // Stage-by-stage: where did it go wrong?
      const search = await searchBands(g, MAX_CANDIDATES);
      const cands: BandCandidate[] = search.candidates;
      const band = g.truth.mrzBand;
      const len = dist(band[0], band[1]);
      const c0 = centre(band);
      const rank = cands.findIndex((c) => dist({ x: c.cx, y: c.cy }, c0) < 0.08 * len);
      let stage: string;
      if (cands.length === 0) stage = "locator:nothing";
      else if (rank < 0) stage = "locator:wrong-region";
      else {
        const cand = cands[rank]!;
        const crop = await search.crop(cand, { capHeight: OPTIONS.capHeight });
        const lenRatio = (2 * cand.halfLength) / len;
        if (!crop) stage = "crop:no-lines";
        else {
          const worst = Math.max(...crop.corners.map((p) => Math.min(...band.map((q) => dist(p, q)))));
          const bad = crop.lines !== 2 || worst > 0.05 * len;
          if (bad) stage = `crop:${crop.lines}lines,corner${((100 * worst) / len).toFixed(1)}%`;
          else {
            const raw = await ocr.readLines(crop.image, "block");
            const texts = raw.map((l) => l.text);
            const picked = texts.slice(-2);
            const wrong = diffFields(picked, truth);
            stage = outcome.startsWith("wrong") ? "misread:accepted" : `ocr:${outcome}`;
            detail = `${detail} raw[${texts.length} lines: ${texts.map((t) => t.length).join(",")}] ${wrong.join(" ")}`;
          }
          detail += ` cand#${rank} lenRatio ${lenRatio.toFixed(2)} cap ${crop?.capHeightPx.toFixed(1)}/${g.truth.mrzCharHeightPx}`;
        }
      }
      bump(`${preset} stage ${stage.split(",")[0]}`);
      const c = g.truth.conditions;
      if (values.verbose)
        console.log(
          `${preset} ${seed} ${outcome} | ${stage} | rot ${c.rotationDeg.toFixed(1)} persp ${c.perspective.toFixed(3)} blur ${c.blurSigma.toFixed(1)} glareMrz ${c.glareOverMrz} moire ${c.moire.toFixed(2)} fill ${c.pageFill.toFixed(2)} ${c.width}x${c.height} | ${detail}`,
        );
    }
  }
  await ocr.terminate();
  await secondModel?.terminate();
  times.sort((a, b) => a - b);
  for (const [k, v] of [...counts.entries()].sort()) console.log(`${k}: ${v}`);
  console.log(
    `in-process time per photo: median ${times[Math.floor(times.length / 2)]?.toFixed(0)} ms, p95 ${times[Math.floor(times.length * 0.95)]?.toFixed(0)} ms`,
  );
}

await main();
