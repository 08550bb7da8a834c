import type { GrayImage } from "contract/geometry";

/**
 * Which way up a deskewed band reads, from the shape of its strokes: the MRZ's fillers `<` (and K) have a stroke
 * rising to the right ("/") above each line's centre and one falling ("\\") below it; turned by 180 degrees they
 * become ">", the other way round. Returns the balance of that pattern over the band, -1..1: positive when the band
 * is upright, negative when it is upside down, near 0 when the strokes do not tell.
 */
export function uprightScore(image: GrayImage, lineRows: readonly { top: number; bottom: number }[]): number {
  const { width, data } = image;
  let signed = 0;
  let total = 0;
  for (const row of lineRows) {
    const centre = (row.top + row.bottom) / 2;
    for (let y = Math.max(1, row.top); y < Math.min(image.height - 1, row.bottom); y++) {
      const side = y < centre ? 1 : -1;
      const o = y * width;
      for (let x = 1; x < width - 1; x++) {
        const gx = data[o + x + 1]! - data[o + x - 1]!;
        const gy = data[o + width + x]! - data[o - width + x]!;
        const p = gx * gy;
        signed += side * p;
        total += Math.abs(p);
      }
    }
  }
  return total === 0 ? 0 : signed / total;
}
