import type { GrayImage, Point, Quad } from "contract/geometry";
import { applyHomography, type Homography, homographyFromQuads } from "contract/homography";
import { mmQuad } from "contract/td3-page";
import type { ImageSource, PixelRect } from "../image/decode-image";
import { otsuThreshold } from "../image/morphology";
import { toGray } from "../image/raster";
import { type RegionRaster, warpGray } from "../image/warp-gray";
import { deslant } from "./deslant";
import type { BandCandidate } from "./find-band-candidates";
import { type BandQuad, fitBandQuad } from "./fit-band-quad";
import { mrzRows, type TextRow } from "./mrz-rows";
import { straightenBow } from "./straighten-bow";

/** A deskewed MRZ band ready for the recogniser, with where it lies in the original image. */
export interface BandCrop {
  /** Upright band (text left to right, unless the document is upside down: see `flip`). */
  image: GrayImage;
  /** Corners of the text band in original image pixels, in the crop's own order: TL, TR, BR, BL. */
  corners: Quad;
  /** How the band was cut: along the text's fitted perspective quadrilateral, or (when that fit could not be
   *  trusted) as the rotated rectangle around the text. */
  shape: "quad" | "rectangle";
  /** Text lines told apart in the crop. */
  lines: number;
  /** Each text line's rows in `image` (top inclusive, bottom exclusive), with a margin, top to bottom. */
  lineRows: TextRow[];
  /** The columns of `image` the text box spans, from its first character cell's left edge to its last's right. */
  textSpan: { left: number; right: number };
  /** Measured character cap height in original pixels. */
  capHeightPx: number;
  /** Text direction in the original image (radians). */
  angle: number;
}

export interface CropOptions {
  /** Cap height of the characters in the output crop (pixels). */
  capHeight?: number;
  /** Angles tried around the located one when refining (degrees either way). */
  refineDegrees?: number;
}

interface Frame {
  cx: number;
  cy: number;
  ux: number;
  uy: number;
}

/**
 * The map from an outW x outH upright raster's pixels to the rotated rectangle (centre, unit direction, half sizes,
 * all in original pixels) it resamples.
 */
function frameToImage(f: Frame, halfU: number, halfV: number, outW: number, outH: number): Homography {
  const su = (2 * halfU) / outW;
  const sv = (2 * halfV) / outH;
  return [
    su * f.ux,
    -sv * f.uy,
    f.cx - halfU * f.ux + halfV * f.uy,
    su * f.uy,
    sv * f.ux,
    f.cy - halfU * f.uy - halfV * f.ux,
    0,
    0,
    1,
  ];
}

/** Sharpness of the row profile: large when text rows are aligned with raster rows. */
function rowProfileEnergy(g: GrayImage): number {
  let prev = -1;
  let energy = 0;
  for (let y = 0; y < g.height; y++) {
    let s = 0;
    for (let x = 0; x < g.width; x++) s += g.data[y * g.width + x]!;
    const m = s / g.width;
    if (prev >= 0) energy += (m - prev) * (m - prev);
    prev = m;
  }
  return energy;
}

/** Dark runs longer than this many capital heights along a row are the scene beyond the page, a shadow or a rule,
 *  not print: characters are narrower than a capital height and stand apart. */
const LONG_RUN_CAPS = 4;

/**
 * Runs of rows whose print (dark pixels in runs shorter than `LONG_RUN_CAPS` capitals of `capPx`) passes a share of
 * the maximum: the text lines. A page edge crossing the rows at a slant darkens a wedge of them with the scene: long
 * runs, so it is not taken for a line.
 */
