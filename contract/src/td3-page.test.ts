import { describe, expect, it } from "vitest";
import type { Point, Quad } from "./geometry";
import { mmQuad, pageToImage, polygonArea, TD3_MM } from "./td3-page";

/** Text box of a page drawn at `s` px/mm, rotated by `deg` around the origin, in reading order. */
function textBox(s: number, deg: number): { box: Quad; map: (x: number, y: number) => Point } {
  const a = (deg * Math.PI) / 180;
  const map = (x: number, y: number) => ({
    x: 500 + s * (x * Math.cos(a) - y * Math.sin(a)),
    y: 300 + s * (x * Math.sin(a) + y * Math.cos(a)),
  });
  const t = TD3_MM.mrzText;
  return { box: mmQuad(map, t.left, t.top, t.right, t.bottom), map };
}

describe("TD3 page geometry from the MRZ text box", () => {
  it.each([0, 9, -13, 180])("maps page millimetres back to image pixels at %i degrees", (deg) => {
    const { box, map } = textBox(20, deg);
    const toImage = pageToImage(box);
    for (const [x, y] of [
      [0, 0],
      [125, 88],
      [6, 17],
      [38, 62],
    ] as const) {
      const want = map(x, y);
      const got = toImage(x, y);
      expect(Math.hypot(got.x - want.x, got.y - want.y)).toBeLessThan(0.5);
    }
    expect(polygonArea(mmQuad(toImage, 0, 0, 125, 88))).toBeCloseTo(125 * 88 * 400, -2);
  });
});
