import { MAX_BASE64_CHARS } from "contract/image-limits";
import { describe, expect, it } from "vitest";
import { DEFAULT_TARGET, fitsUpstream, ImageTooSmallError, planCompression, stricterTarget } from "./compression-plan";

/** Replays the library's loop bounds: each iteration multiplies size (unless kept) and quality by 0.95. */
function worstCase(width: number, height: number, o: ReturnType<typeof planCompression>) {
  const scale = o.maxWidthOrHeight / Math.max(width, height);
  const k = o.alwaysKeepResolution ? 1 : 0.95 ** o.maxIteration;
  return {
    long: Math.max(width, height) * scale * k,
    short: Math.min(width, height) * scale * k,
    quality: o.initialQuality * 0.95 ** o.maxIteration,
  };
}

describe("planCompression", () => {
  it("scales a 50 MP photo to a 2560 px long side aimed at 1.5 MB, JPEG, metadata dropped", () => {
    const o = planCompression(8660, 5773);
    expect(o).toMatchObject({
      maxSizeMB: 1.5,
      maxWidthOrHeight: 2560,
      fileType: "image/jpeg",
      useWebWorker: false,
      preserveExif: false,
    });
    const w = worstCase(8660, 5773, o);
    expect(w.quality).toBeGreaterThanOrEqual(DEFAULT_TARGET.qualityFloor);
    expect(w.short).toBeGreaterThanOrEqual(500);
  });

  it("never lets a small image shrink below 800x500 or quality below the floor", () => {
    for (const [width, height] of [
      [800, 500],
      [1000, 700],
      [500, 800],
      [1920, 1080],
      [4032, 3024],
    ] as const) {
      const o = planCompression(width, height);
      const w = worstCase(width, height, o);
      expect(w.long).toBeGreaterThanOrEqual(800);
      expect(w.short).toBeGreaterThanOrEqual(500);
      expect(w.quality).toBeGreaterThanOrEqual(0.6);
      expect(o.maxIteration).toBeGreaterThanOrEqual(1);
    }
    expect(planCompression(800, 500).alwaysKeepResolution).toBe(true);
    expect(planCompression(1000, 700).maxWidthOrHeight).toBe(1000);
  });

  it("refuses images below the minimum and nonsense sizes with clear errors", () => {
    expect(() => planCompression(640, 480)).toThrow(ImageTooSmallError);
    expect(() => planCompression(640, 480)).toThrow(/640x480.*800x500/);
    expect(() => planCompression(0, 100)).toThrow(/invalid image size/);
  });
});

describe("fitsUpstream", () => {
  it("checks the base64 size and the minimum sides", () => {
    const maxRaw = (MAX_BASE64_CHARS / 4) * 3;
    expect(fitsUpstream(maxRaw, 2560, 1800)).toBe(true);
    expect(fitsUpstream(maxRaw + 1, 2560, 1800)).toBe(false);
    expect(fitsUpstream(1000, 799, 600)).toBe(false);
    expect(fitsUpstream(1000, 800, 499)).toBe(false);
  });
});

describe("stricterTarget", () => {
  it("shrinks the long side, lowers start quality, aims under the hard limit, and stops at the minimum", () => {
    const t = stricterTarget(DEFAULT_TARGET, 2560);
    expect(t).toMatchObject({ maxLongSide: 2048, initialQuality: expect.closeTo(0.82, 5), qualityFloor: 0.6 });
    expect(t?.maxSizeMB).toBeLessThanOrEqual(1.5);
    expect(stricterTarget({ ...DEFAULT_TARGET, maxSizeMB: 20 }, 2560)?.maxSizeMB).toBeLessThan(5.25);
    expect(stricterTarget(DEFAULT_TARGET, 900)).toBeUndefined();
  });
});
