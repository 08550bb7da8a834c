import { describe, expect, it } from "vitest";
import { guideRect } from "./guide-geometry";

describe("guideRect", () => {
  it("fits an ID-3 frame, centred, in a landscape 1920x1080 video (height-limited)", () => {
    const r = guideRect(1920, 1080);
    expect(r.height).toBe(972);
    expect(r.width).toBe(Math.round(972 * (125 / 88)));
    expect(r.x).toBe(Math.round((1920 - r.width) / 2));
    expect(r.y).toBe(54);
  });
  it("fits in a portrait phone video (width-limited)", () => {
    const r = guideRect(1080, 1920);
    expect(r.width).toBe(972);
    expect(r.height).toBe(Math.round(972 / (125 / 88)));
    expect(r.y + r.height / 2).toBeCloseTo(960, 0);
  });
});
