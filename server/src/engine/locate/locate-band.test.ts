import type { Point } from "contract/geometry";
import { describe, expect, it } from "vitest";
import { generatePassport } from "../../../synthetic/generate-passport";
import { openImage } from "../image/decode-image";
import {
  BETWEEN_PASSES,
  LOCATE_PASSES,
  locateBand,
  locatePass,
  OVERVIEW_SIDE,
  rotateGray,
  transpose,
} from "./locate-band";
import { openPhotoBands } from "./photo-bands";

const g3x2 = { width: 3, height: 2, data: Uint8Array.from([1, 2, 3, 4, 5, 6]) };

describe("transpose and rotateGray", () => {
  it("transposes a raster", () => {
    expect(transpose(g3x2)).toEqual({ width: 2, height: 3, data: Uint8Array.from([1, 4, 2, 5, 3, 6]) });
  });

  it("turns a raster a quarter clockwise onto a canvas that holds it", () => {
    const turned = rotateGray(g3x2, Math.PI / 2);
    expect([turned.width, turned.height]).toEqual([2, 3]);
    // Clockwise: the bottom-left pixel comes to the top-left.
    expect(Array.from(turned.data)).toEqual([4, 1, 5, 2, 6, 3]);
  });
});

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
const centre = (q: readonly Point[]) => ({
  x: q.reduce((s, p) => s + p.x, 0) / q.length,
  y: q.reduce((s, p) => s + p.y, 0) / q.length,
});
/** Axis angle difference in degrees, either way up. */
const axisDegrees = (a: number, b: number) => {
  const d = (((a - b) * 180) / Math.PI) % 180;
  return Math.min(Math.abs(d), 180 - Math.abs(d));
};

describe("locateBand", () => {
  it.each([
    ["upright", 0, 1],
    ["turned a quarter clockwise", 90, 4],
    ["turned a quarter anticlockwise, skewed 20 degrees", -110, 4],
    ["skewed 32 degrees", 32, 4],
  ])(
    "finds the band on a page %s, an upright page in one pass",
    async (_name, rotationDeg, passes) => {
      const g = await generatePassport({
        seed: 2_000_002_100,
        conditions: { preset: "clean", rotationDeg, width: 1600, height: 1600 },
      });
      const source = await openImage(g.image, g.mediaType);
      const located = locateBand(await source.overview(OVERVIEW_SIDE), 3);
      expect(LOCATE_PASSES.filter((p) => !located.rest.includes(p)).length).toBeLessThanOrEqual(passes);
      // The passes between the four are left for when no band found reads.
      expect(located.rest.slice(-BETWEEN_PASSES.length)).toEqual(BETWEEN_PASSES);
      const best = located.candidates[0];
      if (!best) throw new Error("no band located");
      const band = g.truth.mrzBand;
      const length = dist(band[0], band[1]);
      expect(dist({ x: best.cx, y: best.cy }, centre(band))).toBeLessThan(0.05 * length);
      expect(axisDegrees(best.angle, Math.atan2(band[1].y - band[0].y, band[1].x - band[0].x))).toBeLessThan(2);
    },
    30_000,
  );
});

describe("the passes between the four", () => {
  it("find a curled page 26 degrees off the rows that the four see only in pieces", async () => {
    // A phone photo of an open passport whose page bows (its lines bend by 1.1 % of the page width), seen turned
    // 26 degrees: for every one of the four passes its lines run 19-26 degrees off the rows in places.
    const g = await generatePassport({
      seed: 2_000_002_300,
      conditions: {
        preset: "rotated",
        width: 1800,
        height: 2400,
        pageFill: 0.69,
        rotationDeg: 26,
        perspective: 0.019,
        curvature: 0.011,
        background: "plain",
        blurSigma: 1,
        noiseSigma: 4.7,
        jpegQuality: 85,
        unevenLight: 0.26,
        glareSpots: 0,
        glareOverMrz: false,
        moire: 0,
        document: "TD3",
        spread: false,
        foil: 0,
      },
    });
    const band = g.truth.mrzBand;
    const length = dist(band[0], band[1]);
    const spans = (c: { cx: number; cy: number; halfLength: number; lines: number }) =>
      c.lines === 2 && dist({ x: c.cx, y: c.cy }, centre(band)) < 0.05 * length && 2 * c.halfLength > 0.9 * length;
    const source = await openImage(g.image, g.mediaType);
    const located = locateBand(await source.overview(OVERVIEW_SIDE), 3);
    const firstFour = [
      ...located.candidates,
      ...located.rest.filter((p) => LOCATE_PASSES.includes(p)).flatMap((p) => locatePass(located.overview, p, 3)),
    ];
    expect(firstFour.some(spans)).toBe(false);
    expect(BETWEEN_PASSES.flatMap((p) => locatePass(located.overview, p, 3)).some(spans)).toBe(true);
    // A reader gets them when it asks for the passes between; the four passes' candidates hold none.
    const photo = await openPhotoBands({ image: g.image, mediaType: g.mediaType }, 3);
    expect([...photo.candidates("four")].some(spans)).toBe(false);
    expect([...photo.candidates("between")].some(spans)).toBe(true);
  }, 30_000);
});