export function textRows(g: GrayImage, minHeight: number, capPx: number): TextRow[] {
  const t = otsuThreshold(g);
  const longRun = LONG_RUN_CAPS * capPx;
  const counts = new Float64Array(g.height);
  let max = 0;
  for (let y = 0; y < g.height; y++) {
    let c = 0;
    let run = 0;
    for (let x = 0; x <= g.width; x++) {
      if (x < g.width && g.data[y * g.width + x]! <= t) run++;
      else {
        if (run <= longRun) c += run;
        run = 0;
      }
    }
    counts[y] = c;
    if (c > max) max = c;
  }
  const runs: TextRow[] = [];
  let start = -1;
  for (let y = 0; y <= g.height; y++) {
    const on = y < g.height && counts[y]! > 0.25 * max;
    if (on && start < 0) start = y;
    if (!on && start >= 0) {
      if (y - start >= minHeight) runs.push({ top: start, bottom: y });
      start = -1;
    }
  }
  return runs;
}

/** Columns holding text within the given rows: first and last column with dark pixels in a dense run. */
function textColumns(g: GrayImage, top: number, bottom: number, maxGap: number): { left: number; right: number } {
  const t = otsuThreshold(g);
  const on = new Uint8Array(g.width);
  for (let x = 0; x < g.width; x++) {
    let c = 0;
    for (let y = top; y < bottom; y++) if (g.data[y * g.width + x]! <= t) c++;
    on[x] = c > 0 ? 1 : 0;
  }
  // The widest run of columns whose gaps stay under maxGap.
  let best = { left: 0, right: g.width };
  let bestWidth = -1;
  let runStart = -1;
  let lastOn = -1;
  for (let x = 0; x <= g.width; x++) {
    const isOn = x < g.width && on[x] === 1;
    if (isOn) {
      if (runStart < 0 || x - lastOn > maxGap) runStart = x;
      lastOn = x;
      if (lastOn + 1 - runStart > bestWidth) {
        bestWidth = lastOn + 1 - runStart;
        best = { left: runStart, right: lastOn + 1 };
      }
    }
  }
  return best;
}

/** Stretches gray levels so the 2nd and 98th percentiles map to 0 and 255 (glare and dim light). */
function stretch(g: GrayImage): GrayImage {
  const hist = new Uint32Array(256);
  for (const v of g.data) hist[v]! += 1;
  const n = g.data.length;
  let lo = 0;
  let hi = 255;
  for (let acc = 0, v = 0; v < 256; v++) {
    acc += hist[v]!;
    if (acc >= n * 0.02) {
      lo = v;
      break;
    }
  }
  for (let acc = 0, v = 255; v >= 0; v--) {
    acc += hist[v]!;
    if (acc >= n * 0.02) {
      hi = v;
      break;
    }
  }
  if (hi - lo < 16) return g;
  const out = new Uint8Array(n);
  const k = 255 / (hi - lo);
  for (let i = 0; i < n; i++) out[i] = Math.max(0, Math.min(255, Math.round((g.data[i]! - lo) * k)));
  return { width: g.width, height: g.height, data: out };
}

interface OrientedBox {
  cx: number;
  cy: number;
  angle: number;
}

/** Corners of an oriented box of half sizes halfU (along) and halfV (across). */
function boxCorners(box: OrientedBox, halfU: number, halfV: number): Point[] {
  const ux = Math.cos(box.angle);
  const uy = Math.sin(box.angle);
  return [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ].map(([su, sv]) => ({
    x: box.cx + su! * halfU * ux - sv! * halfV * uy,
    y: box.cy + su! * halfU * uy + sv! * halfV * ux,
  }));
}

/** The full-resolution gray pixels around some points (a 2 px margin), with where they lie. */
async function grayRegion(source: ImageSource, points: readonly Point[]): Promise<RegionRaster & { rect: PixelRect }> {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const left = Math.min(...xs) - 2;
  const top = Math.min(...ys) - 2;
  const { image: rgb, rect } = await source.region({
    left,
    top,
    width: Math.max(...xs) + 2 - left,
    height: Math.max(...ys) + 2 - top,
  });
  return { gray: toGray(rgb), rect, ox: rect.left, oy: rect.top, density: rgb.width / rect.width };
}

