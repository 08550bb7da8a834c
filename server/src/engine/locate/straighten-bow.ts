import type { GrayImage } from "contract/geometry";
import { fitParabola, parabolaAt } from "../image/fit-parabola";
import { otsuThreshold } from "../image/morphology";

/** Column strips the band is measured in. */
const STRIPS = 16;
/** A bow smaller than this share of the cap height is left as it is. */
export const MIN_BOW = 0.1;

/**
 * The vertical offset of the text from its line centres along a rectified band, as a quadratic in x: the bow a
 * curled page leaves after the band's straight-edged warp. Measured per column strip as the mean row of the dark
 * pixels of each line, relative to that line's centre, averaged over the lines. Null when too few strips hold text.
 */
export function measureBow(
  image: GrayImage,
  lineRows: readonly { top: number; bottom: number }[],
): ((x: number) => number) | null {
  const t = otsuThreshold(image);
  const { width, data } = image;
  const xs: number[] = [];
  const ys: number[] = [];
  const strip = width / STRIPS;
  // Each line's rows reach halfway to its neighbours: a bowed line leaves its straight rows in the middle.
  const centres = lineRows.map((r) => (r.top + r.bottom) / 2);
  const half =
    centres.length > 1
      ? (centres[centres.length - 1]! - centres[0]!) / (centres.length - 1) / 2
      : (lineRows[0]!.bottom - lineRows[0]!.top) / 2;
  const bands = centres.map((c) => ({
    top: Math.max(0, Math.round(c - half)),
    bottom: Math.min(image.height, Math.round(c + half)),
  }));
  for (let s = 0; s < STRIPS; s++) {
    const x0 = Math.floor(s * strip);
    const x1 = Math.floor((s + 1) * strip);
    let sum = 0;
    let lines = 0;
    for (const r of bands) {
      const centre = (r.top + r.bottom) / 2;
      let n = 0;
      let sy = 0;
      for (let y = r.top; y < r.bottom; y++) {
        for (let x = x0; x < x1; x++) {
          if (data[y * width + x]! <= t) {
            n++;
            sy += y;
          }
        }
      }
      // A strip of a line needs some ink: a character's worth, about a tenth of the strip's area.
      if (n < 0.1 * (x1 - x0) * (r.bottom - r.top)) continue;
      sum += sy / n - centre;
      lines++;
    }
    if (lines === 0) continue;
    xs.push((x0 + x1) / 2);
    ys.push(sum / lines);
  }
  if (xs.length < 6) return null;
  // Least squares y = a + b u + c u^2, u = x centred and scaled.
  const cx = width / 2;
  const sc = width / 2;
  const fit = fitParabola(
    xs.map((x) => (x - cx) / sc),
    ys,
  );
  return fit && ((x: number) => parabolaAt(fit, (x - cx) / sc));
}

/**
 * Straightens a band whose lines bow (a curled page): each column is moved up or down by the measured bow, so the
 * lines run level. Returns the band unchanged when the bow is under a tenth of the cap height or cannot be measured.
 */
export function straightenBow(
  image: GrayImage,
  lineRows: readonly { top: number; bottom: number }[],
  capHeight: number,
): GrayImage {
  const bow = measureBow(image, lineRows);
  if (!bow) return image;
  const { width, height, data } = image;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let x = 0; x < width; x += 4) {
    const y = bow(x);
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  }
  if (hi - lo < MIN_BOW * capHeight) return image;
  const out = new Uint8Array(width * height);
  for (let x = 0; x < width; x++) {
    const shift = bow(x);
    for (let y = 0; y < height; y++) {
      const sy = Math.min(height - 1.001, Math.max(0, y + shift));
      const y0 = Math.floor(sy);
      const f = sy - y0;
      out[y * width + x] = data[y0 * width + x]! * (1 - f) + data[(y0 + 1) * width + x]! * f;
    }
  }
  return { width, height, data: out };
}
