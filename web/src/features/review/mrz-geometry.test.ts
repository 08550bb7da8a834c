import { describe, expect, it } from "vitest";
import { bandMatrix, quadPoints, td3BandEstimate } from "./mrz-geometry";

describe("td3BandEstimate", () => {
  it("puts the band at the bottom of a 125 x 88 mm page, 6 mm in, 44 columns of 2.54 mm, lines 75.9 and 82.0 mm down", () => {
    const [tl, tr, br, bl] = td3BandEstimate({ width: 1250, height: 880 });
    expect(tl.x).toBeCloseTo(60);
    expect(tr.x).toBeCloseTo(60 + 44 * 25.4);
    expect(tl.y).toBeCloseTo((75.9 - 3.05) * 10);
    expect(bl.y).toBeCloseTo((82.0 + 3.05) * 10);
    expect(br).toEqual({ x: tr.x, y: bl.y });
  });
});

describe("bandMatrix", () => {
  it("maps cell (0,0) to the top-left corner and (columns, lines) to the bottom-right", () => {
    const quad = [
      { x: 100, y: 50 },
      { x: 540, y: 72 },
      { x: 535, y: 172 },
      { x: 95, y: 150 },
    ] as const;
    const [a, b, c, d, e, f] = bandMatrix([...quad] as never, 44, 2);
    const map = (u: number, v: number) => ({ x: a * u + c * v + e, y: b * u + d * v + f });
    expect(map(0, 0)).toEqual({ x: 100, y: 50 });
    const end = map(44, 2);
    expect(end.x).toBeCloseTo(535);
    expect(end.y).toBeCloseTo(172);
  });

  it("writes corners as SVG polygon points", () => {
    expect(quadPoints(td3BandEstimate({ width: 125, height: 88 }))).toBe("6,72.85 117.76,72.85 117.76,85.05 6,85.05");
  });
});