/** True when `rect` holds the points, as far as the image reaches. */
function covers(rect: PixelRect, points: readonly Point[], width: number, height: number): boolean {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return (
    rect.left <= Math.max(0, Math.min(...xs)) + 1 &&
    rect.top <= Math.max(0, Math.min(...ys)) + 1 &&
    rect.left + rect.width >= Math.min(width, Math.max(...xs)) - 1 &&
    rect.top + rect.height >= Math.min(height, Math.max(...ys)) - 1
  );
}

/** The candidate's generous neighbourhood (original pixels): its pitch and half sizes along and across the text. */
interface Neighbourhood {
  pitch: number;
  halfU: number;
  halfV: number;
}

function neighbourhood(cand: BandCandidate): Neighbourhood {
  const pitch = Math.max(1, cand.pitch);
  // Generous neighbourhood: the located band can be short by a few characters or a line.
  const halfU = cand.halfLength + 2 * pitch;
  // A thin one-line candidate is often one MRZ line whose neighbour the locator lost (glare, a blurred run of
  // fillers): reach across far enough for the other line, on whichever side it is.
  const lostNeighbour = cand.lines === 1 && cand.halfThickness < 0.8 * pitch;
  const halfV = cand.halfThickness + (lostNeighbour ? 2.5 : 1.2) * pitch;
  return { pitch, halfU, halfV };
}

/** Stage 1, the angle: the one (within `refine` degrees either way, in quarter degrees) that maximises the
 *  row-profile sharpness on a coarse resampling (cap height ~10 px). */
function refineAngle(region: RegionRaster, cand: BandCandidate, n: Neighbourhood, refine: number): number {
  const { pitch, halfU, halfV } = n;
  const coarse = 10 / (0.95 * pitch);
  const cw = Math.max(16, Math.round(2 * halfU * coarse));
  const ch = Math.max(8, Math.round(2 * halfV * coarse));
  let bestAngle = cand.angle;
  let bestEnergy = -1;
  const steps = Math.round(refine / 0.25);
  for (let k = -steps; k <= steps; k++) {
    const a = cand.angle + (k * 0.25 * Math.PI) / 180;
    const frame = { cx: cand.cx, cy: cand.cy, ux: Math.cos(a), uy: Math.sin(a) };
    const e = rowProfileEnergy(warpGray(region, frameToImage(frame, halfU, halfV, cw, ch), cw, ch));
    if (e > bestEnergy) {
      bestEnergy = e;
      bestAngle = a;
    }
  }
  return bestAngle;
}

/** The neighbourhood upright on a medium resampling, and the text lines found in it. */
interface MediumView {
  /** The resampled raster (cap height ~16 px) and its map to the original image. */
  mid: GrayImage;
  midToImage: Homography;
  /** Raster pixels per original pixel. */
  medium: number;
  /** The MRZ lines' rows in `mid`, top to bottom. */
  lines: TextRow[];
}

/** Capital height (pixels) of the medium resampling the lines and the quadrilateral are found on. */
const MEDIUM_CAP = 16;

/** Stage 2, the lines: the runs of text rows on a medium resampling (cap height ~16 px); null when there are none. */
function findLines(region: RegionRaster, frame: Frame, n: Neighbourhood): MediumView | null {
  const { pitch, halfU, halfV } = n;
  const medium = MEDIUM_CAP / (0.95 * pitch);
  const mw = Math.max(16, Math.round(2 * halfU * medium));
  const mh = Math.max(8, Math.round(2 * halfV * medium));
  const midToImage = frameToImage(frame, halfU, halfV, mw, mh);
  const mid = warpGray(region, midToImage, mw, mh);
  const rows = textRows(mid, 6, MEDIUM_CAP);
  if (rows.length === 0) return null;
  // The MRZ lines are the tallest similar runs; drop slivers of background print, then print of another height or
  // spacing beside them.
  const tallest = Math.max(...rows.map((r) => r.bottom - r.top));
  const lines = mrzRows(rows.filter((r) => r.bottom - r.top >= 0.5 * tallest));
  return { mid, midToImage, medium, lines };
}

