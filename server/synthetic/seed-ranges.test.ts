import { describe, expect, it } from "vitest";
import { assertSeedFor, SEED_RANGES, seedPurpose } from "./seed-ranges";

describe("seed ranges", () => {
  it("never overlap, so training never sees evaluation or test data", () => {
    const ranges = Object.values(SEED_RANGES).sort((a, b) => a.from - b.from);
    for (let i = 1; i < ranges.length; i++) {
      expect(ranges[i]?.from).toBeGreaterThan(ranges[i - 1]?.to ?? Number.POSITIVE_INFINITY);
    }
  });

  it("names the purpose of a seed and refuses a seed from another purpose", () => {
    expect(seedPurpose(5)).toBe("train");
    expect(seedPurpose(1_000_000_001)).toBe("eval");
    expect(seedPurpose(2_000_000_001)).toBe("test");
    expect(seedPurpose(500_000_000)).toBeNull();
    expect(() => assertSeedFor("train", 1_000_000_001)).toThrow(/not in the train range/);
    expect(() => assertSeedFor("eval", 1_000_000_001)).not.toThrow();
  });
});
