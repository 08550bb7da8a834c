import type { GrayImage } from "contract/geometry";

/** Raw pixel buffers the offline engine works on (never written to disk, never logged). */
export interface RgbImage {
  width: number;
  height: number;
  /** Interleaved R, G, B; row-major, no padding. */
  data: Uint8Array;
}

/** Rec. 601 luma in integer arithmetic (weights 77/150/29 of 256). */
export function luma(r: number, g: number, b: number): number {
  return (r * 77 + g * 150 + b * 29) >> 8;
}

/**
 * Box-filter downscale of an RGB image to at most `maxSide` pixels on its longer side (never upscales).
 * Returns the downscaled RGB image and the factor (source pixels per output pixel).
 */
export function downscaleRgb(src: RgbImage, maxSide: number): { image: RgbImage; factor: number } {
  const factor = Math.max(1, Math.max(src.width, src.height) / maxSide);
  const width = Math.max(1, Math.round(src.width / factor));
  const height = Math.max(1, Math.round(src.height / factor));
  const out = new Uint8Array(width * height * 3);
  const fx = src.width / width;
  const fy = src.height / height;
  const s = src.data;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * fy);
    const y1 = Math.max(y0 + 1, Math.min(src.height, Math.floor((y + 1) * fy)));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * fx);
      const x1 = Math.max(x0 + 1, Math.min(src.width, Math.floor((x + 1) * fx)));
      let r = 0;
      let g = 0;
      let b = 0;
      for (let yy = y0; yy < y1; yy++) {
        let i = (yy * src.width + x0) * 3;
        for (let xx = x0; xx < x1; xx++, i += 3) {
          r += s[i]!;
          g += s[i + 1]!;
          b += s[i + 2]!;
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      const o = (y * width + x) * 3;
      out[o] = r / n;
      out[o + 1] = g / n;
      out[o + 2] = b / n;
    }
  }
  return { image: { width, height, data: out }, factor: src.width / width };
}

/**
 * How dark the ink is: each pixel's brightest channel. Black print (an MRZ) stays dark, while coloured print and marks
 * (a red frame drawn around the MRZ, guilloches, a coloured foil) turn as light as their brightest channel.
 */
export function inkGray(src: RgbImage): GrayImage {
  const n = src.width * src.height;
  const out = new Uint8Array(n);
  const s = src.data;
  for (let i = 0, j = 0; i < n; i++, j += 3) out[i] = Math.max(s[j]!, s[j + 1]!, s[j + 2]!);
  return { width: src.width, height: src.height, data: out };
}

export function toGray(src: RgbImage): GrayImage {
  const n = src.width * src.height;
  const out = new Uint8Array(n);
  const s = src.data;
  for (let i = 0, j = 0; i < n; i++, j += 3) out[i] = luma(s[j]!, s[j + 1]!, s[j + 2]!);
  return { width: src.width, height: src.height, data: out };
}
