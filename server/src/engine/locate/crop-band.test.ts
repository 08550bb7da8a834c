import type { Point } from "contract/geometry";
import { applyHomography, homographyFromQuads } from "contract/homography";
import { TD3_MM } from "contract/td3-page";
import { describe, expect, it } from "vitest";
import type { ConditionsInput } from "../../../synthetic/conditions";
import { type GeneratedPassport, generatePassport } from "../../../synthetic/generate-passport";
import { MRZ_BAND_MM, rectQuad } from "../../../synthetic/page-geometry";
import { findBlobs } from "../image/binary-blobs";
import { openImage } from "../image/decode-image";
import { otsuThreshold } from "../image/morphology";
import { shapeLines } from "../read/read-band";
import { useRecogniser } from "../read/tesseract-recogniser.test-fixture";
import { type BandCrop, continuedSide, cropBand, textRows } from "./crop-band";
import { locateBand, OVERVIEW_SIDE } from "./locate-band";

/** A strongly slanted, tilted page, sharp, without glare or moire: only the geometry is hard. */
const SLANTED: ConditionsInput = {
  preset: "hard",
  perspective: 0.08,
  rotationDeg: 10,
  blurSigma: 0,
  glareSpots: 0,
  moire: 0,
  width: 2000,
  height: 1500,
};

async function cropOf(g: GeneratedPassport): Promise<BandCrop> {
  const source = await openImage(g.image, g.mediaType);
  const [c] = locateBand(await source.overview(OVERVIEW_SIDE), 1).candidates;
  if (!c) throw new Error("no band located");
  const crop = await cropBand(source, c, { capHeight: 32 });
  if (!crop) throw new Error("no crop");
  return crop;
}

/** The generator's MRZ text box (the truth band without its 1.5 mm margin) in image pixels, TL, TR, BR, BL. */
function truthText(g: GeneratedPassport): Point[] {
  const band = rectQuad(MRZ_BAND_MM.left, MRZ_BAND_MM.top, MRZ_BAND_MM.right, MRZ_BAND_MM.bottom, 1);
  const toImage = homographyFromQuads(band, g.truth.mrzBand);
  const t = TD3_MM.mrzText;
  return rectQuad(t.left, t.top, t.right, t.bottom, 1).map((p) => applyHomography(toImage, p));
}

/**
 * Where a crop line's full-height characters (capitals and digits; the shorter fillers left out) have their tops and
 * bottoms, as straight lines fitted across the line, read at 10% and 90% of the crop's width.
 */
function lineEdges(crop: BandCrop, row: { top: number; bottom: number }) {
  const { width, data } = crop.image;
  const t = otsuThreshold(crop.image);
  const h = row.bottom - row.top;
  const mask = new Uint8Array(width * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < width; x++) mask[y * width + x] = data[(row.top + y) * width + x]! <= t ? 1 : 0;
  const blobs = findBlobs({ width, height: h, data: mask }, 4);
  const heights = blobs.map((b) => b.box.bottom - b.box.top).sort((p, q) => p - q);
  const tallest = heights[Math.floor(0.9 * heights.length)]!;
  const chars = blobs.filter((b) => b.box.bottom - b.box.top >= 0.94 * tallest);
  const edge = (ys: number[]) => {
    const xs = chars.map((b) => b.cx);
    const mx = xs.reduce((s, v) => s + v, 0) / xs.length;
    const my = ys.reduce((s, v) => s + v, 0) / ys.length;
    let sxx = 0;
    let sxy = 0;
    xs.forEach((x, i) => {
      sxx += (x - mx) ** 2;
      sxy += (x - mx) * (ys[i]! - my);
    });
    return (x: number) => my + (sxy / sxx) * (x - mx);
  };
  const top = edge(chars.map((b) => b.box.top));
  const bottom = edge(chars.map((b) => b.box.bottom));
  return {
    chars: chars.length,
    left: { top: top(0.1 * width), bottom: bottom(0.1 * width) },
    right: { top: top(0.9 * width), bottom: bottom(0.9 * width) },
  };
}

