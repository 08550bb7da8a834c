import { existsSync } from "node:fs";
import { join } from "node:path";
import type { GrayImage } from "contract/geometry";
import { createWorker, OEM, PSM, type Worker } from "tesseract.js";
import { fitToPitch, type PlacedChar } from "./character-pitch";
import type { OcrLine } from "./ocr-line";

/** The MRZ alphabet: what a line may contain after cleaning. */
export const MRZ_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";

export interface Recogniser {
  /** Recognises the image as one block of lines (PSM 6) or as a single line (PSM 7); characters missed inside a line
   *  are put back by the character pitch as unsure fillers (fitToPitch). */
  readLines(image: GrayImage, mode?: "block" | "line"): Promise<OcrLine[]>;
  terminate(): Promise<void>;
}

/** The folder of the MRZ recogniser model (server/models/mrz), from TypeScript source (tests, tsx) or from the esbuild
 *  bundle in dist/. */
export function defaultModelDir(): string {
  const url = import.meta.url.endsWith(".ts")
    ? new URL("../../../models/mrz/", import.meta.url)
    : new URL("../models/mrz/", import.meta.url);
  return decodeURIComponent(url.pathname);
}

export interface RecogniserOptions {
  /** Folder holding `<lang>.traineddata` (uncompressed). Nothing is fetched. */
  langPath: string;
  lang: string;
}

/**
 * The image as a binary PGM (netpbm P5), which Leptonica reads without a decoder: built here at once, where a PNG took
 * an encode in libvips and a decode in the recogniser (a block read of a moderate band, median of 16: 159 ms with the
 * PNG, 126 ms with this; the same characters and confidences).
 */
export function pgm(image: GrayImage): Buffer {
  const header = Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, "latin1");
  return Buffer.concat([header, image.data]);
}

/**
 * A tesseract.js worker loaded from a local model, offline: langPath is a folder, cacheMethod 'none', gzip false.
 * Characters outside the MRZ alphabet are whitelisted away (the stock English model needs it; the MRZ model only
 * knows the alphabet anyway).
 */
export async function createRecogniser(options: RecogniserOptions): Promise<Recogniser> {
  const file = join(options.langPath, `${options.lang}.traineddata`);
  if (!existsSync(file)) throw new Error(`MRZ model missing: ${file}`);
  const worker: Worker = await createWorker(options.lang, OEM.LSTM_ONLY, {
    langPath: options.langPath,
    cacheMethod: "none",
    gzip: false,
    errorHandler: () => {},
  });
  let current: PSM = PSM.SINGLE_BLOCK;
  await worker.setParameters({
    tessedit_pageseg_mode: current,
    tessedit_char_whitelist: MRZ_ALPHABET,
    user_defined_dpi: "300",
    // Tesseract's diagnostics ("Image too small to scale!!", statistics of tiny lines) go nowhere instead of the
    // server's stderr.
    debug_file: "/dev/null",
  });
  return {
    async readLines(image, mode = "block") {
      const psm = mode === "line" ? PSM.SINGLE_LINE : PSM.SINGLE_BLOCK;
      if (psm !== current) {
        await worker.setParameters({ tessedit_pageseg_mode: psm });
        current = psm;
      }
      const { data } = await worker.recognize(pgm(image), {}, { text: true, blocks: true });
      const lines: OcrLine[] = [];
      for (const block of data.blocks ?? []) {
        for (const paragraph of block.paragraphs) {
          for (const line of paragraph.lines) {
            const chars: PlacedChar[] = [];
            for (const word of line.words) {
              for (const symbol of word.symbols) {
                const centre = (symbol.bbox.x0 + symbol.bbox.x1) / 2;
                const width = symbol.bbox.x1 - symbol.bbox.x0;
                const confidence = Math.max(0, Math.min(1, symbol.confidence / 100));
                for (const ch of symbol.text.toUpperCase()) {
                  if (MRZ_ALPHABET.includes(ch)) chars.push({ ch, confidence, centre, width });
                }
              }
            }
            const mended = fitToPitch(chars);
            if (mended.text.length > 0) lines.push(mended);
          }
        }
      }
      return lines;
    },
    async terminate() {
      await worker.terminate();
    },
  };
}
