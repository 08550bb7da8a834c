import { describe, expect, it } from "vitest";
import { type GrayFrame, measureFrame, toGray } from "./frame-metrics";

function frame(w: number, h: number, fn: (x: number, y: number) => number): GrayFrame {
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = fn(x, y);
  return { width: w, height: h, data };
}

/** A "document": fine black-on-white text stripes inside [x0,x1)x[y0,y1) on a mid-grey table. */
const doc = (x0: number, y0: number, x1: number, y1: number, bg = 90) =>
  frame(160, 100, (x, y) => {
    if (x < x0 || x >= x1 || y < y0 || y >= y1) return bg;
    return (x - x0 + y - y0) % 4 < 2 ? 20 : 235;
  });

function blur(f: GrayFrame, radius: number): GrayFrame {
  return frame(f.width, f.height, (x, y) => {
    let s = 0;
    let n = 0;
    for (let dy = -radius; dy <= radius; dy++)
      for (let dx = -radius; dx <= radius; dx++) {
        const xx = Math.min(f.width - 1, Math.max(0, x + dx));
        const yy = Math.min(f.height - 1, Math.max(0, y + dy));
        s += f.data[yy * f.width + xx]!;
        n++;
      }
    return s / n;
  });
}

describe("measureFrame", () => {
  it("measures brightness and glare", () => {
    const dark = measureFrame(frame(10, 10, () => 30));
    expect(dark.brightness).toBeCloseTo(30);
    expect(dark.glare).toBe(0);
    const half = measureFrame(frame(10, 10, (x) => (x < 5 ? 255 : 100)));
    expect(half.glare).toBeCloseTo(0.5);
    expect(half.brightness).toBeCloseTo(177.5);
  });

  it("scores a sharp document far above the same document blurred", () => {
    const sharp = doc(10, 10, 150, 90);
    const soft = blur(sharp, 2);
    expect(measureFrame(sharp).sharpness).toBeGreaterThan(10 * measureFrame(soft).sharpness);
  });

  it("reports how much of the frame the document fills", () => {
    const big = measureFrame(doc(8, 5, 152, 95)).fill;
    const small = measureFrame(doc(60, 35, 100, 65)).fill;
    expect(big).toBeGreaterThan(0.7);
    expect(small).toBeLessThan(0.15);
    expect(measureFrame(frame(20, 20, () => 128)).fill).toBe(0);
  });

  it("measures motion against the previous frame only when sizes match", () => {
    const a = doc(10, 10, 150, 90);
    const shifted = doc(12, 10, 152, 90);
    expect(measureFrame(a, a).motion).toBe(0);
    expect(measureFrame(shifted, a).motion).toBeGreaterThan(20);
    expect(
      measureFrame(
        a,
        frame(10, 10, () => 0),
      ).motion,
    ).toBe(0);
  });

  it("rejects a frame whose data does not match its size", () => {
    expect(() => measureFrame({ width: 10, height: 10, data: new Uint8Array(5) })).toThrow(/bad frame/);
  });
});

describe("toGray", () => {
  it("converts RGBA to BT.601 luma", () => {
    const g = toGray(new Uint8ClampedArray([255, 255, 255, 255, 255, 0, 0, 255, 0, 255, 0, 255]), 3, 1);
    expect(Array.from(g.data)).toEqual([255, 76, 149]);
  });
});
