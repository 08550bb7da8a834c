import { describe, expect, it } from "vitest";
import type { ConditionsInput } from "../../../synthetic/conditions";
import { generatePassport } from "../../../synthetic/generate-passport";
import { openImage } from "../image/decode-image";
import { QUALITY_THRESHOLDS } from "./quality-thresholds";
import { isScreenMoire } from "./quality-warnings";
import {
  combineTiles,
  MOIRE_ISOLATION,
  measureScreenMoire,
  MOIRE_TILE as N,
  ringRatios,
  type ScreenMoire,
  tilePower,
} from "./screen-moire";

/** A deterministic pseudo-random source for the noise of the hand-made tiles. */
function noise(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    return a / 2 ** 32 - 0.5;
  };
}

/** Tiles of grey paper with sensor noise plus `pattern(x, y, tile)`, as the detector's ring ratios. */
function tiles(count: number, pattern: (x: number, y: number, t: number) => number): Float32Array[] {
  const rnd = noise(7);
  return Array.from({ length: count }, (_, t) => {
    const tile = new Float64Array(N * N);
    for (let y = 0; y < N; y++) {
      for (let x = 0; x < N; x++) tile[y * N + x] = 180 + 8 * rnd() + pattern(x, y, t);
    }
    return ringRatios(tilePower(tile));
  });
}

describe("combineTiles on hand-made tiles", () => {
  it("finds a grating at the same frequency in every tile: its frequency, a high ratio, isolated, all tiles agree", () => {
    // 0.3 cycles/px horizontally, 0.1 vertically: radial 0.316.
    const m = combineTiles(tiles(9, (x, y) => 4 * Math.sin(2 * Math.PI * (0.3 * x + 0.1 * y))));
    expect(m.tiles).toBe(9);
    // Within two bins (the pooled peak spans three).
    expect(Math.abs(m.frequency - Math.hypot(0.3, 0.1))).toBeLessThan(2 / N);
    expect(m.peakRatio).toBeGreaterThan(1000);
    expect(m.isolation).toBeGreaterThan(10);
    expect(m.tileAgreement).toBe(1);
  });

  it("does not call a thin-line print pattern (a comb of harmonics) isolated", () => {
    // One-pixel lines every 7 pixels: harmonics every 1/7 cycles/px along the same radial line.
    const m = combineTiles(tiles(9, (_x, y) => (y % 7 === 0 ? -60 : 0)));
    expect(m.isolation).toBeLessThan(MOIRE_ISOLATION);
  });

  it("does not take a peak that sits at a different frequency in each tile for a grating", () => {
    const m = combineTiles(tiles(9, (x, y, t) => 6 * Math.sin(2 * Math.PI * ((0.17 + 0.035 * t) * x + 0.05 * t * y))));
    expect(m.tileAgreement).toBeLessThan(QUALITY_THRESHOLDS.screenMoireTileAgreement);
    expect(m.peakRatio).toBeLessThan(QUALITY_THRESHOLDS.screenMoirePeakRatio);
  });

  it("measures nothing without tiles", () => {
    expect(combineTiles([])).toEqual({ peakRatio: 0, isolation: 0, tileAgreement: 0, frequency: 0, tiles: 0 });
  });
});

/** Generates a test-range passport and measures it over its true page quad, like the pipeline does. */
async function measured(seed: number, conditions: ConditionsInput): Promise<ScreenMoire> {
  const g = await generatePassport({ seed, conditions });
  const source = await openImage(g.image, g.mediaType);
  return measureScreenMoire(source, g.truth.pageQuad);
}

describe("measureScreenMoire on generated photos", () => {
  const small = { width: 1600, height: 1200 };

  it("flags a screen recapture with little blur, with the measured value above the threshold", async () => {
    const m = await measured(2_000_000_600, {
      preset: "moderate",
      ...small,
      moire: 0.5,
      blurSigma: 0,
      jpegQuality: 88,
    });
    expect(m.tiles).toBe(16);
    expect(m.peakRatio).toBeGreaterThan(QUALITY_THRESHOLDS.screenMoirePeakRatio);
    expect(m.tileAgreement).toBeGreaterThanOrEqual(QUALITY_THRESHOLDS.screenMoireTileAgreement);
    expect(m.frequency).toBeGreaterThan(0.15);
    expect(isScreenMoire(m)).toBe(true);
  });

  it("does not flag the same photo without moire", async () => {
    const m = await measured(2_000_000_600, { preset: "moderate", ...small, moire: 0, blurSigma: 0, jpegQuality: 88 });
    expect(m.tiles).toBe(16);
    expect(isScreenMoire(m)).toBe(false);
  });

  it("does not flag a grayscale photocopy or a page on a busy background", async () => {
    const copy = await measured(2_000_000_601, { preset: "clean", ...small, grayscale: true });
    expect(isScreenMoire(copy)).toBe(false);
    const busy = await measured(2_000_000_602, { preset: "moderate", ...small, background: "busy", moire: 0 });
    expect(isScreenMoire(busy)).toBe(false);
  });

  it("skips tiles outside the image and measures nothing when none is left", async () => {
    const g = await generatePassport({ seed: 2_000_000_603, conditions: { preset: "clean", width: 640, height: 480 } });
    const source = await openImage(g.image, g.mediaType);
    const outside = [
      { x: 5000, y: 5000 },
      { x: 6000, y: 5000 },
      { x: 6000, y: 6000 },
      { x: 5000, y: 6000 },
    ] as const;
    const m = await measureScreenMoire(source, [...outside]);
    expect(m).toEqual({ peakRatio: 0, isolation: 0, tileAgreement: 0, frequency: 0, tiles: 0 });
  });
});
