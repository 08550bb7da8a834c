import type { GrayImage } from "contract/geometry";
import type { Homography } from "contract/homography";

/** Bilinear sample of a gray raster; outside is clamped to the edge. */
export function sampleGray(g: GrayImage, x: number, y: number): number {
  const xc = Math.min(g.width - 1.001, Math.max(0, x));
  const yc = Math.min(g.height - 1.001, Math.max(0, y));
  const x0 = Math.floor(xc);
  const y0 = Math.floor(yc);
  const fx = xc - x0;
  const fy = yc - y0;
  const i = y0 * g.width + x0;
  const d = g.data;
  const top = d[i]! + (d[i + 1]! - d[i]!) * fx;
  const bottom = d[i + g.width]! + (d[i + g.width + 1]! - d[i + g.width]!) * fx;
  return top + (bottom - top) * fy;
}

/** Where a raster's pixels lie in the original image: (ox, oy) is its top-left corner, `density` its pixels per
 *  original pixel. */
export interface RegionRaster {
  gray: GrayImage;
  ox: number;
  oy: number;
  density: number;
}

/**
 * Resamples an outW x outH raster: output pixel centre (x + 0.5, y + 0.5) is taken from original image point
 * `toImage` (x + 0.5, y + 0.5), read bilinearly from `region` (whose integer coordinates are its pixel centres, as
 * everywhere in the engine). An affine `toImage` (last row 0 0 1) turns a rotated
 * rectangle upright, a projective one a perspective quadrilateral.
 */
export function warpGray(region: RegionRaster, toImage: Homography, outW: number, outH: number): GrayImage {
  const out = new Uint8Array(outW * outH);
  const [a, b, c, d, e, f, g, h, i] = toImage;
  const { gray, ox, oy, density } = region;
  for (let y = 0; y < outH; y++) {
    const py = y + 0.5;
    for (let x = 0; x < outW; x++) {
      const px = x + 0.5;
      const w = g * px + h * py + i;
      const ix = (a * px + b * py + c) / w;
      const iy = (d * px + e * py + f) / w;
      out[y * outW + x] = sampleGray(gray, (ix - ox) * density, (iy - oy) * density);
    }
  }
  return { width: outW, height: outH, data: out };
}
