import { describe, expect, it } from "vitest";
import type { ConditionsInput } from "../../../synthetic/conditions";
import { generatePassport } from "../../../synthetic/generate-passport";
import { openImage } from "../image/decode-image";
import { cropBand } from "../locate/crop-band";
import { locateBand, OVERVIEW_SIDE } from "../locate/locate-band";
import { flipBand } from "./read-band";
import { uprightScore } from "./upright-score";

describe("uprightScore", () => {
  it.each<[string, ConditionsInput & object]>([
    ["a passport", { preset: "moderate", rotationDeg: 0 }],
    ["a card", { preset: "moderate", document: "TD1", rotationDeg: 0 }],
    ["a small, soft capture", { preset: "lowres", rotationDeg: 2 }],
  ])(
    "is positive on %s's band read upright and negative turned over",
    async (_name, conditions) => {
      for (const seed of [2_000_002_000, 2_000_002_001]) {
        const g = await generatePassport({
          seed,
          conditions: { ...conditions, rotationDeg: conditions.rotationDeg ?? 0 },
        });
        const source = await openImage(g.image, g.mediaType);
        const [c] = locateBand(await source.overview(OVERVIEW_SIDE), 1).candidates;
        if (!c) throw new Error("no band located");
        const crop = await cropBand(source, c, { capHeight: 24 });
        if (!crop) throw new Error("no crop");
        expect(uprightScore(crop.image, crop.lineRows)).toBeGreaterThan(0.1);
        const turned = flipBand(crop);
        expect(uprightScore(turned.image, turned.lineRows)).toBeLessThan(-0.1);
      }
    },
    60_000,
  );

  it("is 0 on a blank band", () => {
    const blank = { width: 50, height: 20, data: new Uint8Array(1000).fill(200) };
    expect(uprightScore(blank, [{ top: 0, bottom: 20 }])).toBe(0);
  });
});
