import { describe, expect, it } from "vitest";
import { scaleGray } from "./raster";

describe("scaleGray", () => {
  it("averages exact areas: halving a checkerboard of 1 px cells gives mid grey", () => {
    const width = 8;
    const height = 6;
    const data = new Uint8Array(width * height).map((_, i) => (((i % width) + Math.floor(i / width)) % 2 ? 255 : 0));
    const out = scaleGray({ width, height, data }, 0.5);
    expect(out.width).toBe(4);
    expect(out.height).toBe(3);
    expect([...out.data].every((v) => v === 128)).toBe(true);
  });

  it("keeps the mean grey and a dark bar's position at a fractional factor (0.625, as the name vote uses)", () => {
    const width = 64;
    const height = 32;
    const data = new Uint8Array(width * height).fill(200);
    for (let y = 8; y < 24; y++) for (let x = 16; x < 48; x++) data[y * width + x] = 20;
    const out = scaleGray({ width, height, data }, 0.625);
    expect(out.width).toBe(40);
    expect(out.height).toBe(20);
    const mean = (d: Uint8Array) => d.reduce((s, v) => s + v, 0) / d.length;
    expect(Math.abs(mean(out.data) - mean(data))).toBeLessThan(0.5);
    // The bar spans x 10..30 and y 5..15 after scaling: dark inside, light outside.
    expect(out.data[10 * 40 + 20]).toBe(20);
    expect(out.data[2 * 40 + 5]).toBe(200);
  });

  it("refuses factors outside (0, 1]", () => {
    const img = { width: 2, height: 2, data: new Uint8Array(4) };
    expect(() => scaleGray(img, 0)).toThrow(RangeError);
    expect(() => scaleGray(img, 1.5)).toThrow(RangeError);
  });
});
