import { existsSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { PSM, type Worker } from "tesseract.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatePassport } from "../../synthetic/generate-passport";
import { randomLineDegradation, renderMrzLineImage } from "../../synthetic/mrz-line-image";
import { MRZ_BAND_MM } from "../../synthetic/page-geometry";
import { TD3_MM } from "contract/td3-page";
import { randomPassportData } from "../../synthetic/passport-data";
import { Random } from "../../synthetic/random";
import { createOfflineWorker, MRZ_MODEL_DIR } from "./mrz-worker";
import { rectifyQuad } from "./rectify-quad";

describe("mrz.traineddata in tesseract.js (offline: local langPath, no cache, no gzip)", () => {
  let line: Worker;
  let block: Worker;

  beforeAll(async () => {
    expect(existsSync(join(MRZ_MODEL_DIR, "mrz.traineddata")), "run models/mrz/train.sh").toBe(true);
    line = await createOfflineWorker("mrz", PSM.SINGLE_LINE);
    block = await createOfflineWorker("mrz", PSM.SINGLE_BLOCK);
  }, 60_000);

  afterAll(async () => {
    await line?.terminate();
    await block?.terminate();
  });

  it("reads generated MRZ lines exactly, with a confidence per character", async () => {
    for (let seed = 2_000_002_000; seed < 2_000_002_006; seed++) {
      const rng = new Random(seed);
      const data = randomPassportData(rng);
      for (const text of data.mrzLines) {
        const image = await renderMrzLineImage(text, randomLineDegradation(rng, "clean"), rng);
        const { data: result } = await line.recognize(Buffer.from(image.png), {}, { text: true, blocks: true });
        expect(result.text.replace(/\s/g, "")).toBe(text);
        const symbols = (result.blocks ?? []).flatMap((b) =>
          b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words.flatMap((w) => w.symbols))),
        );
        expect(symbols.map((s) => s.text).join("")).toBe(text);
        for (const s of symbols) {
          expect(s.confidence).toBeGreaterThan(0);
          expect(s.confidence).toBeLessThanOrEqual(100);
        }
      }
    }
  }, 60_000);

  it("reads both lines of an MRZ band cut from a photographed page", async () => {
    const p = await generatePassport({ seed: 2_000_002_100, conditions: "moderate" });
    const { data, info } = await sharp(p.image).greyscale().raw().toBuffer({ resolveWithObject: true });
    const pxPerMm = 32 / TD3_MM.mrz.capHeight;
    const w = Math.round((MRZ_BAND_MM.right - MRZ_BAND_MM.left) * pxPerMm);
    const h = Math.round((MRZ_BAND_MM.bottom - MRZ_BAND_MM.top) * pxPerMm);
    const band = rectifyQuad({ data, width: info.width, height: info.height }, p.truth.mrzBand, w, h);
    const png = await sharp(Buffer.from(band.data), { raw: { width: w, height: h, channels: 1 } })
      .png()
      .toBuffer();
    const { data: result } = await block.recognize(png);
    const lines = result.text
      .split("\n")
      .map((l) => l.replace(/\s/g, ""))
      .filter((l) => l.length > 0);
    expect(lines).toEqual(p.truth.mrzLines);
  }, 60_000);
});