/**
 * Reads the candidate's neighbourhood at full resolution, refines its angle by the row profile, finds the text lines
 * and their horizontal extent, fits the text's quadrilateral (perspective) from its characters' edges, and returns
 * the band rectified with the characters scaled to `capHeight` pixels. When the quadrilateral cannot be trusted the
 * band is cut as the rotated rectangle around the text. Returns null when no text lines are found there.
 */
export async function cropBand(
  source: ImageSource,
  cand: BandCandidate,
  options: CropOptions = {},
): Promise<BandCrop | null> {
  const capTarget = options.capHeight ?? 32;
  let n = neighbourhood(cand);
  // The region read reaches 2.5 pitches further along than the neighbourhood: the final crop spans the full ICAO
  // line length plus a margin around the text found, and a second full-resolution read costs more than these pixels.
  let region = await grayRegion(source, boxCorners(cand, n.halfU + 2.5 * n.pitch, n.halfV));
  const angle = refineAngle(region, cand, n, options.refineDegrees ?? 2);
  const frame: Frame = { cx: cand.cx, cy: cand.cy, ux: Math.cos(angle), uy: Math.sin(angle) };
  // Stages 2 and 3: the lines, then the text's quadrilateral from its characters' edges (the rotated rectangle when
  // it cannot be trusted). Looked at again over a larger neighbourhood when what was found says it is cut short.
  const look = async (at: Neighbourhood) => {
    const reach = boxCorners(cand, at.halfU + 2.5 * at.pitch, at.halfV);
    if (!covers(region.rect, reach, source.width, source.height)) region = await grayRegion(source, reach);
    const view = findLines(region, frame, at);
    if (!view) return null;
    const { mid, medium, lines } = view;
    const quad = fitBandQuad(mid, lines, {
      threshold: otsuThreshold(mid),
      pitch: at.pitch * medium,
      charsPerLine: lines.length >= 3 ? 30 : 44,
    });
    return { view, quad, n: at };
  };
  let found = await look(n);
  if (!found) return null;
  // Text running into the neighbourhood's end: the locator saw the band short (perspective, a gap in a line).
  const corners = found.quad?.corners;
  const edge = 1.5 * n.pitch * found.view.medium;
  if (
    corners &&
    (Math.min(corners[0].x, corners[3].x) < edge || Math.max(corners[1].x, corners[2].x) > found.view.mid.width - edge)
  ) {
    // Far enough for a full line's far end, whichever part of the line the candidate was centred on.
    const full = (found.view.lines.length >= 3 ? 30 : 44) + 2;
    const longer = await look({ ...n, halfU: Math.max(n.halfU + 8 * n.pitch, full * n.pitch - n.halfU) });
    if (longer?.quad) found = longer;
  }
  // Two lines of 30 characters: a card's three-line band whose third line the locator lost. Look a line spacing
  // further across, either way.
  const quad0 = found.quad;
  if (quad0 && found.view.lines.length === 2 && Math.abs(cellsSeen(quad0) - 30) <= 2) {
    const spacing =
      ((quad0.lines[1]!.top - quad0.lines[0]!.top) * (quad0.corners[3].y - quad0.corners[0].y)) / found.view.medium;
    const taller = await look({ ...found.n, halfV: found.n.halfV + 1.2 * spacing });
    if (taller && taller.view.lines.length === 3) found = taller;
  }
  n = found.n;
  const { view, quad } = found;
  // Either way the crop reaches the full ICAO line length (44 characters for 2-line bands, 30 for 3).
  const { mid, midToImage, medium, lines } = view;
  const charsPerLine = lines.length >= 3 ? 30 : 44;
  const target: CropTarget = { capTarget, charsPerLine };
  const crop = quad
    ? await cropQuad(
        source,
        region,
        {
          quad,
          midToImage,
          capPx: (quad.capHeight * 2 * n.halfV) / mid.height,
          pitchPx: quad.pitch / medium,
          pitch: n.pitch,
        },
        target,
      )
    : await cropRectangle(source, region, view, { frame, angle, n }, target);
  // The quadrilateral's warp takes the perspective out; the rectangle leaves the characters leaning.
  const image = quad ? crop.image : deslant(crop.image, crop.lineRows);
  return { ...crop, image: straightenBow(image, crop.lineRows, capTarget), angle };
}

