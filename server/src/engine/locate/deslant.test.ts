import type { GrayImage } from "contract/geometry";
import { describe, expect, it } from "vitest";
import { deslant, measureSlant } from "./deslant";

const W = 400;
const H = 60;
const rows = [{ top: 10, bottom: 50 }];

/** Upright strokes 3 px wide every 20 px in rows 10-49, leaning by `shear` (x shift per row from the middle row). */
function strokes(shear: number): GrayImage {
  const data = new Uint8Array(W * H).fill(230);
  const mid = (H - 1) / 2;
  for (let y = 10; y < 50; y++) {
    for (let x0 = 20; x0 < W - 20; x0 += 20) {
      for (let d = 0; d < 3; d++) {
        const x = Math.round(x0 + d + shear * (y - mid));
        if (x >= 0 && x < W) data[y * W + x] = 20;
      }
    }
  }
  return { width: W, height: H, data };
}

/** Sum of squared dark-pixel counts per column: larger when the strokes stand upright. */
function columnSharpness(img: GrayImage): number {
  let sum = 0;
  for (let x = 0; x < img.width; x++) {
    let n = 0;
    for (let y = 0; y < img.height; y++) if ((img.data[y * img.width + x] ?? 255) < 128) n++;
    sum += n * n;
  }
  return sum;
}

describe("deslant", () => {
  it("measures a lean either way and stands the strokes upright", () => {
    for (const shear of [0.2, -0.3]) {
      const leaning = strokes(shear);
      expect(measureSlant(leaning, rows)).toBeCloseTo(shear, 1);
      const upright = deslant(leaning, rows);
      expect(columnSharpness(upright)).toBeGreaterThan(3 * columnSharpness(leaning));
      expect(columnSharpness(upright)).toBeGreaterThan(0.8 * columnSharpness(strokes(0)));
    }
  });

  it("leaves upright text and a lean under 3 degrees as they are", () => {
    const upright = strokes(0);
    expect(measureSlant(upright, rows)).toBe(0);
    expect(deslant(upright, rows)).toBe(upright);
    expect(measureSlant(strokes(0.03), rows)).toBe(0);
  });
});
