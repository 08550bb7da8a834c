import type { GrayImage, Point } from "contract/geometry";
import { applyHomography, type Homography, homographyFromQuads } from "contract/homography";
import { describe, expect, it } from "vitest";
import { fitBandQuad } from "./fit-band-quad";

const PITCH = 17;
const CAP = 16;
const LINE_GAP = 36;
/** The text box runs along the character cells: 44 cells of PITCH, each glyph 10 px wide in its cell's middle. */
const TEXT_W = 44 * PITCH;
const TEXT_H = LINE_GAP + CAP;

/** True when p lies inside the convex quad (corners in order). */
function inside(q: readonly Point[], p: Point): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const a = q[i]!;
    const b = q[(i + 1) % 4]!;
    const s = Math.sign((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x));
    if (s !== 0 && sign !== 0 && s !== sign) return false;
    if (s !== 0) sign = s;
  }
  return true;
}

/**
 * White raster with two lines of 44 dark "characters" (10 x `height(k)` boxes centred in 17 px cells, tops `drop(k)` below
 * the line's top),
 * drawn through `h` from text coordinates (0..TEXT_W, 0..TEXT_H) into the raster.
 */
function drawBand(
  h: Homography,
  lines = 2,
  height: (k: number, line: number) => number = () => CAP,
  drop: (k: number) => number = () => 0,
): GrayImage {
  const width = 840;
  const rows = 110;
  const data = new Uint8Array(width * rows).fill(230);
  for (let line = 0; line < lines; line++) {
    for (let k = 0; k < 44; k++) {
      if (height(k, line) === 0) continue;
      const x0 = k * PITCH + (PITCH - 10) / 2;
      const y0 = line * LINE_GAP + drop(k);
      const cell = [
        { x: x0, y: y0 },
        { x: x0 + 10, y: y0 },
        { x: x0 + 10, y: y0 + height(k, line) },
        { x: x0, y: y0 + height(k, line) },
      ].map((p) => applyHomography(h, p));
      const xs = cell.map((p) => p.x);
      const ys = cell.map((p) => p.y);
      for (let y = Math.floor(Math.min(...ys)); y <= Math.ceil(Math.max(...ys)); y++) {
        for (let x = Math.floor(Math.min(...xs)); x <= Math.ceil(Math.max(...xs)); x++) {
          if (x < 0 || y < 0 || x >= width || y >= rows) continue;
          if (inside(cell, { x: x + 0.5, y: y + 0.5 })) data[y * width + x] = 20;
        }
      }
    }
  }
  return { width, height: rows, data };
}

const textBox = [
  { x: 0, y: 0 },
  { x: TEXT_W, y: 0 },
  { x: TEXT_W, y: TEXT_H },
  { x: 0, y: TEXT_H },
];

/** Rows holding each line in the raster (what crop-band's row profile gives), from the drawn geometry. */
function runsOf(h: Homography, lines = 2) {
  return Array.from({ length: lines }, (_, line) => {
    const ys = [0, TEXT_W].flatMap((x) =>
      [line * LINE_GAP, line * LINE_GAP + CAP].map((y) => applyHomography(h, { x, y }).y),
    );
    return { top: Math.floor(Math.min(...ys)), bottom: Math.ceil(Math.max(...ys)) };
  });
}

const OPTIONS = { threshold: 128, pitch: PITCH, charsPerLine: 44 };

/** The text box drawn flat (no perspective) with its top-left at (x, y), `stretch` times as long. */
function flatAt(x: number, y: number, stretch = 1): Homography {
  return homographyFromQuads(textBox, [
    { x, y },
    { x: x + TEXT_W * stretch, y },
    { x: x + TEXT_W * stretch, y: y + TEXT_H },
    { x, y: y + TEXT_H },
  ]);
}

