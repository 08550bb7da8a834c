import type { Point } from "contract/geometry";
import { mmQuad, pageToImage, TD3_MM } from "contract/td3-page";
import { describe, expect, it } from "vitest";
import { generatePassport } from "../../../synthetic/generate-passport";
import { openImage } from "../image/decode-image";
import { cropBand } from "./crop-band";
import { findBandCandidates } from "./find-band-candidates";
import { locateBand, OVERVIEW_SIDE } from "./locate-band";

const centre = (q: readonly Point[]) => ({
  x: q.reduce((s, p) => s + p.x, 0) / q.length,
  y: q.reduce((s, p) => s + p.y, 0) / q.length,
});
const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

async function locate(seed: number, conditions: Parameters<typeof generatePassport>[0]["conditions"]) {
  const g = await generatePassport({ seed, conditions });
  const source = await openImage(g.image, g.mediaType);
  const candidates = locateBand(await source.overview(OVERVIEW_SIDE), 4).candidates;
  return { g, source, candidates };
}

describe("findBandCandidates + cropBand on generated passports", () => {
  it.each([
    ["clean, straight", 2_000_000_010, "clean" as const],
    [
      "rotated 12 degrees on a busy background",
      2_000_000_011,
      { preset: "moderate" as const, rotationDeg: 12, background: "busy" as const },
    ],
    [
      "rotated -14 degrees, small in frame",
      2_000_000_012,
      { preset: "moderate" as const, rotationDeg: -14, pageFill: 0.45 },
    ],
    [
      "upside down with perspective",
      2_000_000_013,
      { preset: "hard" as const, rotationDeg: 184, perspective: 0.05, glareOverMrz: false },
    ],
  ])(
    "finds the band first: %s",
    async (_name, seed, conditions) => {
      const { g, source, candidates } = await locate(seed, conditions);
      const truthBand = g.truth.mrzBand;
      const truthLength = dist(truthBand[0], truthBand[1]);
      const best = candidates[0];
      expect(best).toBeDefined();
      if (!best) return;
      expect(dist({ x: best.cx, y: best.cy }, centre(truthBand))).toBeLessThan(0.04 * truthLength);
      expect(best.lines).toBe(2);
      // Axis angle (either way up) matches the truth's to within 2 degrees.
      const truthAngle = Math.atan2(truthBand[1].y - truthBand[0].y, truthBand[1].x - truthBand[0].x);
      let diff = ((best.angle - truthAngle) * 180) / Math.PI;
      diff = ((((diff + 90) % 180) + 180) % 180) - 90;
      expect(Math.abs(diff)).toBeLessThan(2);

      const crop = await cropBand(source, best);
      expect(crop).not.toBeNull();
      if (!crop) return;
      expect(crop.lines).toBe(2);
      expect(crop.capHeightPx / g.truth.mrzCharHeightPx).toBeGreaterThan(0.8);
      expect(crop.capHeightPx / g.truth.mrzCharHeightPx).toBeLessThan(1.25);
      // Each text corner lies within the truth band (which has a 1.5 mm margin) or close to it, as a set.
      const slack = 0.05 * truthLength;
      for (const p of crop.corners) {
        expect(Math.min(...truthBand.map((q) => dist(p, q)))).toBeLessThan(slack);
      }
      // Upright pages: the portrait predicted from the band by the TD3 geometry lies on the truth's portrait box.
      if (Math.abs(g.truth.conditions.rotationDeg) < 90) {
        const p = TD3_MM.portrait;
        const portrait = mmQuad(pageToImage(crop.corners), p.left, p.top, p.left + p.width, p.top + p.height);
        portrait.forEach((q, i) => {
          expect(dist(q, g.truth.portraitBox[i]!)).toBeLessThan(0.06 * truthLength);
        });
      }
      expect(crop.image.height).toBeGreaterThan(60);
      expect(crop.image.width / crop.image.height).toBeGreaterThan(6);
    },
    30_000,
  );

  it("groups a line with a partly hidden neighbour (70% of its length) into one two-line band", () => {
    const width = 800;
    const height = 600;
    const data = new Uint8Array(width * height).fill(220);
    // Character-like dark strokes on a 10 px pitch: 44 on the first line, the first 31 on the second (as if glare
    // washed out the rest).
    const line = (y: number, chars: number) => {
      for (let c = 0; c < chars; c++) {
        for (let dy = 0; dy < 12; dy++) for (let dx = 0; dx < 6; dx++) data[(y + dy) * width + 180 + c * 10 + dx] = 30;
      }
    };
    line(300, 44);
    line(325, 31);
    const [best] = findBandCandidates({ width, height, data });
    expect(best?.lines).toBe(2);
    // The band spans the longer line: 44 characters of 10 px.
    expect(2 * (best?.halfLength ?? 0)).toBeGreaterThan(420);
    expect(2 * (best?.halfLength ?? 0)).toBeLessThan(460);
    expect(best?.cy).toBeGreaterThan(305);
    expect(best?.cy).toBeLessThan(332);
  });

  it("finds nothing on a blank or uniformly noisy frame", async () => {
    const blank = { width: 800, height: 600, data: new Uint8Array(800 * 600).fill(235) };
    expect(findBandCandidates(blank)).toEqual([]);
    let s = 7;
    const noise = new Uint8Array(800 * 600);
    for (let i = 0; i < noise.length; i++) {
      s = (s * 1103515245 + 12345) >>> 0;
      noise[i] = 100 + (s >>> 25);
    }
    expect(findBandCandidates({ width: 800, height: 600, data: noise })).toEqual([]);
  });
});
