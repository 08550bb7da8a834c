import type { GrayImage, Point, Quad } from "contract/geometry";
import { homographyFromQuads } from "contract/homography";

/** Cuts `quad` out of a grayscale image and straightens it into a width x height rectangle (bilinear). Used by the
 *  evaluation to crop the MRZ band the way a perfect locator would hand it to the recogniser. */
export function rectifyQuad(src: GrayImage, quad: Quad, width: number, height: number): GrayImage {
  if (width < 1 || height < 1) throw new RangeError("target size must be positive");
  const target: Point[] = [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: height },
    { x: 0, y: height },
  ];
  const [m0, m1, m2, m3, m4, m5, m6, m7, m8] = homographyFromQuads(target, quad);
  const out = new Uint8Array(width * height);
  const { data, width: sw, height: sh } = src;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      const w = m6 * px + m7 * py + m8;
      const sx = Math.min(sw - 1.001, Math.max(0, (m0 * px + m1 * py + m2) / w - 0.5));
      const sy = Math.min(sh - 1.001, Math.max(0, (m3 * px + m4 * py + m5) / w - 0.5));
      const ix = Math.floor(sx);
      const iy = Math.floor(sy);
      const fx = sx - ix;
      const fy = sy - iy;
      const i = iy * sw + ix;
      const top = (data[i] ?? 0) * (1 - fx) + (data[i + 1] ?? 0) * fx;
      const bottom = (data[i + sw] ?? 0) * (1 - fx) + (data[i + sw + 1] ?? 0) * fx;
      out[y * width + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { data: out, width, height };
}
