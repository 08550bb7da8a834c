import type { GrayImage, Point, Quad } from "contract/geometry";
import {
  type BandCandidate,
  type BandCrop,
  CAP_HEIGHT,
  flipBand,
  MAX_CANDIDATES,
  searchBands,
} from "../../src/engine/read-passport-image";
import type { GeneratedPassport } from "../../synthetic/generate-passport";

/** An MRZ band as the engine's crop stage hands it to the recogniser, turned upright with the ground truth. */
export interface EngineBand {
  /** The whole band, document upright (what the engine reads in "block" mode). */
  image: GrayImage;
  /** The band's text lines (two, or three on a TD1 card), top to bottom, at the rows the crop stage found (with its
   *  margin). */
  lines: GrayImage[];
  /** "engine": the engine's own locator found the band; "truth": it did not, the truth corners made the candidate. */
  via: "engine" | "truth";
}

const centre = (q: readonly Point[]): Point => ({
  x: q.reduce((s, p) => s + p.x, 0) / q.length,
  y: q.reduce((s, p) => s + p.y, 0) / q.length,
});
const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** A locator-shaped candidate made from the ground-truth band corners (reading order TL, TR, BR, BL) of a band of
 *  `lines` lines of `charsPerLine` characters. */
export function truthCandidate(band: Quad, lines = 2, charsPerLine = 44): BandCandidate {
  const c = centre(band);
  const length = (dist(band[0], band[1]) + dist(band[3], band[2])) / 2;
  const thickness = (dist(band[0], band[3]) + dist(band[1], band[2])) / 2;
  let angle = Math.atan2(band[1].y - band[0].y, band[1].x - band[0].x);
  // The locator reports an axis (either way up); the crop stage and the flip handle the rest.
  while (angle <= -Math.PI / 2) angle += Math.PI;
  while (angle > Math.PI / 2) angle -= Math.PI;
  return {
    cx: c.x,
    cy: c.y,
    angle,
    halfLength: length / 2,
    halfThickness: thickness / 2,
    lines,
    pitch: length / charsPerLine,
    score: 0,
  };
}

/** True when the crop lies on the truth band: centres close, length alike, and exactly its text lines found. */
export function cropOnBand(crop: BandCrop, band: Quad, lines = 2): boolean {
  const thickness = (dist(band[0], band[3]) + dist(band[1], band[2])) / 2;
  const length = (dist(band[0], band[1]) + dist(band[3], band[2])) / 2;
  const cropLength = dist(crop.corners[0], crop.corners[1]);
  return (
    crop.lineRows.length === lines &&
    dist(centre(crop.corners), centre(band)) < 0.35 * thickness &&
    cropLength > 0.85 * length &&
    cropLength < 1.15 * length
  );
}

function rows(image: GrayImage, top: number, bottom: number): GrayImage {
  return {
    width: image.width,
    height: bottom - top,
    data: image.data.subarray(top * image.width, bottom * image.width),
  };
}

/**
 * Runs the engine's locate and crop stages on a generated passport photo and returns the band on the true MRZ, or
 * the band cropped from the truth corners when the locator misses (null when even that gives no crop with the
 * band's line count).
 * Upside-down crops are turned as the engine's flip does; lines are split where the crop stage found them.
 */
export async function engineBand(p: GeneratedPassport): Promise<EngineBand | null> {
  const band = p.truth.mrzBand;
  const count = p.truth.mrzLines.length;
  const search = await searchBands(p, MAX_CANDIDATES);
  let crop: BandCrop | null = null;
  let via: EngineBand["via"] = "engine";
  for (const cand of search.candidates) {
    const c = await search.crop(cand, { capHeight: CAP_HEIGHT });
    if (c && cropOnBand(c, band, count)) {
      crop = c;
      break;
    }
  }
  if (!crop) {
    via = "truth";
    const c = await search.crop(truthCandidate(band, count, p.truth.mrzLines[0]?.length ?? 44), {
      capHeight: CAP_HEIGHT,
    });
    if (c && cropOnBand(c, band, count)) crop = c;
  }
  if (!crop) return null;
  // The crop's first corner is the top left of its raster; when it lies nearer the end of the document's line 2,
  // the document is upside down in the crop.
  const flipped = dist(crop.corners[0], band[0]) > dist(crop.corners[0], band[2]);
  const { image, lineRows } = flipped ? flipBand(crop) : crop;
  return { image, lines: lineRows.map((r) => rows(image, r.top, r.bottom)), via };
}
