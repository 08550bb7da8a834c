import type { Quad } from "contract/geometry";
import { parseMrz } from "contract/mrz/parse-mrz";
import { describe, expect, it } from "vitest";
import type { RgbImage } from "../image/raster";
import { fieldsUnderGlare, MRZ_GLARE_CELLS, measureGlare } from "./glare";

const L1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
const L2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
const report = parseMrz([L1, L2], { today: new Date("2020-01-01T00:00:00Z") });

/** One row of MRZ cells per line, the cells listed glared (share 0.5), the rest clear. */
const cells = (glared: [number, number][]) =>
  [0, 1].map((line) =>
    Array.from({ length: MRZ_GLARE_CELLS }, (_, c) => (glared.some(([l, k]) => l === line && k === c) ? 0.5 : 0)),
  );

describe("fieldsUnderGlare", () => {
  it("names the unguarded fields a glared cell covers, in part, and none a check digit guards", () => {
    // Line 1, cell 3 of 8 covers columns 16.5-22: the given names (from column 15).
    expect(fieldsUnderGlare(report, cells([[0, 3]]))).toEqual(["givenNames"]);
    // Line 1, cell 1 (columns 5.5-11): the surname, which starts at column 5.
    expect(fieldsUnderGlare(report, cells([[0, 1]]))).toEqual(["surname"]);
    // Line 2, cell 0 (the document number, verified) and cell 3 (the sex at column 20, the birth date's end).
    expect(fieldsUnderGlare(report, cells([[1, 0]]))).toEqual([]);
    expect(fieldsUnderGlare(report, cells([[1, 3]]))).toEqual(["sex"]);
    // A share at the warning's threshold is no glare.
    expect(fieldsUnderGlare(report, [[0, 0, 0, 0.12, 0, 0, 0, 0], new Array(8).fill(0)])).toEqual([]);
  });
});

describe("measureGlare", () => {
  it("finds a washed-out spot in the MRZ cell it lies in, on the line it lies on", () => {
    // Tinted paper 400 x 100 overview pixels, the text quad its lower half, a white spot over line 2's cells 5 and 6.
    const W = 400;
    const H = 100;
    const data = new Uint8Array(W * H * 3);
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const spot = y >= 78 && y < 98 && x >= 260 && x < 330;
        data.set(spot ? [252, 252, 250] : [214, 206, 190], (y * W + x) * 3);
      }
    }
    const overview: RgbImage = { width: W, height: H, data };
    const quad = (top: number, bottom: number): Quad => [
      { x: 0, y: top },
      { x: W - 1, y: top },
      { x: W - 1, y: bottom },
      { x: 0, y: bottom },
    ];
    // Image pixels are twice the overview's.
    const g = measureGlare({
      overview: { image: overview, factor: 2 },
      text: quad(100, 198).map((p) => ({ x: p.x * 2, y: p.y })) as Quad,
      page: quad(0, 198).map((p) => ({ x: p.x * 2, y: p.y })) as Quad,
      portrait: quad(0, 60).map((p) => ({ x: p.x * 2, y: p.y })) as Quad,
      lines: 2,
    });
    const glared = g.mrzCells.flatMap((row, line) => row.flatMap((s, c) => (s > 0.12 ? [[line, c]] : [])));
    expect(glared).toEqual([
      [1, 5],
      [1, 6],
    ]);
    expect(g.mrz).toBeGreaterThan(0.5);
    expect(g.portrait).toBe(0);
  });
});
