import { parseArgs } from "node:util";
import { distance } from "fastest-levenshtein";
import sharp from "sharp";
import { PSM, type Worker } from "tesseract.js";
import { generatePassport } from "../../synthetic/generate-passport";
import { randomLineDegradation, renderMrzLineImage } from "../../synthetic/mrz-line-image";
import { randomMrzLineText } from "../../synthetic/mrz-line-text";
import { MRZ_BAND_MM, MRZ_LAYOUT } from "../../synthetic/page-geometry";
import { Random } from "../../synthetic/random";
import { assertSeedFor } from "../../synthetic/seed-ranges";
import { createOfflineWorker, MRZ_MODEL_DIR } from "./mrz-worker";
import { rectifyQuad } from "./rectify-quad";

/** Held-out evaluation of the MRZ model against the stock English model, on eval-range seeds only.
 *  Prints a markdown table for EVAL.md. */
const { values } = parseArgs({
  options: {
    lines: { type: "string", default: "200" },
    pages: { type: "string", default: "40" },
    capHeight: { type: "string", default: "32" },
    models: { type: "string", default: "mrz,eng" },
    modelDir: { type: "string", default: MRZ_MODEL_DIR },
    showErrors: { type: "boolean", default: false },
    only: { type: "string", default: "" },
  },
  strict: true,
});
const LINE_COUNT = Number(values.lines);
const PAGE_COUNT = Number(values.pages);
const CAP_HEIGHT = Number(values.capHeight);
const SEEDS = { cleanLines: 1_000_100_000, mixedLines: 1_000_200_000, moderate: 1_000_300_000, hard: 1_000_400_000 };

interface Sample {
  /** PNG crops handed to the recogniser, and the truth of each. */
  crops: { png: Buffer; truth: string[] }[];
}

interface Score {
  chars: number;
  errors: number;
  lines: number;
  exactLines: number;
  docs: number;
  exactDocs: number;
  ms: number;
}

const clean = (s: string) => s.replace(/[^A-Z0-9<\n]/g, "");

async function lineSet(from: number, severity: "clean" | "mixed"): Promise<Sample> {
  assertSeedFor("eval", from);
  const crops: Sample["crops"] = [];
  for (let seed = from; seed < from + LINE_COUNT; seed++) {
    const rng = new Random(seed);
    const text = randomMrzLineText(rng);
    const line = await renderMrzLineImage(text, randomLineDegradation(rng, severity), rng);
    crops.push({ png: Buffer.from(line.png), truth: [text] });
  }
  return { crops };
}

/** Whole passports under capture conditions; the MRZ band is cut out with the truth corners (a perfect locator) and
 *  straightened to CAP_HEIGHT px capitals, as the engine's locate-and-deskew stage would hand it over. */
async function pageSet(from: number, preset: "moderate" | "hard", split: boolean): Promise<Sample> {
  assertSeedFor("eval", from);
  const crops: Sample["crops"] = [];
  for (let seed = from; seed < from + PAGE_COUNT; seed++) {
    const p = await generatePassport({ seed, conditions: preset });
    const { data, info } = await sharp(p.image).greyscale().raw().toBuffer({ resolveWithObject: true });
    const pxPerMm = CAP_HEIGHT / MRZ_LAYOUT.capHeight;
    const bandW = Math.round((MRZ_BAND_MM.right - MRZ_BAND_MM.left) * pxPerMm);
    const bandH = Math.round((MRZ_BAND_MM.bottom - MRZ_BAND_MM.top) * pxPerMm);
    const band = rectifyQuad({ data, width: info.width, height: info.height }, p.truth.mrzBand, bandW, bandH);
    const toPng = (buf: Uint8Array, w: number, h: number) =>
      sharp(Buffer.from(buf), { raw: { width: w, height: h, channels: 1 } }).png().toBuffer();
    if (!split) {
      crops.push({ png: await toPng(band.data, bandW, bandH), truth: [...p.truth.mrzLines] });
    } else {
      const half = Math.round(bandH / 2);
      crops.push({ png: await toPng(band.data.subarray(0, half * bandW), bandW, half), truth: [p.truth.mrzLines[0]] });
      crops.push({
        png: await toPng(band.data.subarray(half * bandW), bandW, bandH - half),
        truth: [p.truth.mrzLines[1]],
      });
    }
  }
  return { crops };
}

