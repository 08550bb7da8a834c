import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createWorker, PSM, type Worker } from "tesseract.js";

/** Folder holding mrz.traineddata (tesseract.js `langPath`). */
export const MRZ_MODEL_DIR = dirname(fileURLToPath(import.meta.url));
/** Debian tesseract-ocr-eng: the stock English model, the baseline in EVAL.md. */
export const DEBIAN_TESSDATA_DIR = "/usr/share/tesseract-ocr/5/tessdata";
export const MRZ_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";

/** A tesseract.js worker that never touches the network: local langPath, no cache, uncompressed model. */
export async function createOfflineWorker(
  lang: "mrz" | "eng",
  psm: PSM = PSM.SINGLE_LINE,
  whitelist = true,
  modelDir = MRZ_MODEL_DIR,
): Promise<Worker> {
  const worker = await createWorker(lang, 1, {
    langPath: lang === "mrz" ? modelDir : DEBIAN_TESSDATA_DIR,
    cacheMethod: "none",
    gzip: false,
  });
  await worker.setParameters({
    tessedit_pageseg_mode: psm,
    user_defined_dpi: "300",
    ...(whitelist ? { tessedit_char_whitelist: MRZ_ALPHABET } : {}),
  });
  return worker;
}
