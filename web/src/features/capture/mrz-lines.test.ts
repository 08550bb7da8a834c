import { describe, expect, it } from "vitest";
import { findMrzLines } from "./mrz-lines";
import { drawClutter, drawnTextBox, drawPage, type PageDrawing } from "./synthetic-frame.test-fixture";

const CAP_MM = 2.42;

function expectFound(d: PageDrawing) {
  const found = findMrzLines(drawPage(d));
  expect(found, "MRZ found").not.toBeNull();
  if (!found) return;
  // Capital height within a pixel or 12 % of the truth, whichever is larger.
  const truth = CAP_MM * d.scale;
  expect(Math.abs(found.capHeight - truth)).toBeLessThanOrEqual(Math.max(1, truth * 0.12));
  const want = drawnTextBox(d);
  found.box.forEach((corner, i) => {
    const w = want[i]!;
    expect(Math.hypot(corner.x - w.x, corner.y - w.y), `corner ${i}`).toBeLessThan(truth * 1.2);
  });
  expect(found.characters[0]).toBeGreaterThanOrEqual(30);
}

describe("findMrzLines", () => {
  it("finds the two lines of a page filling the frame, with their capital height and corners", () => {
    expectFound({ width: 640, height: 450, scale: 4.6, left: 32, top: 22 });
  });

  it("finds them on a turned page and on a small one", () => {
    expectFound({ width: 640, height: 450, scale: 4.4, left: 50, top: 20, degrees: 4 });
    expectFound({ width: 640, height: 450, scale: 4.4, left: 60, top: 40, degrees: -3 });
    expectFound({ width: 640, height: 450, scale: 2.6, left: 150, top: 100 });
  });

  it("finds nothing in a busy picture without a document, or on a page whose MRZ is covered", () => {
    expect(findMrzLines(drawClutter(640, 450))).toBeNull();
    expect(findMrzLines(drawPage({ width: 640, height: 450, scale: 4.6, left: 32, top: 22, mrz: false }))).toBeNull();
  });

  it("finds nothing in a flat or empty frame", () => {
    expect(findMrzLines({ width: 64, height: 48, data: new Uint8Array(64 * 48).fill(200) })).toBeNull();
  });
});
