import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import type { GrayImage } from "contract/geometry";
import { CONDITION_PRESETS, type ConditionPreset } from "../../synthetic/conditions";
import { generatePassport } from "../../synthetic/generate-passport";
import { assertSeedFor } from "../../synthetic/seed-ranges";
import { engineBand } from "./engine-band";

/**
 * In-domain training lines for the MRZ recogniser: generated passport photos (training seed range only) under the
 * capture presets given (default: hard and moderate), put through the engine's own locate and crop stages
 * (engine-band.ts), each MRZ line of the band written as NAME.png + NAME.gt.txt + NAME.box (as make-lines.ts). When the engine's locator
 * misses the band, the ground-truth corners make the candidate, so the hard cases are in the set too.
 */
const { values } = parseArgs({
  options: {
    out: { type: "string" },
    from: { type: "string" },
    count: { type: "string", default: "100" },
    /** Seeds from, from + step, ... (parallel jobs take interleaved seeds, so any prefix of the range is complete). */
    step: { type: "string", default: "1" },
    /** Capture presets with their shares, e.g. "hard:0.6,moderate:0.4" (shares add up to 1). */
    presets: { type: "string", default: "hard:0.6,moderate:0.4" },
  },
  strict: true,
});
const usage =
  "usage: tsx models/mrz/make-crop-lines.ts --out DIR --from SEED --count N [--step 1] [--presets hard:0.6,moderate:0.4]";
if (!values.out || values.from === undefined) throw new Error(usage);
const from = Number(values.from);
const count = Number(values.count);
const step = Number(values.step);
const shares = (values.presets ?? "").split(",").map((p) => {
  const [name, share] = p.split(":");
  if (!CONDITION_PRESETS.includes(name as ConditionPreset)) throw new Error(`unknown preset ${name}. ${usage}`);
  return { preset: name as ConditionPreset, share: Number(share) };
});
if (!Number.isInteger(count) || count < 1) throw new Error(`--count must be a positive integer. ${usage}`);
if (!Number.isInteger(step) || step < 1) throw new Error(`--step must be a positive integer. ${usage}`);
if (Math.abs(shares.reduce((sum, p) => sum + p.share, 0) - 1) > 1e-6) throw new Error(`shares must add up to 1. ${usage}`);
assertSeedFor("train", from);
const last = from + (count - 1) * step;
assertSeedFor("train", last);

/** Preset of a seed: a fixed pattern over 20 seeds, so the set is the same on every run. */
function presetOf(seed: number): ConditionPreset {
  const at = (seed % 20) / 20;
  let upTo = 0;
  for (const p of shares) {
    upTo += p.share;
    if (at < upTo - 1e-9) return p.preset;
  }
  return shares[shares.length - 1]!.preset;
}

async function writeLine(name: string, line: GrayImage, text: string): Promise<void> {
  const png = await sharp(Buffer.from(line.data), { raw: { width: line.width, height: line.height, channels: 1 } })
    .toColourspace("b-w")
    .png()
    .toBuffer();
  await writeFile(`${name}.png`, png);
  await writeFile(`${name}.gt.txt`, `${text}\n`);
  const { width: w, height: h } = line;
  // Written last: its presence marks the line complete (resumable runs).
  await writeFile(`${name}.box`, `WordStr 0 0 ${w} ${h} 0 #${text}\n\t ${w} ${h} ${w + 1} ${h + 1} 0\n`);
}

const tally = { pages: 0, located: 0, fromTruth: 0, skipped: 0, lines: 0 };
await mkdir(values.out, { recursive: true });
for (let seed = from; seed <= last; seed += step) {
  const name = (line: number) => join(values.out as string, `crop_${seed}_${line}`);
  if (existsSync(`${name(1)}.box`) || existsSync(`${name(0)}.skip`)) continue;
  tally.pages++;
  const p = await generatePassport({ seed, conditions: presetOf(seed) });
  const band = await engineBand(p);
  if (!band) {
    tally.skipped++;
    await writeFile(`${name(0)}.skip`, "no crop with the band's lines on the truth band\n");
    continue;
  }
  if (band.via === "engine") tally.located++;
  else tally.fromTruth++;
  for (const [i, line] of band.lines.entries()) {
    await writeLine(name(i), line, p.truth.mrzLines[i] as string);
    tally.lines++;
  }
}
process.stdout.write(
  `crop lines (train seeds ${from}..${last} step ${step}) -> ${values.out}: ${tally.pages} photos, ` +
    `${tally.located} located by the engine, ${tally.fromTruth} from truth corners, ${tally.skipped} skipped, ` +
    `${tally.lines} lines\n`,
);
