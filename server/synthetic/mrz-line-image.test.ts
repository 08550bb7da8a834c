import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { randomLineDegradation, renderMrzLineImage } from "./mrz-line-image";
import { randomFieldLineText, randomMrzLineText } from "./mrz-line-text";
import { Random } from "./random";

describe("renderMrzLineImage", () => {
  it("is deterministic per seed and returns a grayscale PNG of the stated size", async () => {
    const make = async (seed: number) => {
      const rng = new Random(seed);
      const text = randomMrzLineText(rng);
      return renderMrzLineImage(text, randomLineDegradation(rng), rng);
    };
    const a = await make(2_000_001_000);
    const b = await make(2_000_001_000);
    const c = await make(2_000_001_001);
    expect(Buffer.from(a.png).equals(Buffer.from(b.png))).toBe(true);
    expect(Buffer.from(a.png).equals(Buffer.from(c.png))).toBe(false);
    const meta = await sharp(a.png).metadata();
    expect(meta.format).toBe("png");
    expect([meta.width, meta.height]).toEqual([a.width, a.height]);
    expect(meta.channels).toBe(1);
    expect(a.text).toMatch(/^[A-Z0-9<]+$/);
  });

  it("sizes the crop from the character height and pitch", async () => {
    const rng = new Random(2_000_001_100);
    const d = { ...randomLineDegradation(rng, "clean"), capHeightPx: 30, horizontalMargin: 1, verticalMargin: 0.5 };
    const line = await renderMrzLineImage("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", d, rng);
    // 44 characters at 2.54/2.42 of the cap height, plus one pitch of margin each side.
    expect(line.width).toBeCloseTo((46 * 30 * 2.54) / 2.42, -1);
    expect(line.height).toBeCloseTo(60, -1);
    // Dark ink occupies the middle rows, not the margins.
    const data = await sharp(line.png).extractChannel(0).raw().toBuffer();
    const rowDark = (y: number) => {
      let n = 0;
      for (let x = 0; x < line.width; x++) if ((data[y * line.width + x] ?? 255) < 100) n++;
      return n;
    };
    expect(rowDark(Math.round(line.height / 2))).toBeGreaterThan(100);
    expect(rowDark(2)).toBe(0);
  });

  it("mixes real TD3 lines with random strings over the whole alphabet", () => {
    const rng = new Random(2_000_001_200);
    const texts = Array.from({ length: 400 }, () => randomMrzLineText(rng));
    const td3 = texts.filter((t) => /^P<[A-Z<]{3}/.test(t) || /^[A-Z0-9<]{9}\d[A-Z<]{3}\d{7}[MF<]\d{7}/.test(t));
    expect(td3.length).toBeGreaterThan(240);
    expect(td3.length).toBeLessThan(360);
    expect(new Set(texts.join(""))).toEqual(new Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"));
    expect(texts.some((t) => t.length === 30)).toBe(true);
  });

  it("draws field lines bolder or thinner, and small captures scaled up", async () => {
    const text = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
    const base = { ...randomLineDegradation(new Random(1), "clean"), capHeightPx: 24, noiseSigma: 0 };
    const stats = async (d: typeof base) => {
      const line = await renderMrzLineImage(text, d, new Random(2_000_001_300));
      const data = await sharp(line.png).extractChannel(0).raw().toBuffer();
      let ink = 0;
      let edges = 0;
      for (let i = 0; i < data.length; i++) {
        if ((data[i] ?? 255) < 128) ink++;
        if (i % line.width > 0) edges += Math.abs((data[i] ?? 0) - (data[i - 1] ?? 0));
      }
      return { ink, edges, width: line.width };
    };
    const plain = await stats(base);
    const bold = await stats({ ...base, strokeWeight: 0.1 });
    const thin = await stats({ ...base, strokeWeight: -0.05 });
    expect(bold.ink).toBeGreaterThan(plain.ink * 1.3);
    expect(thin.ink).toBeLessThan(plain.ink * 0.85);
    // Captured with 8 px capitals, scaled up to 24: the same size, far softer edges.
    const small = await stats({ ...base, sourceCapPx: 8 });
    expect(small.width).toBe(plain.width);
    expect(small.edges).toBeLessThan(plain.edges * 0.75);
  });

  it("gives field lines card text (30 and 36 characters) besides passport lines", () => {
    const rng = new Random(2_000_001_400);
    const texts = Array.from({ length: 300 }, () => randomFieldLineText(rng));
    expect(texts.filter((t) => /^[IAC][A-Z<][A-Z<]{3}/.test(t) && t.length === 30).length).toBeGreaterThan(10);
    expect(texts.filter((t) => t.length === 36).length).toBeGreaterThan(40);
    expect(texts.filter((t) => t.length === 44).length).toBeGreaterThan(80);
  });
});