describe("cropBand on a page seen at a slant", () => {
  it("cuts the band along its perspective quadrilateral: corners on the truth, lines level and of one height", async () => {
    const g = await generatePassport({ seed: 2_000_000_702, conditions: SLANTED });
    const crop = await cropOf(g);
    expect(crop.shape).toBe("quad");
    expect(crop.lines).toBe(2);
    const truth = truthText(g);
    const length = Math.hypot(truth[1]!.x - truth[0]!.x, truth[1]!.y - truth[0]!.y);
    crop.corners.forEach((p, k) => {
      expect(Math.hypot(p.x - truth[k]!.x, p.y - truth[k]!.y) / length).toBeLessThan(0.005);
    });
    const heights: number[] = [];
    for (const row of crop.lineRows) {
      const e = lineEdges(crop, row);
      expect(e.chars).toBeGreaterThanOrEqual(12);
      // Level: the tops and bottoms rise or fall by less than 2 px (6% of the 32 px characters) over the line.
      expect(Math.abs(e.right.top - e.left.top)).toBeLessThan(2);
      expect(Math.abs(e.right.bottom - e.left.bottom)).toBeLessThan(2);
      const left = e.left.bottom - e.left.top;
      const right = e.right.bottom - e.right.top;
      expect(Math.abs(right - left)).toBeLessThan(1.5);
      heights.push((left + right) / 2);
    }
    // Both lines at the requested character size, within a tenth.
    for (const hh of heights) expect(Math.abs(hh - 32) / 32).toBeLessThan(0.1);
    // The text box spans 44 cells of the crop: 44 x 2.54 / 2.42 capitals.
    const span = crop.textSpan.right - crop.textSpan.left;
    expect(Math.abs(span - (44 * 32 * 2.54) / 2.42) / span).toBeLessThan(0.05);
    expect(crop.textSpan.left).toBeGreaterThan(0);
    expect(crop.textSpan.right).toBeLessThan(crop.image.width);
  }, 30_000);

  it("keeps the rotated rectangle when blur has merged the characters (no edges to fit)", async () => {
    const g = await generatePassport({ seed: 2_000_000_711, conditions: { ...SLANTED, blurSigma: 7 } });
    const crop = await cropOf(g);
    expect(crop.shape).toBe("rectangle");
    expect(crop.lines).toBe(2);
    // The rectangle still frames the text (blur hides the lines' ends, so it is short): its centre within 6% of the
    // band length of the truth's.
    const truth = truthText(g);
    const length = Math.hypot(truth[1]!.x - truth[0]!.x, truth[1]!.y - truth[0]!.y);
    const mean = (q: readonly Point[]) => ({
      x: q.reduce((s, p) => s + p.x, 0) / q.length,
      y: q.reduce((s, p) => s + p.y, 0) / q.length,
    });
    const c = mean(crop.corners);
    const tc = mean(truth);
    expect(Math.hypot(c.x - tc.x, c.y - tc.y) / length).toBeLessThan(0.06);
  }, 30_000);
});

describe("cropBand when the located band is short of the lines' ends", () => {
  const ocr = useRecogniser();

  it("reads past the neighbourhood it first fetched instead of smearing its edge (lines still read whole)", async () => {
    const g = await generatePassport({ seed: 2_000_000_540, conditions: { preset: "moderate", rotationDeg: 4 } });
    const source = await openImage(g.image, g.mediaType);
    const [c] = locateBand(await source.overview(OVERVIEW_SIDE), 1).candidates;
    if (!c) throw new Error("no band located");
    // As if glare hid the last characters of both lines from the locator: shorter band, centre moved to the left.
    const short = 0.94 * c.halfLength;
    const shift = c.halfLength - short;
    const crop = await cropBand(source, {
      ...c,
      cx: c.cx - shift * Math.cos(c.angle),
      cy: c.cy - shift * Math.sin(c.angle),
      halfLength: short,
      pitch: (2 * short) / 44,
    });
    if (!crop) throw new Error("no crop");
    // The right end of the crop is real paper and print, not the same edge column repeated: columns differ.
    const { width, height, data } = crop.image;
    const column = (x: number) => Array.from({ length: height }, (_, y) => data[y * width + x]);
    expect(column(width - 2)).not.toEqual(column(width - 30));
    const lines = shapeLines(await ocr().readLines(crop.image, "block"));
    expect(lines?.map((l) => l.text)).toEqual(g.truth.mrzLines);
  }, 60_000);
});