/** How many character cells the fitted text spans, by its measured pitch. */
function cellsSeen(quad: BandQuad): number {
  return (quad.corners[1].x - quad.corners[0].x) / quad.pitch;
}

/** What the final crop is scaled and sized to. */
interface CropTarget {
  /** Cap height of the characters in the output (pixels). */
  capTarget: number;
  /** Characters in a full line (44 for 2-line bands, 30 for 3): the length the crop makes room for. */
  charsPerLine: number;
}

/** Stage 4 when no quadrilateral could be trusted: the band cut as the rotated rectangle around the text found, with
 *  a margin, characters scaled to capTarget. */
async function cropRectangle(
  source: ImageSource,
  first: RegionRaster & { rect: PixelRect },
  view: MediumView,
  located: { frame: Frame; angle: number; n: Neighbourhood },
  target: CropTarget,
): Promise<Omit<BandCrop, "angle">> {
  const { frame, angle } = located;
  const { capTarget, charsPerLine } = target;
  const { pitch, halfU, halfV } = located.n;
  const { mid, medium, lines } = view;
  const top = lines[0]!.top;
  const bottom = lines[lines.length - 1]!.bottom;
  const cols = textColumns(mid, top, bottom, Math.round(2.5 * MEDIUM_CAP));
  const capPx = (lines.reduce((s, r) => s + (r.bottom - r.top), 0) / lines.length / medium) * 0.95;

  // Text box in band coordinates (original pixels, relative to the centre).
  const u0 = -halfU + cols.left / medium;
  const u1 = -halfU + cols.right / medium;
  const v0 = -halfV + top / medium;
  const v1 = -halfV + bottom / medium;
  const cu = (u0 + u1) / 2;
  const cv = (v0 + v1) / 2;
  const textFrame: Frame = {
    cx: frame.cx + cu * frame.ux - cv * frame.uy,
    cy: frame.cy + cu * frame.uy + cv * frame.ux,
    ux: frame.ux,
    uy: frame.uy,
  };
  const hu = (u1 - u0) / 2;
  const hv = (v1 - v0) / 2;
  const corner = (u: number, v: number): Point => ({
    x: textFrame.cx + u * textFrame.ux - v * textFrame.uy,
    y: textFrame.cy + u * textFrame.uy + v * textFrame.ux,
  });

  const scale = capTarget / Math.max(1, capPx);
  // Glare or a shadow can hide the ends of the lines from the extent search: make room on both sides for the full
  // ICAO line length (44 characters for 2-line bands, 30 for 3) at the measured character size.
  const expectedHalf = (charsPerLine * capPx * (2.54 / 2.42)) / 2;
  // (Reaching the full length on both sides of what was seen, 2 * expectedHalf - hu, was measured: one more misread
  // in 160 clean and moderate training photos and 3 points less on the benchmark's clean and moderate sets.)
  const mu = Math.max(hu, expectedHalf) + 1.2 * pitch;
  const mv = hv + 0.8 * capPx;
  const outW = Math.max(16, Math.round(2 * mu * scale));
  const outH = Math.max(8, Math.round(2 * mv * scale));
  // The crop can reach past the neighbourhood read so far (the lines' ends were hidden from the locator): read a
  // region that holds all of it rather than smear the edge pixels.
  const reach = boxCorners({ cx: textFrame.cx, cy: textFrame.cy, angle }, mu, mv);
  const region = covers(first.rect, reach, source.width, source.height) ? first : await grayRegion(source, reach);
  const image = stretch(warpGray(region, frameToImage(textFrame, mu, mv, outW, outH), outW, outH));
  const margin = 0.45 * capTarget;
  const lineRows = lines.map((r) => {
    const toRow = (row: number) => (-halfV + row / medium - cv + mv) * scale;
    return {
      top: Math.max(0, Math.floor(toRow(r.top) - margin)),
      bottom: Math.min(outH, Math.ceil(toRow(r.bottom) + margin)),
    };
  });
  return {
    image,
    corners: [corner(-hu, -hv), corner(hu, -hv), corner(hu, hv), corner(-hu, hv)],
    shape: "rectangle",
    lines: lines.length,
    lineRows,
    textSpan: { left: (mu - hu) * scale, right: (mu + hu) * scale },
    capHeightPx: capPx,
  };
}

