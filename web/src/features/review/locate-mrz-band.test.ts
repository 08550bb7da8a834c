import type { GrayImage } from "contract/geometry";
import { describe, expect, it } from "vitest";
import { locateMrzBand } from "./locate-mrz-band";

/** A light page with dark "characters" (3 px strokes, 2 px apart) in the given text lines. */
function page(width: number, height: number, lines: { x0: number; x1: number; y0: number; y1: number }[], tilt = 0) {
  const data = new Uint8Array(width * height).fill(230);
  const cx = width / 2;
  for (const line of lines) {
    for (let x = line.x0; x < line.x1; x++) {
      if ((x - line.x0) % 5 >= 3) continue;
      const shift = Math.round((x - cx) * tilt);
      for (let y = line.y0; y < line.y1; y++) {
        const sy = y + shift;
        if (sy >= 0 && sy < height) data[sy * width + x] = 40;
      }
    }
  }
  return { width, height, data } satisfies GrayImage;
}

describe("locateMrzBand", () => {
  const mrz = [
    { x0: 40, x1: 460, y0: 300, y1: 310 },
    { x0: 40, x1: 460, y0: 318, y1: 328 },
  ];
  const printed = [
    { x0: 200, x1: 320, y0: 80, y1: 90 },
    { x0: 200, x1: 380, y0: 120, y1: 130 },
  ];

  it("finds the two long lines at the foot, not the shorter printed fields", () => {
    const quad = locateMrzBand(page(500, 360, [...printed, ...mrz]));
    expect(quad).not.toBeNull();
    const [tl, tr, br, bl] = quad ?? [];
    expect(tl?.x).toBeGreaterThan(30);
    expect(tl?.x).toBeLessThan(42);
    expect(tr?.x).toBeGreaterThan(458);
    expect(tr?.x).toBeLessThan(470);
    // Lines span y 300-328; the band adds a quarter of that above and below.
    expect(tl?.y).toBeCloseTo(293, 0);
    expect(bl?.y).toBeCloseTo(335, 0);
    expect(br?.y).toBeCloseTo(bl?.y ?? 0);
  });

  it("follows a tilted page", () => {
    const tilt = Math.tan((2 * Math.PI) / 180);
    const quad = locateMrzBand(page(500, 360, [...printed, ...mrz], tilt));
    const [tl, tr] = quad ?? [];
    // The top edge rises or falls with the page: about 420 px * tan(2 deg) = 15 px over the band.
    expect((tr?.y ?? 0) - (tl?.y ?? 0)).toBeGreaterThan(10);
    expect((tr?.y ?? 0) - (tl?.y ?? 0)).toBeLessThan(20);
  });

  it("returns null on a blank page or one without a long line", () => {
    expect(locateMrzBand(page(500, 360, []))).toBeNull();
    expect(locateMrzBand(page(500, 360, [{ x0: 200, x1: 260, y0: 100, y1: 110 }]))).toBeNull();
    expect(locateMrzBand({ width: 10, height: 10, data: new Uint8Array(100) })).toBeNull();
  });
});