describe("cropBand on a band located as one of its lines", () => {
  const ocr = useRecogniser();

  it.each([
    ["the names line", -1],
    ["the second line", 1],
  ])(
    "reaches across for the other line when the locator saw only %s",
    async (_name, side) => {
      const g = await generatePassport({ seed: 2_000_000_540, conditions: { preset: "moderate", rotationDeg: 4 } });
      const source = await openImage(g.image, g.mediaType);
      const [c] = locateBand(await source.overview(OVERVIEW_SIDE), 1).candidates;
      if (c?.lines !== 2) throw new Error("no two-line band located");
      // As if glare hid one line from the locator: a thin band on the other line, half a line pitch off the centre.
      const cap = c.pitch * 0.95;
      const off = side * 0.85 * cap;
      const crop = await cropBand(source, {
        ...c,
        cx: c.cx - off * Math.sin(c.angle),
        cy: c.cy + off * Math.cos(c.angle),
        halfThickness: 0.55 * cap,
        lines: 1,
      });
      if (!crop) throw new Error("no crop");
      expect(crop.lines).toBe(2);
      const lines = shapeLines(await ocr().readLines(crop.image, "block"));
      expect(lines?.map((l) => l.text)).toEqual(g.truth.mrzLines);
    },
    60_000,
  );
});

describe("cropBand when glare hid one end of the lines from the locator", () => {
  const ocr = useRecogniser();

  it.each([
    ["right", 1],
    ["left", -1],
  ])(
    "keeps the side the print continues on (%s end hidden): the lines read whole",
    async (_name, side) => {
      const g = await generatePassport({ seed: 2_000_000_540, conditions: { preset: "moderate", rotationDeg: 4 } });
      const source = await openImage(g.image, g.mediaType);
      const [c] = locateBand(await source.overview(OVERVIEW_SIDE), 1).candidates;
      if (!c) throw new Error("no band located");
      // The locator saw only 60% of the band, at the end away from `side`.
      const short = 0.6 * c.halfLength;
      const shift = side * (short - c.halfLength);
      const crop = await cropBand(source, {
        ...c,
        cx: c.cx + shift * Math.cos(c.angle),
        cy: c.cy + shift * Math.sin(c.angle),
        halfLength: short,
      });
      if (!crop) throw new Error("no crop");
      const lines = shapeLines(await ocr().readLines(crop.image, "block"));
      expect(lines?.map((l) => l.text)).toEqual(g.truth.mrzLines);
      // The corners reach the hidden end too. That end is placed at the full line length the measured cap height
      // gives (a few percent either way), so within 7% of the band's length of the truth; the seen end within 2%.
      const truth = truthText(g);
      const length = Math.hypot(truth[1]!.x - truth[0]!.x, truth[1]!.y - truth[0]!.y);
      const hidden = side > 0 ? [1, 2] : [0, 3];
      crop.corners.forEach((p, i) => {
        const off = Math.hypot(p.x - truth[i]!.x, p.y - truth[i]!.y);
        expect(off).toBeLessThan((hidden.includes(i) ? 0.07 : 0.02) * length);
      });
    },
    60_000,
  );
});

describe("continuedSide", () => {
  /** 200 x 40 raster: text rows 5-15 and 25-35; `fill(x, y)` gives each pixel. */
  const raster = (fill: (x: number, y: number) => number) => {
    const data = new Uint8Array(200 * 40);
    for (let y = 0; y < 40; y++) for (let x = 0; x < 200; x++) data[y * 200 + x] = fill(x, y);
    return { width: 200, height: 40, data };
  };
  const rows = [
    { top: 5, bottom: 15 },
    { top: 25, bottom: 35 },
  ];
  const inText = (y: number) => (y >= 5 && y < 15) || (y >= 25 && y < 35);
  const print = (x: number, y: number) => (inText(y) && x % 6 < 2 ? 30 : 230);

  it("finds the strip with print lines beyond the text, against paper, a dark scene or the page edge", () => {
    const paperLeft = raster((x, y) => (x < 50 ? 230 : print(x, y)));
    expect(continuedSide(paperLeft, rows, [0, 50], [150, 200])).toBe(1);
    const sceneLeft = raster((x, y) => (x < 50 ? 20 : print(x, y)));
    expect(continuedSide(sceneLeft, rows, [0, 50], [150, 200])).toBe(1);
    const edgeLeft = raster((x, y) => (x < 50 ? (x === 20 ? 20 : 230) : x >= 150 ? 230 : print(x, y)));
    expect(continuedSide(edgeLeft, rows, [0, 50], [150, 200])).toBe(0);
    const mirrored = raster((x, y) => (x >= 150 ? 230 : print(x, y)));
    expect(continuedSide(mirrored, rows, [0, 50], [150, 200])).toBe(-1);
  });
});