/**
 * The band cut along its fitted quadrilateral: a homography takes the output's text box onto the quadrilateral, so
 * the lines come out straight, level and of one height; the margins around the text follow the same perspective.
 */
async function cropQuad(
  source: ImageSource,
  first: RegionRaster & { rect: PixelRect },
  args: {
    quad: BandQuad;
    midToImage: Homography;
    capPx: number;
    /** The characters' measured pitch, original pixels. */
    pitchPx: number;
    /** The located pitch (the margins' unit). */
    pitch: number;
  },
  target: CropTarget,
): Promise<Omit<BandCrop, "angle">> {
  const { quad, capPx, pitch } = args;
  const { capTarget, charsPerLine } = target;
  const seen = quad.corners.map((p) => applyHomography(args.midToImage, p)) as Quad;
  const [tl, tr, br, bl] = seen;
  const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
  const hu = (dist(tl, tr) + dist(bl, br)) / 4;
  const hv = (dist(tl, bl) + dist(tr, br)) / 4;
  const scale = capTarget / Math.max(1, capPx);
  // The full line length from the measured pitch; from ICAO's pitch for the measured capitals when the measure is
  // implausible (wider spacing than ICAO's is common on real documents, narrower than 0.9 of it is not).
  const icaoPitch = capPx * (2.54 / 2.42);
  const pitchPx = args.pitchPx >= 0.9 * icaoPitch && args.pitchPx <= 1.6 * icaoPitch ? args.pitchPx : icaoPitch;
  const expectedHalf = (charsPerLine * pitchPx) / 2;
  // Text the quad fit did not see (glare or shadow over one end hid it from the locator): warp room for all of it on
  // either side, then keep the side the print continues on.
  const missing = 2 * (expectedHalf - hu);
  const probe = missing > SHORT_BY_PITCHES * pitch;
  const mu = Math.max(hu, expectedHalf) + 1.2 * pitch;
  const reach = (probe ? hu + missing + 1.2 * pitch : mu) * scale;
  const outW = Math.max(16, Math.round(2 * mu * scale));
  const wideW = Math.max(outW, Math.round(2 * reach));
  const outH = Math.max(8, Math.round(2 * (hv + 0.8 * capPx) * scale));
  const box = {
    left: wideW / 2 - hu * scale,
    right: wideW / 2 + hu * scale,
    top: outH / 2 - hv * scale,
    bottom: outH / 2 + hv * scale,
  };
  const toImage = homographyFromQuads(mmQuad(point, box.left, box.top, box.right, box.bottom), seen);
  const inImage = (x: number, y: number) => applyHomography(toImage, { x, y });
  const outline = mmQuad(inImage, 0, 0, wideW, outH);
  const region = covers(first.rect, outline, source.width, source.height) ? first : await grayRegion(source, outline);
  const wide = stretch(warpGray(region, toImage, wideW, outH));
  const margin = 0.45 * capTarget;
  const textH = box.bottom - box.top;
  const textRowsIn = quad.lines.map((l) => ({ top: box.top + l.top * textH, bottom: box.top + l.bottom * textH }));
  const lineRows = textRowsIn.map((r) => ({
    top: Math.max(0, Math.floor(r.top - margin)),
    bottom: Math.min(outH, Math.ceil(r.bottom + margin)),
  }));
  const extra = missing * scale;
  const side = probe
    ? continuedSide(wide, textRowsIn, [box.left - extra, box.left], [box.right, box.right + extra])
    : 0;
  // The window kept: centred on the text seen, or moved by half the missing length towards the side it continues on.
  const from = Math.max(0, Math.min(wideW - outW, Math.round(wideW / 2 + (side * extra) / 2 - outW / 2)));
  const image = side === 0 && wideW === outW ? wide : columns(wide, from, outW);
  // The text box then reaches the hidden end too.
  const textLeft = box.left - (side < 0 ? extra : 0);
  const textRight = box.right + (side > 0 ? extra : 0);
  const corners = side === 0 ? seen : mmQuad(inImage, textLeft, box.top, textRight, box.bottom);
  const textSpan = { left: textLeft - from, right: textRight - from };
  return { image, corners, shape: "quad", lines: quad.lines.length, lineRows, textSpan, capHeightPx: capPx };
}

