import type { GrayImage } from "contract/geometry";
import { describe, expect, it } from "vitest";
import { blackHat, dilate, erode, otsuThreshold, sobelXAbs } from "./morphology";

function randomImage(width: number, height: number, seed: number): GrayImage {
  let s = seed;
  const data = new Uint8Array(width * height);
  for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    data[i] = s >>> 24;
  }
  return { width, height, data };
}

/** Direct definition: extremum over the clamped kw x kh neighbourhood. */
function naive(img: GrayImage, kw: number, kh: number, useMax: boolean): Uint8Array {
  const out = new Uint8Array(img.data.length);
  const rw = kw >> 1;
  const rh = kh >> 1;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      let acc = useMax ? 0 : 255;
      for (let dy = -rh; dy <= rh; dy++) {
        const yy = Math.min(img.height - 1, Math.max(0, y + dy));
        for (let dx = -rw; dx <= rw; dx++) {
          const xx = Math.min(img.width - 1, Math.max(0, x + dx));
          const v = img.data[yy * img.width + xx]!;
          acc = useMax ? Math.max(acc, v) : Math.min(acc, v);
        }
      }
      out[y * img.width + x] = acc;
    }
  }
  return out;
}

describe("morphology", () => {
  it.each([
    [1, 1],
    [3, 1],
    [1, 5],
    [5, 3],
    [13, 7],
    [27, 9],
  ])("dilate and erode with a %ix%i kernel match the direct definition", (kw, kh) => {
    const img = randomImage(37, 23, kw * 31 + kh);
    expect(Array.from(dilate(img, kw, kh).data)).toEqual(Array.from(naive(img, kw, kh, true)));
    expect(Array.from(erode(img, kw, kh).data)).toEqual(Array.from(naive(img, kw, kh, false)));
  });

  it("black top-hat lights up a thin dark stroke and not a wide dark area", () => {
    const width = 60;
    const height = 20;
    const data = new Uint8Array(width * height).fill(200);
    for (let y = 0; y < height; y++) {
      data[y * width + 10] = 20; // 1 px stroke
      for (let x = 30; x < 60; x++) data[y * width + x] = 20; // wide dark area
    }
    const hat = blackHat({ width, height, data }, 7, 3);
    expect(hat.data[10 * width + 10]).toBe(180);
    expect(hat.data[10 * width + 45]).toBe(0);
    expect(hat.data[10 * width + 5]).toBe(0);
  });

  it("Sobel x responds to vertical edges only", () => {
    const width = 10;
    const height = 10;
    const vertical = new Uint8Array(width * height);
    const horizontal = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) vertical[y * width + x] = x >= 5 ? 255 : 0;
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) horizontal[y * width + x] = y >= 5 ? 255 : 0;
    const v = sobelXAbs({ width, height, data: vertical });
    const h = sobelXAbs({ width, height, data: horizontal });
    expect(v.data[5 * width + 4]).toBe(255);
    expect(v.data[5 * width + 1]).toBe(0);
    expect(Math.max(...h.data)).toBe(0);
  });

  it("Otsu separates a bimodal histogram between its modes", () => {
    const data = new Uint8Array(1000);
    for (let i = 0; i < 1000; i++) data[i] = i < 600 ? 30 + (i % 10) : 200 + (i % 10);
    const t = otsuThreshold({ width: 1000, height: 1, data });
    expect(t).toBeGreaterThanOrEqual(39);
    expect(t).toBeLessThan(200);
  });
});
