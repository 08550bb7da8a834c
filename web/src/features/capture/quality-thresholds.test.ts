import { describe, expect, it } from "vitest";
import { AutoCapture } from "./auto-capture";
import { HintStabilizer } from "./hint-stabilizer";
import { DEFAULT_THRESHOLDS, failedChecks, thresholdsFromParams } from "./quality-thresholds";

const good = { brightness: 140, glare: 0, sharpness: 500, fill: 0.7, motion: 1 };

describe("failedChecks", () => {
  it("passes a good frame and names each failure in priority order", () => {
    expect(failedChecks(good, DEFAULT_THRESHOLDS)).toEqual([]);
    expect(
      failedChecks({ brightness: 20, glare: 0.2, sharpness: 5, fill: 0.1, motion: 30 }, DEFAULT_THRESHOLDS),
    ).toEqual(["dark", "glare", "closer", "still", "blurry"]);
    expect(failedChecks({ ...good, sharpness: 50 }, DEFAULT_THRESHOLDS)).toEqual(["blurry"]);
  });
});

describe("thresholdsFromParams", () => {
  it("overrides known keys and ignores unknown or invalid values", () => {
    const t = thresholdsFromParams(new URLSearchParams("minSharpness=80&goodFrames=2.6&maxGlare=x&bogus=1&minFill=-1"));
    expect(t).toEqual({ ...DEFAULT_THRESHOLDS, minSharpness: 80, goodFrames: 3 });
  });
});

describe("HintStabilizer", () => {
  it("keeps each hint for at least the minimum time", () => {
    const s = new HintStabilizer(1000);
    expect(s.update("dark", 0)).toBe("dark");
    expect(s.update("blurry", 300)).toBe("dark");
    expect(s.update(null, 900)).toBe("dark");
    expect(s.update(null, 1000)).toBeNull();
    expect(s.update("glare", 1500)).toBeNull();
    expect(s.update("glare", 2000)).toBe("glare");
    expect(s.current()).toBe("glare");
  });
});

describe("AutoCapture", () => {
  it("fires once after N consecutive good frames; a bad frame restarts the count", () => {
    const a = new AutoCapture(3);
    expect([true, true, false, true, true].map((g) => a.frame(g))).toEqual([false, false, false, false, false]);
    expect(a.progress()).toBeCloseTo(2 / 3);
    expect(a.frame(true)).toBe(true);
    expect(a.frame(true)).toBe(false);
    a.reset();
    expect(a.progress()).toBe(0);
    expect([true, true, true].map((g) => a.frame(g))).toEqual([false, false, true]);
  });
  it("refuses a nonsense frame count", () => {
    expect(() => new AutoCapture(0)).toThrow(/positive integer/);
  });
});
