import type { GrayImage } from "contract/geometry";
import { homographyFromQuads } from "contract/homography";
import { describe, expect, it } from "vitest";
import { warpGray } from "./warp-gray";

/** A 40 x 20 raster whose value encodes its position: 5 * x + y. */
const ramp: GrayImage = {
  width: 40,
  height: 20,
  data: Uint8Array.from({ length: 800 }, (_, i) => 5 * (i % 40) + Math.floor(i / 40)),
};

describe("warpGray", () => {
  it("reproduces the raster through the identity (output pixel centres on source pixel centres)", () => {
    const out = warpGray({ gray: ramp, ox: 0, oy: 0, density: 1 }, [1, 0, -0.5, 0, 1, -0.5, 0, 0, 1], 40, 20);
    // (The last row and column are read a hair inside the edge, so they can come out one level lower.)
    for (let y = 0; y < 19; y++) for (let x = 0; x < 39; x++) expect(out.data[y * 40 + x]).toBe(ramp.data[y * 40 + x]);
  });

  it("reads a region that starts elsewhere and holds fewer pixels than the image (density)", () => {
    // The raster covers image pixels from (100, 50) at half density: image point (100 + 2k, 50 + 2j) is raster (k, j).
    const out = warpGray({ gray: ramp, ox: 100, oy: 50, density: 0.5 }, [2, 0, 99, 0, 2, 49, 0, 0, 1], 10, 5);
    for (let y = 0; y < 5; y++) for (let x = 0; x < 10; x++) expect(out.data[y * 10 + x]).toBe(5 * x + y);
  });

  it("straightens a perspective quadrilateral into a rectangle", () => {
    // A dark trapezoid on white; warping its corners onto a 30 x 10 output leaves the output dark inside.
    const width = 60;
    const height = 40;
    const quad = [
      { x: 8, y: 10 },
      { x: 52, y: 6 },
      { x: 50, y: 30 },
      { x: 10, y: 27 },
    ];
    const data = new Uint8Array(width * height).fill(240);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const inside = quad.every((a, i) => {
          const b = quad[(i + 1) % 4]!;
          return (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x) >= 0;
        });
        if (inside) data[y * width + x] = 10;
      }
    }
    const toImage = homographyFromQuads(
      [
        { x: 0, y: 0 },
        { x: 30, y: 0 },
        { x: 30, y: 10 },
        { x: 0, y: 10 },
      ],
      quad,
    );
    const out = warpGray({ gray: { width, height, data }, ox: 0, oy: 0, density: 1 }, toImage, 30, 10);
    // Away from the border (where bilinear reads mix in the white outside), every pixel is the trapezoid's.
    for (let y = 1; y < 9; y++) for (let x = 1; x < 29; x++) expect(out.data[y * 30 + x]).toBeLessThan(60);
  });
});
