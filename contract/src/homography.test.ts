import { describe, expect, it } from "vitest";
import { applyHomography, homographyFromQuads, invertHomography } from "./homography";

const square = [
  { x: 0, y: 0 },
  { x: 100, y: 0 },
  { x: 100, y: 20 },
  { x: 0, y: 20 },
];
const trapezoid = [
  { x: 13, y: 7 },
  { x: 140, y: 18 },
  { x: 131, y: 49 },
  { x: 9, y: 33 },
];

describe("homographyFromQuads", () => {
  it("takes each corner onto its partner, and the inverse takes them back", () => {
    const h = homographyFromQuads(square, trapezoid);
    const inv = invertHomography(h);
    for (let k = 0; k < 4; k++) {
      const p = applyHomography(h, square[k]!);
      expect(p.x).toBeCloseTo(trapezoid[k]!.x, 6);
      expect(p.y).toBeCloseTo(trapezoid[k]!.y, 6);
      const back = applyHomography(inv, trapezoid[k]!);
      expect(back.x).toBeCloseTo(square[k]!.x, 6);
      expect(back.y).toBeCloseTo(square[k]!.y, 6);
    }
  });

  it("keeps straight lines straight: the square's centre goes to the trapezoid's diagonals' crossing", () => {
    const h = homographyFromQuads(square, trapezoid);
    const c = applyHomography(h, { x: 50, y: 10 });
    // Crossing of the diagonals TL-BR and TR-BL.
    const [a, b, cc, d] = trapezoid as [
      (typeof trapezoid)[0],
      (typeof trapezoid)[0],
      (typeof trapezoid)[0],
      (typeof trapezoid)[0],
    ];
    const den = (a.x - cc.x) * (b.y - d.y) - (a.y - cc.y) * (b.x - d.x);
    const t = ((a.x - b.x) * (b.y - d.y) - (a.y - b.y) * (b.x - d.x)) / den;
    expect(c.x).toBeCloseTo(a.x + t * (cc.x - a.x), 6);
    expect(c.y).toBeCloseTo(a.y + t * (cc.y - a.y), 6);
  });

  it("refuses a quad with three corners on one line and a wrong number of points", () => {
    const collinear = [
      { x: 0, y: 0 },
      { x: 50, y: 0 },
      { x: 100, y: 0 },
      { x: 0, y: 20 },
    ];
    expect(() => homographyFromQuads(collinear, square)).toThrow(RangeError);
    expect(() => homographyFromQuads(square.slice(0, 3), trapezoid.slice(0, 3))).toThrow(/four point pairs/);
  });
});