async function score(worker: Worker, sample: Sample, docSize: number): Promise<Score> {
  const s: Score = { chars: 0, errors: 0, lines: 0, exactLines: 0, docs: 0, exactDocs: 0, ms: 0 };
  let docOk = true;
  let inDoc = 0;
  for (const crop of sample.crops) {
    const t0 = performance.now();
    const { data } = await worker.recognize(crop.png);
    s.ms += performance.now() - t0;
    const got = clean(data.text)
      .split("\n")
      .filter((l) => l.length > 0);
    crop.truth.forEach((truth, i) => {
      const read = got[i] ?? "";
      s.chars += truth.length;
      s.errors += distance(read, truth);
      s.lines++;
      if (read === truth) s.exactLines++;
      else {
        docOk = false;
        if (values.showErrors) process.stderr.write(`  truth ${truth}\n  read  ${read}\n`);
      }
    });
    if (got.length !== crop.truth.length) docOk = false;
    inDoc += crop.truth.length;
    if (inDoc >= docSize) {
      s.docs++;
      if (docOk) s.exactDocs++;
      docOk = true;
      inDoc = 0;
    }
  }
  return s;
}

const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(2)}%`;

const sets: { name: string; make: () => Promise<Sample>; psm: PSM; docSize: number }[] = [
  { name: `clean lines (${LINE_COUNT})`, make: () => lineSet(SEEDS.cleanLines, "clean"), psm: PSM.SINGLE_LINE, docSize: 1 },
  { name: `degraded lines (${LINE_COUNT})`, make: () => lineSet(SEEDS.mixedLines, "mixed"), psm: PSM.SINGLE_LINE, docSize: 1 },
  {
    name: `moderate pages, band as 2 line crops, PSM 7 (${PAGE_COUNT})`,
    make: () => pageSet(SEEDS.moderate, "moderate", true),
    psm: PSM.SINGLE_LINE,
    docSize: 2,
  },
  {
    name: `moderate pages, whole band, PSM 6 (${PAGE_COUNT})`,
    make: () => pageSet(SEEDS.moderate, "moderate", false),
    psm: PSM.SINGLE_BLOCK,
    docSize: 2,
  },
  {
    name: `hard pages, band as 2 line crops, PSM 7 (${PAGE_COUNT})`,
    make: () => pageSet(SEEDS.hard, "hard", true),
    psm: PSM.SINGLE_LINE,
    docSize: 2,
  },
  {
    name: `hard pages, whole band, PSM 6 (${PAGE_COUNT})`,
    make: () => pageSet(SEEDS.hard, "hard", false),
    psm: PSM.SINGLE_BLOCK,
    docSize: 2,
  },
];

const models = (values.models ?? "mrz,eng").split(",") as ("mrz" | "eng")[];
process.stdout.write(`capitals straightened to ${CAP_HEIGHT} px for page sets\n\n`);
process.stdout.write("| set | model | CER | exact lines | exact MRZ (all lines) | ms per crop |\n|---|---|---|---|---|---|\n");
for (const set of sets.filter((x) => x.name.includes(values.only ?? ""))) {
  const sample = await set.make();
  for (const model of models) {
    const worker = await createOfflineWorker(model, set.psm, true, values.modelDir);
    try {
      const s = await score(worker, sample, set.docSize);
      process.stdout.write(
        `| ${set.name} | ${model} | ${pct(s.errors, s.chars)} | ${pct(s.exactLines, s.lines)} | ${s.exactDocs}/${s.docs} | ${(s.ms / sample.crops.length).toFixed(0)} |\n`,
      );
    } finally {
      await worker.terminate();
    }
  }
}
