import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { rgbPng, tinyPng } from "../../test/tiny-png";
import { readImageHeader } from "./image-header";
import { JPEG, PNG } from "./tiny-images";

const photo = (width: number, height: number) =>
  sharp({
    create: { width, height, channels: 3, background: "#7a8b9c", noise: { type: "gaussian", mean: 120, sigma: 30 } },
  });

describe("readImageHeader (issue 17, item 3)", () => {
  it("reads size, depth and wholeness of real PNG, JPEG and BMP files", async () => {
    const jpeg = new Uint8Array(await photo(1000, 700).jpeg({ quality: 80 }).toBuffer());
    const progressive = new Uint8Array(await photo(900, 600).jpeg({ progressive: true }).toBuffer());
    const png16 = new Uint8Array(await photo(820, 510).png().toColourspace("rgb16").toBuffer());
    expect(readImageHeader(jpeg, "image/jpeg")).toEqual({ width: 1000, height: 700, bitDepth: 8, complete: true });
    expect(readImageHeader(progressive, "image/jpeg")).toEqual({
      width: 900,
      height: 600,
      bitDepth: 8,
      complete: true,
    });
    expect(readImageHeader(png16, "image/png")).toEqual({ width: 820, height: 510, bitDepth: 16, complete: true });
    expect(readImageHeader(tinyPng(3, 2), "image/png")).toEqual({ width: 3, height: 2, bitDepth: 8, complete: true });
    const withTrailer = new Uint8Array([...jpeg, ...new TextEncoder().encode("SEFHtrailer")]);
    expect(readImageHeader(withTrailer, "image/jpeg")?.complete).toBe(true);
  });

  it("says a truncated file is not whole, wherever it was cut", async () => {
    const jpeg = new Uint8Array(await photo(1000, 700).jpeg({ quality: 80 }).toBuffer());
    const png = new Uint8Array(await photo(1000, 700).png().toBuffer());
    for (const share of [0.2, 0.35, 0.5, 0.65, 0.8, 0.95]) {
      const cut = (bytes: Uint8Array) => bytes.subarray(0, Math.floor(bytes.length * share));
      expect(readImageHeader(cut(jpeg), "image/jpeg")?.complete ?? false, `jpeg ${share}`).toBe(false);
      expect(readImageHeader(cut(png), "image/png")?.complete ?? false, `png ${share}`).toBe(false);
    }
    const bmp = new Uint8Array(54 + 3 * 4 * 4);
    bmp.set([0x42, 0x4d]);
    new DataView(bmp.buffer).setInt32(10, 54, true);
    new DataView(bmp.buffer).setInt32(14, 40, true);
    new DataView(bmp.buffer).setInt32(18, 4, true);
    new DataView(bmp.buffer).setInt32(22, 4, true);
    new DataView(bmp.buffer).setUint16(28, 24, true);
    expect(readImageHeader(bmp, "image/bmp")).toEqual({ width: 4, height: 4, bitDepth: 24, complete: true });
    expect(readImageHeader(bmp.subarray(0, 80), "image/bmp")?.complete).toBe(false);
  });

  it("has no header for bytes that only start like an image", () => {
    expect(readImageHeader(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), "image/jpeg")).toBeNull();
    expect(readImageHeader(JPEG, "image/jpeg")).toBeNull();
    expect(readImageHeader(PNG, "image/png")).toBeNull();
    expect(readImageHeader(rgbPng(0, 10, new Uint8Array(0)), "image/png")).toBeNull();
  });
});
