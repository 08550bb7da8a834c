import type { GrayImage, Quad } from "contract/geometry";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { RgbImage } from "../image/raster";
import { colourfulness, glareMaxCellShare, isGlarePixel, laplacianVariance, paperLuma } from "./capture-quality";

const W = 200;
const H = 100;
const whole: Quad = [
  { x: 0, y: 0 },
  { x: W - 1, y: 0 },
  { x: W - 1, y: H - 1 },
  { x: 0, y: H - 1 },
];

/** Black 2-px bars on white every 8 px: sharp print. */
function bars(): GrayImage {
  const data = new Uint8Array(W * H).fill(230);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (x % 8 < 2) data[y * W + x] = 20;
  return { width: W, height: H, data };
}

function rgb(fill: (x: number, y: number) => [number, number, number]): RgbImage {
  const data = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) data.set(fill(x, y), (y * W + x) * 3);
  }
  return { width: W, height: H, data };
}

describe("capture quality measures", () => {
  it("Laplacian variance drops several-fold under Gaussian blur", async () => {
    const sharpImg = bars();
    const blurred = await sharp(sharpImg.data, { raw: { width: W, height: H, channels: 1 } })
      .blur(3)
      .raw()
      .toBuffer();
    const a = laplacianVariance(sharpImg);
    const b = laplacianVariance({ width: W, height: H, data: new Uint8Array(blurred) });
    expect(a).toBeGreaterThan(5000);
    expect(b).toBeLessThan(a / 5);
    expect(laplacianVariance({ width: W, height: H, data: new Uint8Array(W * H).fill(128) })).toBe(0);
  });

  it("glare: a washed-out spot on tinted paper counts, the paper itself and white paper of a grayscale copy do not", () => {
    const paperTint: [number, number, number] = [214, 206, 190];
    const page = rgb((x) => (x >= 150 ? [250, 250, 248] : paperTint));
    const paper = paperLuma(page, whole);
    expect(paper).toBeGreaterThan(195);
    expect(paper).toBeLessThan(215);
    expect(isGlarePixel(214, 206, 190, paper)).toBe(false);
    expect(isGlarePixel(250, 250, 248, paper)).toBe(true);
    // One cell of a 4x1 grid is fully covered: the worst-cell share says so.
    expect(glareMaxCellShare(page, whole, [4, 1], paper)).toBeGreaterThan(0.9);
    expect(
      glareMaxCellShare(
        rgb(() => paperTint),
        whole,
        [4, 1],
        paper,
      ),
    ).toBe(0);
    const copy = rgb(() => [246, 246, 246]);
    expect(glareMaxCellShare(copy, whole, [4, 1], paperLuma(copy, whole))).toBe(0);
  });

  it("colourfulness is ~0 for grayscale and high for coloured print", () => {
    const gray = rgb((x, y) => {
      const v = (x * 3 + y) % 255;
      return [v, v, v];
    });
    const colour = rgb((x) => (x % 20 < 10 ? [200, 60, 60] : [60, 90, 200]));
    expect(colourfulness(gray, whole)).toBeLessThan(0.5);
    expect(colourfulness(colour, whole)).toBeGreaterThan(40);
  });
});
