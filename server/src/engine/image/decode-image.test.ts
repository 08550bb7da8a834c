import { encode as encodeBmp } from "bmp-ts";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { clampRect, decodeImage, openImage, readImageSize } from "./decode-image";

/** A 40x20 image: left half red, right half blue. */
function halves(): Buffer {
  const w = 40;
  const h = 20;
  const raw = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3;
      if (x < w / 2) raw[i] = 255;
      else raw[i + 2] = 255;
    }
  }
  return raw;
}

const pixel = (rgb: { width: number; data: Uint8Array }, x: number, y: number) => {
  const i = (y * rgb.width + x) * 3;
  return [rgb.data[i], rgb.data[i + 1], rgb.data[i + 2]];
};

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/** A valid small PNG whose header is patched to claim width x height: what a decompression bomb looks like to a reader. */
async function pngBomb(width: number, height: number): Promise<Uint8Array> {
  const png = Buffer.from(
    await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } })
      .png()
      .toBuffer(),
  );
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

async function expectAppError(promise: Promise<unknown>, status: number, code: string) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).status).toBe(status);
  expect((err as AppError).code).toBe(code);
}

describe("decodeImage", () => {
  it("decodes PNG to RGB at full size", async () => {
    const png = await sharp(halves(), { raw: { width: 40, height: 20, channels: 3 } })
      .png()
      .toBuffer();
    const d = await decodeImage(png, "image/png");
    expect([d.width, d.height, d.scale]).toEqual([40, 20, 1]);
    expect(d.rgb.data.length).toBe(40 * 20 * 3);
    expect(pixel(d.rgb, 2, 10)).toEqual([255, 0, 0]);
    expect(pixel(d.rgb, 37, 10)).toEqual([0, 0, 255]);
  });

  it("applies EXIF orientation of JPEGs (6 = rotate 90 degrees clockwise)", async () => {
    const jpeg = await sharp(halves(), { raw: { width: 40, height: 20, channels: 3 } })
      .jpeg({ quality: 95 })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect(await readImageSize(jpeg, "image/jpeg")).toEqual({ width: 40, height: 20, swapsAxes: true });
    const d = await decodeImage(jpeg, "image/jpeg");
    expect([d.width, d.height]).toEqual([20, 40]);
    // Red (left) becomes the top after a clockwise quarter turn.
    const top = pixel(d.rgb, 10, 3);
    const bottom = pixel(d.rgb, 10, 36);
    expect(top[0]).toBeGreaterThan(200);
    expect(top[2]).toBeLessThan(60);
    expect(bottom[2]).toBeGreaterThan(200);
    expect(bottom[0]).toBeLessThan(60);
  });

  it("decodes BMP", async () => {
    const rgba = Buffer.alloc(40 * 20 * 4);
    const raw = halves();
    // bmp-ts encodes from ABGR quads.
    for (let i = 0; i < 800; i++) {
      rgba[i * 4] = 255;
      rgba[i * 4 + 1] = raw[i * 3 + 2]!;
      rgba[i * 4 + 2] = raw[i * 3 + 1]!;
      rgba[i * 4 + 3] = raw[i * 3]!;
    }
    const bmp = encodeBmp({ width: 40, height: 20, data: rgba, bitPP: 24 }).data;
    const d = await decodeImage(bmp, "image/bmp");
    expect([d.width, d.height]).toEqual([40, 20]);
    expect(pixel(d.rgb, 2, 10)).toEqual([255, 0, 0]);
    expect(pixel(d.rgb, 37, 10)).toEqual([0, 0, 255]);
  });

  it("scales large images down while decoding and reports the factor", async () => {
    const png = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: "#808080" } })
      .png()
      .toBuffer();
    const d = await decodeImage(png, "image/png", { maxDecodedPixels: 500_000 });
    expect(d.width).toBe(2000);
    expect(d.height).toBe(1000);
    expect(d.rgb.width * d.rgb.height).toBeLessThanOrEqual(500_000);
    expect(d.scale).toBeCloseTo(2000 / d.rgb.width, 5);
  });

  it("refuses a decompression bomb from its header, before decoding", async () => {
    const bomb = await pngBomb(100_000, 100_000);
    expect(await readImageSize(bomb, "image/png")).toMatchObject({ width: 100_000, height: 100_000 });
    await expectAppError(decodeImage(bomb, "image/png"), 413, "image_too_large_pixels");
  });

  it("refuses a BMP whose header claims too many pixels", async () => {
    const header = Buffer.alloc(54);
    header.write("BM", 0, "latin1");
    header.writeUInt32LE(40, 14);
    header.writeInt32LE(30_000, 18);
    header.writeInt32LE(-30_000, 22);
    await expectAppError(decodeImage(header, "image/bmp"), 413, "image_too_large_pixels");
  });

  it("answers image_undecodable for corrupt bytes or a wrong declared type", async () => {
    await expectAppError(
      decodeImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), "image/jpeg"),
      422,
      "image_undecodable",
    );
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } })
      .png()
      .toBuffer();
    await expectAppError(decodeImage(png, "image/jpeg"), 422, "image_undecodable");
    await expectAppError(decodeImage(png.subarray(0, 60), "image/png"), 422, "image_undecodable");
  });
});