const point = (x: number, y: number): Point => ({ x, y });

/** A quad shorter than the full line length by more than this many pitches is checked for print beyond its ends. */
const SHORT_BY_PITCHES = 4;
/** Stroke contrast (mean gray-level step, text rows over the gaps between them) a strip needs to count as print. */
const MIN_STROKES = 3;

/** Columns [from, from + width) of a raster (clamped into it). */
function columns(g: GrayImage, from: number, width: number): GrayImage {
  const left = Math.max(0, Math.min(g.width - width, from));
  const data = new Uint8Array(width * g.height);
  for (let y = 0; y < g.height; y++)
    data.set(g.data.subarray(y * g.width + left, y * g.width + left + width), y * width);
  return { width, height: g.height, data };
}

/**
 * Which end of the text seen the MRZ lines continue past: the strip beyond that end has vertical strokes in the text
 * rows and few between them (print lines), where paper and a dark scene have none in either and the page edge has
 * them in every row. -1 = left, 1 = right, 0 = neither clearly.
 */
export function continuedSide(
  g: GrayImage,
  rows: readonly TextRow[],
  left: [number, number],
  right: [number, number],
): -1 | 0 | 1 {
  const strokes = ([a, b]: [number, number]): number => {
    const x0 = Math.max(0, Math.floor(a));
    const x1 = Math.min(g.width - 1, Math.ceil(b));
    if (x1 - x0 < 2) return 0;
    const mean = (y0: number, y1: number) => {
      let sum = 0;
      let n = 0;
      for (let y = Math.max(0, Math.round(y0)); y < Math.min(g.height, Math.round(y1)); y++) {
        const row = y * g.width;
        for (let x = x0; x < x1; x++) sum += Math.abs(g.data[row + x + 1]! - g.data[row + x]!);
        n += x1 - x0;
      }
      return n ? sum / n : 0;
    };
    const inRows = rows.reduce((s, r) => s + mean(r.top, r.bottom), 0) / rows.length;
    const gaps = rows.slice(1).map((r, i) => mean(rows[i]!.bottom + 1, r.top - 1));
    const between = gaps.length ? gaps.reduce((s, v) => s + v, 0) / gaps.length : 0;
    return inRows - between;
  };
  const l = strokes(left);
  const r = strokes(right);
  if (r >= MIN_STROKES && r > 2 * Math.max(0, l)) return 1;
  if (l >= MIN_STROKES && l > 2 * Math.max(0, r)) return -1;
  return 0;
}
