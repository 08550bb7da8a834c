import type { GrayImage } from "contract/geometry";
import { otsuThreshold } from "../image/morphology";

/** Shears tried, in pixels across per pixel down, either way (0.4: about 22 degrees of lean). */
const MAX_SHEAR = 0.4;
const SHEAR_STEP = 0.02;
/** A lean smaller than this (about 3 degrees) is left as it is. */
const MIN_SHEAR = 0.05;
/** The best shear must sharpen the ink's columns by this share over none, or the text is taken as upright. */
const MIN_GAIN = 0.1;

/**
 * The characters' lean: how many pixels right their upright strokes run per row down the band. Measured as the shear
 * that makes the columns of ink sharpest (the largest sum of squared column counts of the dark pixels in the text
 * rows), taken back. 0 when the text already stands upright.
 */
export function measureSlant(image: GrayImage, lineRows: readonly { top: number; bottom: number }[]): number {
  const t = otsuThreshold(image);
  const { width, height, data } = image;
  const mid = (height - 1) / 2;
  const xs: number[] = [];
  const dys: number[] = [];
  for (const r of lineRows) {
    for (let y = Math.max(0, r.top); y < Math.min(height, r.bottom); y++) {
      for (let x = 0; x < width; x++) {
        if ((data[y * width + x] ?? 255) <= t) {
          xs.push(x);
          dys.push(y - mid);
        }
      }
    }
  }
  if (xs.length === 0) return 0;
  const columns = new Float64Array(width + 2 * Math.ceil(MAX_SHEAR * height) + 2);
  const offset = Math.ceil(MAX_SHEAR * height) + 1;
  const sharpness = (shear: number) => {
    columns.fill(0);
    for (let i = 0; i < xs.length; i++) columns[Math.round((xs[i] ?? 0) + shear * (dys[i] ?? 0)) + offset]! += 1;
    let sum = 0;
    for (const c of columns) sum += c * c;
    return sum;
  };
  const upright = sharpness(0);
  let best = { shear: 0, score: upright };
  const steps = Math.round(MAX_SHEAR / SHEAR_STEP);
  for (let k = -steps; k <= steps; k++) {
    if (k === 0) continue;
    const score = sharpness(k * SHEAR_STEP);
    if (score > best.score) best = { shear: k * SHEAR_STEP, score };
  }
  return Math.abs(best.shear) >= MIN_SHEAR && best.score >= upright * (1 + MIN_GAIN) ? -best.shear : 0;
}

/**
 * A band cut as a rotated rectangle from a page seen at an angle leans: perspective slants the characters' upright
 * strokes, and the recogniser, trained on upright OCR-B, misreads them. Each row is shifted back by the measured
 * lean times its distance from the middle row (linear interpolation, paper white beyond the edges).
 */
export function deslant(image: GrayImage, lineRows: readonly { top: number; bottom: number }[]): GrayImage {
  const lean = measureSlant(image, lineRows);
  if (lean === 0) return image;
  const { width, height, data } = image;
  const out = new Uint8Array(width * height);
  const mid = (height - 1) / 2;
  for (let y = 0; y < height; y++) {
    const shift = lean * (y - mid);
    for (let x = 0; x < width; x++) {
      const sx = x + shift;
      const x0 = Math.floor(sx);
      const f = sx - x0;
      const a = x0 >= 0 && x0 < width ? (data[y * width + x0] ?? 255) : 255;
      const b = x0 + 1 >= 0 && x0 + 1 < width ? (data[y * width + x0 + 1] ?? 255) : 255;
      out[y * width + x] = Math.round(a * (1 - f) + b * f);
    }
  }
  return { width, height, data: out };
}
