import { describe, expect, it } from "vitest";
import { generatePassport } from "../../../synthetic/generate-passport";
import { openPhotoBands } from "./photo-bands";

describe("openPhotoBands", () => {
  it("locates once and cuts each band once per capital height, for every reader", async () => {
    const p = await generatePassport({
      seed: 2_000_000_612,
      conditions: { preset: "moderate", width: 1600, height: 1200, blurSigma: 0, jpegQuality: 88 },
    });
    const photo = await openPhotoBands(p, 3);
    const first = [...photo.candidates()];
    expect(first.length).toBeGreaterThan(0);
    // A second reader walks the same candidates, the same objects, in the same order.
    expect([...photo.candidates()]).toEqual(first);
    expect([...photo.candidates()][0]).toBe(first[0]);
    const best = first[0]!;
    const band = await photo.crop(best, 24);
    expect(band?.lines).toBe(2);
    expect(await photo.crop(best, 24)).toBe(band);
    const smaller = await photo.crop(best, 16);
    expect(smaller).not.toBe(band);
    expect(smaller?.image.height).toBeLessThan(band?.image.height ?? 0);
  }, 60_000);
});
