import { describe, expect, it } from "vitest";
import { findBlobs } from "./binary-blobs";
import { OrientedExtent, principalAngle } from "./oriented-extent";

/** Points of a w x h rectangle centred on (cx, cy), turned by `angle`, on a grid of 0.5 px. */
function rotatedRect(cx: number, cy: number, w: number, h: number, angle: number): [number, number][] {
  const out: [number, number][] = [];
  for (let u = -w / 2; u <= w / 2; u += 0.5) {
    for (let v = -h / 2; v <= h / 2; v += 0.5) {
      out.push([cx + u * Math.cos(angle) - v * Math.sin(angle), cy + u * Math.sin(angle) + v * Math.cos(angle)]);
    }
  }
  return out;
}

function moments(points: [number, number][]) {
  const mx = points.reduce((s, p) => s + p[0], 0) / points.length;
  const my = points.reduce((s, p) => s + p[1], 0) / points.length;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const [x, y] of points) {
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
    sxy += (x - mx) * (y - my);
  }
  return { mx, my, angle: principalAngle(sxx, syy, sxy) };
}

describe("principalAngle + OrientedExtent", () => {
  it.each([0, 0.2, -0.5, 1.2])("recovers a turned rectangle's axis and size (angle %s rad)", (angle) => {
    const pts = rotatedRect(50, 40, 60, 10, angle);
    const m = moments(pts);
    expect(m.angle).toBeCloseTo(angle, 6);
    const box = new OrientedExtent(m.mx, m.my, m.angle);
    for (const [x, y] of pts) box.add(x, y);
    expect(box.length).toBeCloseTo(60, 6);
    expect(box.thickness).toBeCloseTo(10, 6);
    expect(box.centre().x).toBeCloseTo(50, 6);
    expect(box.centre().y).toBeCloseTo(40, 6);
  });

  it("widens the box by each member's own extent along and across", () => {
    const box = new OrientedExtent(0, 0, 0);
    box.add(10, 0, [-5, 5], [-2, 2]);
    box.add(30, 6, [-4, 4], [-1, 1]);
    expect(box.major).toEqual([5, 34]);
    expect(box.minor).toEqual([-2, 7]);
    expect(box.centre()).toEqual({ x: 19.5, y: 2.5 });
  });

  it("gives findBlobs the extent of a drawn, turned bar", () => {
    const width = 200;
    const height = 120;
    const data = new Uint8Array(width * height);
    const angle = (10 * Math.PI) / 180;
    for (const [x, y] of rotatedRect(100, 60, 120, 12, angle)) data[Math.round(y) * width + Math.round(x)] = 255;
    const [blob] = findBlobs({ width, height, data }, 10);
    expect(blob).toBeDefined();
    expect(blob!.angle).toBeCloseTo(angle, 2);
    expect(blob!.length).toBeGreaterThan(118);
    expect(blob!.length).toBeLessThan(124);
    expect(blob!.thickness).toBeGreaterThan(11);
    expect(blob!.thickness).toBeLessThan(16);
  });
});
