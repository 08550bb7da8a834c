import { describe, expect, it } from "vitest";
import { detectionRect, guideRect, mrzBandRect } from "./guide-geometry";

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

describe("detectionRect and mrzBandRect", () => {
  it("looks at the guide's lower 60 %, a little beyond its sides and bottom, never beyond the video", () => {
    const guide = guideRect(1920, 1080);
    const area = detectionRect(1920, 1080);
    expect(area.x).toBe(guide.x - Math.round(guide.width * 0.06));
    expect(area.width).toBe(guide.width + 2 * Math.round(guide.width * 0.06));
    expect(area.y).toBe(guide.y + Math.round(guide.height * 0.4));
    // 1080p: the guide takes 90 % of the height, the margin would pass the bottom.
    expect(area.y + area.height).toBe(1080);
  });

  it("puts the MRZ band at the bottom 23.2 of the guide's 88 mm", () => {
    const band = mrzBandRect({ x: 10, y: 20, width: 1250, height: 880 });
    expect(band).toEqual({ x: 10, y: 20 + 880 - 232, width: 1250, height: 232 });
  });
});