describe("openImage", () => {
  it("serves a shrunk overview and full-resolution regions of a JPEG, clamped to the image", async () => {
    // 1200x800: left half red, right half blue.
    const w = 1200;
    const h = 800;
    const raw = Buffer.alloc(w * h * 3);
    for (let i = 0; i < w * h; i++) raw[i * 3 + (i % w < w / 2 ? 0 : 2)] = 255;
    const jpeg = await sharp(raw, { raw: { width: w, height: h, channels: 3 } })
      .jpeg({ quality: 95 })
      .toBuffer();
    const source = await openImage(jpeg, "image/jpeg");
    expect([source.width, source.height]).toEqual([1200, 800]);
    const overview = await source.overview(300);
    expect(overview.image.width).toBe(300);
    expect(overview.factor).toBeCloseTo(4, 5);
    const { image, rect } = await source.region({ left: 1100, top: 700, width: 300, height: 300 });
    expect(rect).toEqual({ left: 1100, top: 700, width: 100, height: 100 });
    expect([image.width, image.height]).toEqual([100, 100]);
    expect(pixel(image, 50, 50)[2]).toBeGreaterThan(240);
    const left = await source.region({ left: 10, top: 10, width: 20, height: 20 });
    expect(pixel(left.image, 5, 5)[0]).toBeGreaterThan(240);
  });

  it("decodes a JPEG's full resolution beside its overview: a photo cut short fails on the region read only", async () => {
    const w = 1200;
    const h = 800;
    const jpeg = await sharp({ create: { width: w, height: h, channels: 3, background: "#2050a0" } })
      .jpeg({ quality: 95 })
      .toBuffer();
    const cut = jpeg.subarray(0, Math.floor(jpeg.length * 0.6));
    const source = await openImage(cut, "image/jpeg");
    expect([source.width, source.height]).toEqual([w, h]);
    await expectAppError(source.region({ left: 0, top: 0, width: 10, height: 10 }), 422, "image_undecodable");
    // Opened and never read: the failed decode rejects nowhere (vitest fails a run on an unhandled rejection).
    await openImage(cut, "image/jpeg");
    await new Promise((resolve) => setTimeout(resolve, 300));
  });

  it("clampRect drops what lies outside and answers null for nothing", () => {
    expect(clampRect({ left: -5, top: -5, width: 10, height: 10 }, 100, 100)).toEqual({
      left: 0,
      top: 0,
      width: 5,
      height: 5,
    });
    expect(clampRect({ left: 200, top: 0, width: 10, height: 10 }, 100, 100)).toBeNull();
  });
});