describe("textRows", () => {
  /** Two print lines (rows 50-66 and 80-96, 3 px strokes every 9 px) under `scene`, at a 16 px capital height. */
  const page = (scene: (x: number, y: number) => boolean) => {
    const data = new Uint8Array(400 * 120);
    for (let y = 0; y < 120; y++)
      for (let x = 0; x < 400; x++) {
        const print = ((y >= 50 && y < 66) || (y >= 80 && y < 96)) && x % 9 < 3;
        data[y * 400 + x] = scene(x, y) || print ? 25 : 225;
      }
    return { width: 400, height: 120, data };
  };

  it("finds the print lines, not the wedge of scene a slanted page edge cuts into the rows above them", () => {
    // Row 0 is dark across, row 18 to x = 200, row 30 to x = 67: dark runs longer than 4 capitals.
    const wedge = page((x, y) => y < 36 - 0.09 * x);
    expect(textRows(wedge, 6, 16)).toEqual([
      { top: 50, bottom: 66 },
      { top: 80, bottom: 96 },
    ]);
  });

  it("counts the print in a row the scene reaches into", () => {
    // The scene covers the left quarter of every row, the print lines included.
    const side = page((x) => x < 100);
    expect(textRows(side, 6, 16)).toEqual([
      { top: 50, bottom: 66 },
      { top: 80, bottom: 96 },
    ]);
  });
});

describe("cropBand when the locator saw the band short or a line less", () => {
  it("looks along again when the text runs into the neighbourhood's end", async () => {
    const g = await generatePassport({ seed: 2_000_000_702, conditions: SLANTED });
    const source = await openImage(g.image, g.mediaType);
    const [c] = locateBand(await source.overview(OVERVIEW_SIDE), 1).candidates;
    if (!c) throw new Error("no band located");
    // The candidate's right third cut away: the text runs into the end of the neighbourhood.
    const cut = 0.3 * c.halfLength;
    const short = {
      ...c,
      cx: c.cx - cut * Math.cos(c.angle),
      cy: c.cy - cut * Math.sin(c.angle),
      halfLength: c.halfLength - cut,
    };
    const crop = await cropBand(source, short, { capHeight: 32 });
    if (!crop) throw new Error("no crop");
    const truth = truthText(g);
    const length = Math.hypot(truth[1]!.x - truth[0]!.x, truth[1]!.y - truth[0]!.y);
    crop.corners.forEach((p, k) => {
      expect(Math.hypot(p.x - truth[k]!.x, p.y - truth[k]!.y) / length).toBeLessThan(0.01);
    });
  }, 30_000);

  it("finds a card's third line when the locator gave two", async () => {
    const g = await generatePassport({
      seed: 2_000_000_720,
      conditions: { preset: "clean", document: "TD1", rotationDeg: 0, width: 1600, height: 1200 },
    });
    const source = await openImage(g.image, g.mediaType);
    const [c] = locateBand(await source.overview(OVERVIEW_SIDE), 1).candidates;
    if (!c) throw new Error("no band located");
    // Two of the three lines: thinner, centred between the first two.
    const third = c.halfThickness / 3;
    const two = {
      ...c,
      lines: 2,
      cx: c.cx + third * Math.sin(c.angle),
      cy: c.cy - third * Math.cos(c.angle),
      halfThickness: c.halfThickness - third,
    };
    const crop = await cropBand(source, two, { capHeight: 24 });
    expect(crop?.lines).toBe(3);
  }, 30_000);
});
