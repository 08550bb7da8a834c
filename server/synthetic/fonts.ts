import { existsSync } from "node:fs";
import { GlobalFonts } from "@napi-rs/canvas";

/** Debian fonts-ocr-b: the MRZ typeface. */
export const OCR_B_PATH = "/usr/share/fonts/opentype/ocr-b/OCRB.otf";
/** Debian fonts-dejavu-core: the printed visual zone. */
const SANS_PATHS = [
  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
] as const;

export const MRZ_FONT = "SyntheticOCRB";
export const SANS_FONT = "SyntheticSans";

let registered = false;

/** Registers the fonts once; fails with the Debian package to install when a font file is missing. */
export function registerFonts(): void {
  if (registered) return;
  if (!existsSync(OCR_B_PATH)) {
    throw new Error(`OCR-B font missing at ${OCR_B_PATH}: apt-get install fonts-ocr-b`);
  }
  GlobalFonts.registerFromPath(OCR_B_PATH, MRZ_FONT);
  for (const path of SANS_PATHS) {
    if (!existsSync(path)) throw new Error(`font missing at ${path}: apt-get install fonts-dejavu-core`);
    GlobalFonts.registerFromPath(path, SANS_FONT);
  }
  registered = true;
}
