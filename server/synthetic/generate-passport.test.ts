import type { Point, Quad } from "contract/geometry";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { generatePassport } from "./generate-passport";

interface Gray {
  data: Buffer;
  width: number;
  height: number;
}

async function decodeGray(image: Uint8Array): Promise<Gray> {
  const { data, info } = await sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

const lerp = (a: Point, b: Point, t: number): Point => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });

/** Share of dark pixels sampled on a grid inside a quad (u along top edge, v from top to bottom edge). */
function darkShare(img: Gray, q: Quad, u0 = 0, u1 = 1, threshold = 90): number {
  let dark = 0;
  let total = 0;
  for (let v = 0.02; v < 1; v += 0.02) {
    for (let u = u0; u < u1; u += 0.002) {
      const p = lerp(lerp(q[0], q[1], u), lerp(q[3], q[2], u), v);
      const x = Math.round(p.x);
      const y = Math.round(p.y);
      if (x < 0 || y < 0 || x >= img.width || y >= img.height) continue;
      total++;
      if ((img.data[y * img.width + x] ?? 255) < threshold) dark++;
    }
  }
  return total === 0 ? 0 : dark / total;
}

describe("generatePassport", () => {
  it("is deterministic: same seed and conditions give the same bytes, another seed does not", async () => {
    const conditions = { preset: "moderate", width: 800, height: 600 } as const;
    const a = await generatePassport({ seed: 2_000_000_100, conditions });
    const b = await generatePassport({ seed: 2_000_000_100, conditions });
    const c = await generatePassport({ seed: 2_000_000_101, conditions });
    expect(Buffer.from(a.image).equals(Buffer.from(b.image))).toBe(true);
    expect(a.truth).toEqual(b.truth);
    expect(Buffer.from(a.image).equals(Buffer.from(c.image))).toBe(false);
    expect(a.truth.mrzLines).not.toEqual(c.truth.mrzLines);
  });

  it("puts dark MRZ text inside the truth band and none in the margin below it", async () => {
    const p = await generatePassport({ seed: 2_000_000_200, conditions: "clean" });
    const img = await decodeGray(p.image);
    const band = p.truth.mrzBand;
    const inside = darkShare(img, band);
    const firstChars = darkShare(img, band, 0, 0.06);
    const lastChars = darkShare(img, band, 0.94, 1);
    const page = p.truth.pageQuad;
    // The bottom margin of the page, stopping short of the page edge (which meets a dark background).
    const below: Quad = [band[3], band[2], lerp(band[2], page[2], 0.7), lerp(band[3], page[3], 0.7)];
    const underneath = darkShare(img, below);
    expect(inside).toBeGreaterThan(0.08);
    expect(firstChars).toBeGreaterThan(0.03);
    expect(lastChars).toBeGreaterThan(0.03);
    expect(underneath).toBeLessThan(0.005);
  });

  it("keeps the band on the text for an upside-down, tilted page with perspective", async () => {
    const p = await generatePassport({
      seed: 2_000_000_300,
      conditions: {
        preset: "hard",
        rotationDeg: 172,
        perspective: 0.06,
        glareSpots: 0,
        moire: 0,
        width: 1600,
        height: 1200,
      },
    });
    const img = await decodeGray(p.image);
    const [start, end] = p.truth.mrzBand;
    // Upside down: the start of line 1 is to the right of its end in the image.
    expect(start.x).toBeGreaterThan(end.x);
    expect(darkShare(img, p.truth.mrzBand, 0, 1, 110)).toBeGreaterThan(0.06);
  });

  it("produces the requested sizes and media types, up to 12 megapixels", async () => {
    const png = await generatePassport({
      seed: 2_000_000_400,
      conditions: { width: 640, height: 480, jpegQuality: null },
    });
    expect(png.mediaType).toBe("image/png");
    expect([png.width, png.height]).toEqual([640, 480]);
    expect(Array.from(png.image.slice(1, 4))).toEqual([0x50, 0x4e, 0x47]);
    const meta = await sharp(png.image).metadata();
    expect([meta.width, meta.height]).toEqual([640, 480]);

    const big = await generatePassport({
      seed: 2_000_000_401,
      conditions: { preset: "clean", width: 4000, height: 3000 },
    });
    expect(big.mediaType).toBe("image/jpeg");
    expect(Array.from(big.image.slice(0, 2))).toEqual([0xff, 0xd8]);
    const bigMeta = await sharp(big.image).metadata();
    expect([bigMeta.width, bigMeta.height]).toEqual([4000, 3000]);
    expect(big.truth.mrzCharHeightPx).toBeGreaterThan(50);
  }, 30_000);

  it("shrinks the MRZ for a small-in-frame page and makes a grayscale copy grey", async () => {
    const small = await generatePassport({ seed: 2_000_000_500, conditions: { pageFill: 0.3, grayscale: true } });
    expect(small.truth.mrzCharHeightPx).toBeLessThan(12);
    const { data, info } = await sharp(small.image).raw().toBuffer({ resolveWithObject: true });
    let maxSpread = 0;
    for (let i = 0; i < data.length; i += info.channels * 97) {
      const r = data[i] ?? 0;
      const g = data[i + 1] ?? 0;
      const b = data[i + 2] ?? 0;
      maxSpread = Math.max(maxSpread, Math.max(r, g, b) - Math.min(r, g, b));
    }
    expect(maxSpread).toBeLessThan(12);
  });

  it("refuses bad conditions with a clear error", async () => {
    await expect(generatePassport({ seed: 2_000_000_600, conditions: { width: 5000, height: 4000 } })).rejects.toThrow(
      /over 12000000 pixels/,
    );
    await expect(generatePassport({ seed: 2_000_000_600, conditions: "blurry" as unknown as "clean" })).rejects.toThrow(
      /unknown preset/,
    );
    await expect(generatePassport({ seed: -1 })).rejects.toThrow(/seed must be an integer/);
  });

  it("draws TD1 and TD2 cards: three lines of 30 or two of 36 inside the truth band", async () => {
    for (const [document, lines, width] of [
      ["TD1", 3, 30],
      ["TD2", 2, 36],
    ] as const) {
      const p = await generatePassport({
        seed: 2_000_000_700,
        conditions: { preset: "clean", document, width: 1200, height: 900 },
      });
      expect(p.truth.format).toBe(document);
      expect(p.truth.mrzLines).toHaveLength(lines);
      for (const l of p.truth.mrzLines) expect(l).toHaveLength(width);
      const img = await decodeGray(p.image);
      expect(darkShare(img, p.truth.mrzBand)).toBeGreaterThan(0.06);
      expect(darkShare(img, p.truth.mrzBand, 0, 0.06)).toBeGreaterThan(0.02);
      expect(darkShare(img, p.truth.mrzBand, 0.94, 1)).toBeGreaterThan(0.02);
    }
  }, 30_000);

  it("turns the page by a right angle: the band runs down the frame", async () => {
    const p = await generatePassport({
      seed: 2_000_000_800,
      conditions: { preset: "clean", rotationDeg: 90, width: 1200, height: 1600 },
    });
    const [start, end] = p.truth.mrzBand;
    // Line 1 runs from top to bottom.
    expect(end.y - start.y).toBeGreaterThan(5 * Math.abs(end.x - start.x));
    expect(darkShare(await decodeGray(p.image), p.truth.mrzBand)).toBeGreaterThan(0.06);
  }, 30_000);

  it("puts a spread's data page below its facing page, the band on the data page", async () => {
    const flat = await generatePassport({
      seed: 2_000_000_900,
      conditions: { preset: "clean", width: 1200, height: 1600 },
    });
    const p = await generatePassport({
      seed: 2_000_000_900,
      conditions: { preset: "clean", spread: true, width: 1200, height: 1600 },
    });
    const [tl, , , bl] = p.truth.pageQuad;
    const [bandTop] = p.truth.mrzBand;
    // The picture is two pages tall; the band lies in its lower half.
    const pageHeight = Math.hypot(bl.x - tl.x, bl.y - tl.y);
    const pageWidth = Math.hypot(p.truth.pageQuad[1].x - tl.x, p.truth.pageQuad[1].y - tl.y);
    expect(pageHeight / pageWidth).toBeGreaterThan(1.2);
    expect((bandTop.y - tl.y) / pageHeight).toBeGreaterThan(0.5);
    expect(p.truth.mrzLines).toEqual(flat.truth.mrzLines);
    expect(darkShare(await decodeGray(p.image), p.truth.mrzBand)).toBeGreaterThan(0.06);
  }, 30_000);

  it("bows the MRZ lines of a curled page: the middle of the band sits lower than its ends", async () => {
    const conditions = { preset: "clean", rotationDeg: 0, perspective: 0, width: 1600, height: 1200 } as const;
    const flat = await generatePassport({ seed: 2_000_001_000, conditions });
    const curled = await generatePassport({ seed: 2_000_001_000, conditions: { ...conditions, curvature: 0.03 } });
    // Mean row of the ink in the band's middle fifth, less that in its first tenth.
    const sag = async (p: typeof flat) => {
      const img = await decodeGray(p.image);
      const [tl, tr, , bl] = p.truth.mrzBand;
      const meanInkRow = (u0: number, u1: number) => {
        let sum = 0;
        let n = 0;
        const x0 = Math.round(tl.x + u0 * (tr.x - tl.x));
        const x1 = Math.round(tl.x + u1 * (tr.x - tl.x));
        for (let y = Math.round(tl.y + 5); y < Math.round(bl.y + 45); y++) {
          for (let x = x0; x < x1; x++) {
            if ((img.data[y * img.width + x] ?? 255) < 100) {
              sum += y;
              n++;
            }
          }
        }
        return sum / n;
      };
      return meanInkRow(0.4, 0.6) - meanInkRow(0.02, 0.12);
    };
    // 3% of a ~1300 px wide page is ~40 px at the middle, ~10 px at the band's ends.
    expect(Math.abs(await sag(flat))).toBeLessThan(3);
    expect(await sag(curled)).toBeGreaterThan(12);
  }, 30_000);

  it("lays a coloured foil over the MRZ", async () => {
    const colour = async (foil: number) => {
      const p = await generatePassport({
        seed: 2_000_001_100,
        conditions: { preset: "clean", foil, width: 1200, height: 900 },
      });
      const { data, info } = await sharp(p.image).raw().toBuffer({ resolveWithObject: true });
      const [tl, , br] = p.truth.mrzBand;
      let spread = 0;
      let n = 0;
      for (let y = Math.round(tl.y); y < Math.round(br.y); y += 2) {
        for (let x = Math.round(tl.x); x < Math.round(br.x); x += 2) {
          const i = (y * info.width + x) * info.channels;
          spread += Math.max(data[i]!, data[i + 1]!, data[i + 2]!) - Math.min(data[i]!, data[i + 1]!, data[i + 2]!);
          n++;
        }
      }
      return spread / n;
    };
    expect(await colour(0.8)).toBeGreaterThan((await colour(0)) + 8);
  }, 30_000);

  it("samples the rotated and lowres presets as documented", async () => {
    const { resolveConditions } = await import("./conditions");
    const { Random } = await import("./random");
    const rotated = Array.from({ length: 200 }, (_, i) => resolveConditions("rotated", new Random(i)));
    const turns = new Set(rotated.map((c) => Math.round(c.rotationDeg / 90) % 4));
    expect(turns).toEqual(new Set([0, 1, 2, 3]));
    expect(
      Math.max(...rotated.map((c) => Math.abs(c.rotationDeg - 90 * Math.round(c.rotationDeg / 90)))),
    ).toBeGreaterThan(25);
    expect(new Set(rotated.map((c) => c.document))).toEqual(new Set(["TD3", "TD1", "TD2"]));
    expect(rotated.some((c) => c.spread) && rotated.some((c) => c.curvature > 0)).toBe(true);
    expect(rotated.some((c) => c.mrzWeight > 0) && rotated.some((c) => c.mrzWeight < 0)).toBe(true);
    const low = await generatePassport({ seed: 2_000_001_200, conditions: "lowres" });
    expect(low.truth.mrzCharHeightPx).toBeGreaterThan(6.5);
    expect(low.truth.mrzCharHeightPx).toBeLessThan(12);
  }, 30_000);
});
