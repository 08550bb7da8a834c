import { parseArgs } from "node:util";
import { distance } from "fastest-levenshtein";
import sharp from "sharp";
import { PSM, type Worker } from "tesseract.js";
import { generatePassport } from "../../synthetic/generate-passport";
import { randomLineDegradation, renderMrzLineImage } from "../../synthetic/mrz-line-image";
import { randomMrzLineText } from "../../synthetic/mrz-line-text";
import { MRZ_BAND_MM } from "../../synthetic/page-geometry";
import { TD3_MM } from "contract/td3-page";
import { Random } from "../../synthetic/random";
import { assertSeedFor } from "../../synthetic/seed-ranges";
import { engineBand } from "./engine-band";
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
    /** A second MRZ model to compare on the same crops (e.g. a new training run's output folder): row "mrz new". */
    newDir: { type: "string" },
    showErrors: { type: "boolean", default: false },
    only: { type: "string", default: "" },
  },
  strict: true,
});
const LINE_COUNT = Number(values.lines);
const PAGE_COUNT = Number(values.pages);
const CAP_HEIGHT = Number(values.capHeight);
const SEEDS = {
  cleanLines: 1_000_100_000,
  mixedLines: 1_000_200_000,
  moderate: 1_000_300_000,
  hard: 1_000_400_000,
  engineClean: 1_000_500_000,
  engineModerate: 1_000_600_000,
  engineHard: 1_000_700_000,
};

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
    const pxPerMm = CAP_HEIGHT / TD3_MM.mrz.capHeight;
    const bandW = Math.round((MRZ_BAND_MM.right - MRZ_BAND_MM.left) * pxPerMm);
    const bandH = Math.round((MRZ_BAND_MM.bottom - MRZ_BAND_MM.top) * pxPerMm);
    const band = rectifyQuad({ data, width: info.width, height: info.height }, p.truth.mrzBand, bandW, bandH);
    const toPng = (buf: Uint8Array, w: number, h: number) =>
      sharp(Buffer.from(buf), { raw: { width: w, height: h, channels: 1 } }).png().toBuffer();
    if (!split) {
      crops.push({ png: await toPng(band.data, bandW, bandH), truth: [...p.truth.mrzLines] });
    } else {
      const half = Math.round(bandH / 2);
      crops.push({ png: await toPng(band.data.subarray(0, half * bandW), bandW, half), truth: [p.truth.mrzLines[0] ?? ""] });
      crops.push({
        png: await toPng(band.data.subarray(half * bandW), bandW, bandH - half),
        truth: [p.truth.mrzLines[1] ?? ""],
      });
    }
  }
  return { crops };
}

/** Whole passports under capture conditions, cut by the engine's own locate + crop stages (engine-band.ts), as
 *  the engine hands them to the recogniser: the whole band (PSM 6, the engine's READ_MODE "block") or its two lines
 *  split where the crop stage found them (PSM 7). A photo the crop stage cannot cut counts as unread. */
async function engineSet(from: number, preset: "clean" | "moderate" | "hard", split: boolean): Promise<Sample> {
  assertSeedFor("eval", from);
  const crops: Sample["crops"] = [];
  const blank = await sharp({ create: { width: 64, height: 32, channels: 3, background: "#ffffff" } }).png().toBuffer();
  for (let seed = from; seed < from + PAGE_COUNT; seed++) {
    const p = await generatePassport({ seed, conditions: preset });
    const band = await engineBand(p);
    const toPng = (g: { data: Uint8Array; width: number; height: number }) =>
      sharp(Buffer.from(g.data), { raw: { width: g.width, height: g.height, channels: 1 } })
        .png()
        .toBuffer();
    if (!band) {
      if (split) for (const truth of p.truth.mrzLines) crops.push({ png: blank, truth: [truth] });
      else crops.push({ png: blank, truth: [...p.truth.mrzLines] });
    } else if (split) {
      for (const [i, line] of band.lines.entries()) {
        crops.push({ png: await toPng(line), truth: [p.truth.mrzLines[i] ?? ""] });
      }
    } else {
      crops.push({ png: await toPng(band.image), truth: [...p.truth.mrzLines] });
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
  ...(["clean", "moderate", "hard"] as const).flatMap((preset) => {
    const from = { clean: SEEDS.engineClean, moderate: SEEDS.engineModerate, hard: SEEDS.engineHard }[preset];
    return [
      {
        name: `${preset} pages, engine crop, whole band, PSM 6 (${PAGE_COUNT})`,
        make: () => engineSet(from, preset, false),
        psm: PSM.SINGLE_BLOCK,
        docSize: 2,
      },
      {
        name: `${preset} pages, engine crop, 2 lines, PSM 7 (${PAGE_COUNT})`,
        make: () => engineSet(from, preset, true),
        psm: PSM.SINGLE_LINE,
        docSize: 2,
      },
    ];
  }),
];

const models: { label: string; lang: "mrz" | "eng"; dir: string }[] = (values.models ?? "mrz,eng")
  .split(",")
  .map((m) => {
    if (m !== "mrz" && m !== "eng") throw new Error(`--models: mrz and/or eng, not ${m}`);
    return { label: m, lang: m, dir: values.modelDir ?? MRZ_MODEL_DIR };
  });
if (values.newDir) models.splice(1, 0, { label: "mrz new", lang: "mrz", dir: values.newDir });
process.stdout.write(`capitals straightened to ${CAP_HEIGHT} px for page sets\n\n`);
process.stdout.write("| set | model | CER | exact lines | exact MRZ (all lines) | ms per crop |\n|---|---|---|---|---|---|\n");
for (const set of sets.filter((x) => x.name.includes(values.only ?? ""))) {
  const sample = await set.make();
  for (const model of models) {
    const worker = await createOfflineWorker(model.lang, set.psm, true, model.dir);
    try {
      const s = await score(worker, sample, set.docSize);
      process.stdout.write(
        `| ${set.name} | ${model.label} | ${pct(s.errors, s.chars)} | ${pct(s.exactLines, s.lines)} | ${s.exactDocs}/${s.docs} | ${(s.ms / sample.crops.length).toFixed(0)} |\n`,
      );
    } finally {
      await worker.terminate();
    }
  }
}
