import type { GrayImage } from "contract/geometry";
import { describe, expect, it } from "vitest";
import { measureBow, straightenBow } from "./straighten-bow";

/** Two lines of dark 10 x 24 boxes on a 16 px pitch, each column's text moved down by bow(x). */
function bowedBand(bow: (x: number) => number): { image: GrayImage; rows: { top: number; bottom: number }[] } {
  const width = 720;
  const height = 120;
  const data = new Uint8Array(width * height).fill(230);
  const centres = [36, 84];
  for (const c of centres) {
    for (let k = 0; k < 44; k++) {
      for (let x = k * 16 + 3; x < k * 16 + 13; x++) {
        const shift = Math.round(bow(x));
        for (let y = c - 12 + shift; y < c + 12 + shift; y++) if (y >= 0 && y < height) data[y * width + x] = 20;
      }
    }
  }
  return { image: { width, height, data }, rows: centres.map((c) => ({ top: c - 18, bottom: c + 18 })) };
}

/** Mean row of the ink of line 1 in a column strip. */
function inkRow(g: GrayImage, x0: number, x1: number): number {
  let sum = 0;
  let n = 0;
  for (let y = 0; y < 60; y++) {
    for (let x = x0; x < x1; x++) {
      if (g.data[y * g.width + x]! < 128) {
        sum += y;
        n++;
      }
    }
  }
  return sum / n;
}

describe("straightenBow", () => {
  const sag = (x: number) => 8 * Math.sin((Math.PI * x) / 720);

  it("measures a curled band's bow and levels its lines", () => {
    const { image, rows } = bowedBand(sag);
    const bow = measureBow(image, rows);
    if (!bow) throw new Error("no bow measured");
    expect(bow(360) - bow(40)).toBeGreaterThan(5);
    const straight = straightenBow(image, rows, 24);
    const before = inkRow(image, 340, 380) - inkRow(image, 16, 56);
    const after = inkRow(straight, 340, 380) - inkRow(straight, 16, 56);
    expect(before).toBeGreaterThan(5);
    expect(Math.abs(after)).toBeLessThan(1.5);
  });

  it("leaves a straight band as it is", () => {
    const { image, rows } = bowedBand(() => 0);
    expect(straightenBow(image, rows, 24)).toBe(image);
  });
});