describe("fitBandQuad", () => {
  it("measures the characters' pitch, also when it is wider than ICAO's for the cap height", () => {
    const flat = flatAt(30, 30);
    expect(fitBandQuad(drawBand(flat), runsOf(flat), OPTIONS)?.pitch).toBeCloseTo(PITCH, 0);
    // The same band drawn 1.25 times wider (as a few real documents space their MRZ).
    const wide = flatAt(20, 30, 1.25);
    const raster = drawBand(wide);
    const widened = { ...raster, width: 840 };
    expect(fitBandQuad(widened, runsOf(wide), OPTIONS)?.pitch ?? 0).toBeGreaterThan(PITCH * 1.2);
  });

  // A trapezoid: the right end 11% taller than the left (more than the generator's strongest perspective gives
  // across a band), edges converging, the ends slanting the same way.
  const image = [
    { x: 30, y: 30 },
    { x: 800, y: 24 },
    { x: 806, y: 85 },
    { x: 24, y: 85 },
  ];
  const h = homographyFromQuads(textBox, image);

  it("finds the corners of a band drawn in perspective (to a pixel across, a tenth of a character along)", () => {
    const fit = fitBandQuad(drawBand(h), runsOf(h), OPTIONS);
    if (!fit) throw new Error("no fit");
    fit.corners.forEach((p, k) => {
      // Along the text, the ends are half a mean pitch beyond the end characters' centres; this trapezoid's pitch
      // changes by a fifth along the line, which leaves them up to a tenth of a character off.
      expect(Math.abs(p.x - image[k]!.x)).toBeLessThan(1.6);
      expect(Math.abs(p.y - image[k]!.y)).toBeLessThan(1);
    });
    // Shares of the text height at the centre column: line 1 is 0..16/52, line 2 36/52..1 (perspective bends
    // these by a fraction of a percent).
    expect(fit.lines).toHaveLength(2);
    expect(fit.lines[0]!.top).toBeCloseTo(0, 2);
    expect(fit.lines[0]!.bottom).toBeCloseTo(CAP / TEXT_H, 1);
    expect(fit.lines[1]!.top).toBeCloseTo(LINE_GAP / TEXT_H, 1);
    expect(fit.lines[1]!.bottom).toBeCloseTo(1, 2);
    // Cap height at the centre column: 16 text units scaled by the mean of the ends' heights (55 and 61 px for 52).
    expect(fit.capHeight).toBeCloseTo((CAP * (55 + 61)) / 2 / TEXT_H, 0);
  });

  it("keeps the line that reaches further when the other's first character is hidden (glare)", () => {
    const hidden = drawBand(h, 2, (k, line) => (line === 0 && k === 0 ? 0 : CAP));
    const fit = fitBandQuad(hidden, runsOf(h), OPTIONS);
    if (!fit) throw new Error("no fit");
    // The left end comes from line 2's first cell, square to the band: within 0.4 of a character of the truth (this
    // band's left end slants by 6 px over its height), instead of a whole character in at the top.
    expect(Math.abs(fit.corners[0].x - image[0]!.x)).toBeLessThan(0.4 * PITCH);
    expect(Math.abs(fit.corners[3].x - image[3]!.x)).toBeLessThan(0.4 * PITCH);
    // The right end is untouched.
    expect(Math.abs(fit.corners[1].x - image[1]!.x)).toBeLessThan(1.6);
    expect(Math.abs(fit.corners[2].x - image[2]!.x)).toBeLessThan(1.6);
  });

  it("fits a band that bows (a curled page) by its chords, the names line's characters on one side only", () => {
    // Both lines sag 8 px (half a character) in the middle against their ends; the first line's second half is
    // fillers (shorter than the capitals, so not used for its edges).
    const sag = (k: number) => 8 * (1 - ((k - 21.5) / 21.5) ** 2);
    const curled = drawBand(h, 2, (k, line) => (line === 0 && k >= 22 ? 12 : CAP), sag);
    const fit = fitBandQuad(curled, runsOf(h), OPTIONS);
    if (!fit) throw new Error("no fit");
    // The edges are the chords of the sagging ones: 2/3 of the sag (the chord's level) below the ends' true
    // corners, and the ends themselves where they were drawn.
    fit.corners.forEach((p, k) => {
      expect(Math.abs(p.y - (image[k]!.y + (2 / 3) * 8))).toBeLessThan(1.5);
      expect(Math.abs(p.x - image[k]!.x)).toBeLessThan(2);
    });
    expect(fit.lines[1]!.top).toBeCloseTo(LINE_GAP / TEXT_H, 1);
  });

  it("fits a card's three-line band, shorter for its height than a passport's", () => {
    // Three lines of 30 characters: 510 px long, 88 px high (a passport band's 8 : 1 would refuse it).
    const card = flatAt(30, 10);
    const raster = drawBand(card, 3, (k) => (k < 30 ? CAP : 0));
    const fit = fitBandQuad(raster, runsOf(card, 3), { ...OPTIONS, charsPerLine: 30 });
    if (!fit) throw new Error("no fit");
    expect(fit.lines).toHaveLength(3);
    const truth = [
      { x: 30, y: 10 },
      { x: 30 + 30 * PITCH, y: 10 },
      { x: 30 + 30 * PITCH, y: 10 + 2 * LINE_GAP + CAP },
      { x: 30, y: 10 + 2 * LINE_GAP + CAP },
    ];
    fit.corners.forEach((p, k) => {
      expect(Math.abs(p.x - truth[k]!.x)).toBeLessThan(1.6);
      expect(Math.abs(p.y - truth[k]!.y)).toBeLessThan(1);
    });
  });

  it("gives up (the caller keeps the rectangle) on one line, on too few characters, and on wandering edges", () => {
    expect(fitBandQuad(drawBand(h, 1), runsOf(h, 1), OPTIONS)).toBeNull();
    // Glare-like: only characters 0..7 of each line kept full height, the rest specks.
    const few = drawBand(h, 2, (k) => (k < 8 ? CAP : 3));
    expect(fitBandQuad(few, runsOf(h), OPTIONS)).toBeNull();
    // Characters jumping up and down by a third of their height: no straight edges there.
    const ragged = drawBand(h, 2, undefined, (k) => (k % 2 === 0 ? 0 : 5));
    expect(fitBandQuad(ragged, runsOf(h), OPTIONS)).toBeNull();
    // A blank raster has no characters at all.
    const blank: GrayImage = { width: 840, height: 110, data: new Uint8Array(840 * 110).fill(230) };
    expect(fitBandQuad(blank, runsOf(h), OPTIONS)).toBeNull();
  });
});
