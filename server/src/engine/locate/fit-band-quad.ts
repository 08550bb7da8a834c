import type { GrayImage, Point, Quad } from "contract/geometry";
import { TD3_MM } from "contract/td3-page";
import { type Blob, findBlobs } from "../image/binary-blobs";
import { fitParabola, parabolaAt } from "../image/fit-parabola";
import { MIN_BOW } from "./straighten-bow";

/** A text line's rows in the raster (top inclusive, bottom exclusive). */
export interface LineRun {
  top: number;
  bottom: number;
}

/** The MRZ text's quadrilateral in a raster where the band runs roughly left to right. */
export interface BandQuad {
  /** Corners of the text (first line's top, last line's bottom, the lines' ends) in raster pixels: TL, TR, BR, BL. */
  corners: Quad;
  /** Each line's top and bottom as a share of the text's height (0 = top edge, 1 = bottom edge), top to bottom. */
  lines: { top: number; bottom: number }[];
  /** Character (cap) height at the text's centre, raster pixels. */
  capHeight: number;
  /** Character pitch along the lines, raster pixels: the median step between neighbouring characters. Some documents
   *  space their MRZ wider than ICAO's 2.54 mm for 2.42 mm capitals (real-world set: up to about 1.25 times). */
  pitch: number;
}

export interface QuadFitOptions {
  /** Dark pixels are those at or below this gray level. */
  threshold: number;
  /** Character pitch along the text (raster pixels), as located (a few percent either way). */
  pitch: number;
  /** Characters in a full line (44 for passports, 30 for 3-line cards). */
  charsPerLine: number;
}

/** Straight edge y = a + b (x - x0) in the raster, with what it was fitted on. */
interface Edge {
  a: number;
  b: number;
  /** Root mean square residual of the points kept. */
  rms: number;
  /** Mean x and y of the points kept, and their x spread (sum of squares about mean x): the slope's weight. */
  mx: number;
  my: number;
  sxx: number;
}

/** Fewest full-height characters a line needs for its edges to be fitted. */
const MIN_CHARS = 12;

/** The points whose absolute residual stays within 3 robust standard deviations (1.4826 times the median residual),
 *  and within a pixel however tight the rest lie. */
function nearOnes<T>(points: readonly T[], residuals: readonly number[]): T[] {
  const mad = [...residuals].sort((p, q) => p - q)[Math.floor(points.length / 2)]!;
  const limit = Math.max(1, 3 * 1.4826 * mad);
  return points.filter((_, i) => residuals[i]! <= limit);
}

/** Least-squares line through (x, y) points, refitted twice without points far off it (glare, touching print). */
function robustEdge(points: readonly Point[], x0: number): Edge | null {
  let kept = points;
  let fit: Edge | null = null;
  for (let pass = 0; pass < 3; pass++) {
    if (kept.length < MIN_CHARS * 0.75) return null;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let sxy = 0;
    for (const p of kept) {
      const x = p.x - x0;
      sx += x;
      sy += p.y;
      sxx += x * x;
      sxy += x * p.y;
    }
    const n = kept.length;
    const det = n * sxx - sx * sx;
    if (det <= 0) return null;
    const b = (n * sxy - sx * sy) / det;
    const a = (sy - b * sx) / n;
    const residuals = kept.map((p) => Math.abs(p.y - a - b * (p.x - x0)));
    const rms = Math.sqrt(residuals.reduce((s, r) => s + r * r, 0) / n);
    fit = { a, b, rms, mx: x0 + sx / n, my: sy / n, sxx: det / n };
    const next = nearOnes(kept, residuals);
    if (next.length === kept.length) break;
    kept = next;
  }
  return fit;
}

/** A line's printed extent (ink), and its first and last characters. */
interface Extent {
  left: number;
  right: number;
  first: Blob;
  last: Blob;
}

/** The widest run of blobs along x whose gaps stay under maxGap: the line's printed extent, without stray print. */
function printedExtent(blobs: readonly Blob[], maxGap: number): Extent | null {
  const sorted = [...blobs].sort((p, q) => p.box.left - q.box.left);
  let best: Extent | null = null;
  let first = sorted[0];
  let last = sorted[0];
  for (const b of sorted) {
    if (!first || !last || b.box.left - last.box.right > maxGap) {
      first = b;
      last = b;
    }
    if (b.box.right > last.box.right) last = b;
    if (!best || last.box.right - first.box.left > best.right - best.left) {
      best = { left: first.box.left, right: last.box.right, first, last };
    }
  }
  return best;
}

/** Intersection of the edge y = a + b (x - x0) with the near-vertical line x = p + q y. */
function meet(edge: Edge, x0: number, p: number, q: number): Point {
  const x = (p + q * (edge.a - edge.b * x0)) / (1 - q * edge.b);
  return { x, y: edge.a + edge.b * (x - x0) };
}

/** One text line's full-height characters (where their tops and bottoms lie), where its text starts and ends along
 *  x, and the steps between its neighbouring characters. */
interface LineCells {
  cap: number;
  tops: Point[];
  bottoms: Point[];
  ends: { left: number; right: number };
  steps: number[];
}

/**
 * One line's cells: its full-height characters (their tops and bottoms give its edges), and its ends from its chain
 * of character-sized blobs. Null when the line has too few characters.
 */
function lineCells(blobs: readonly Blob[], run: LineRun, options: QuadFitOptions): LineCells | null {
  const h = run.bottom - run.top;
  const inLine = blobs.filter((b) => {
    const cy = (b.box.top + b.box.bottom) / 2;
    return cy >= run.top - 0.25 * h && cy < run.bottom + 0.25 * h;
  });
  // Full-height characters: capitals and digits share the cap height in OCR-B. Fillers are shorter (about 0.88 of
  // it, and centred: their edges would bend a line full of them), specks much shorter, characters merged across
  // lines by blur taller. Fillers can be half a line, so the cap height is the upper quartile, not the median.
  const tall = inLine.filter((b) => b.box.bottom - b.box.top >= 0.5 * h && b.box.bottom - b.box.top <= 1.6 * h);
  if (tall.length < MIN_CHARS) return null;
  const heights = tall.map((b) => b.box.bottom - b.box.top).sort((p, q) => p - q);
  const cap = heights[Math.floor(0.75 * heights.length)]!;
  const chars = tall.filter((b) => Math.abs(b.box.bottom - b.box.top - cap) <= Math.max(1, 0.07 * cap));
  if (chars.length < MIN_CHARS) return null;
  // The line's extent: a chain of character-sized blobs (fillers included, glare gaps bridged), so the page's
  // edge or the scene beyond it does not extend the line.
  const extent = printedExtent(
    inLine.filter((b) => {
      const bh = b.box.bottom - b.box.top;
      return bh >= 0.4 * cap && bh <= 1.3 * cap && b.box.right - b.box.left <= 2.5 * cap;
    }),
    2.5 * cap,
  );
  if (!extent) return null;
  // Steps between neighbouring character-sized blobs (a merged pair or a gap is a rare outlier to the median).
  const cellCentres = inLine
    .filter((b) => {
      const bh = b.box.bottom - b.box.top;
      return bh >= 0.4 * cap && bh <= 1.3 * cap && b.box.right - b.box.left <= 1.5 * cap;
    })
    .map((b) => (b.box.left + b.box.right) / 2)
    .sort((p, q) => p - q);
  const steps = cellCentres
    .slice(1)
    .map((c, i) => c - cellCentres[i]!)
    .filter((d) => d > 0.5 * cap);
  const charSpan = Math.max(...chars.map((b) => b.box.right)) - Math.min(...chars.map((b) => b.box.left));
  if (charSpan < 0.25 * (extent.right - extent.left)) return null;
  const centre = (b: Blob) => (b.box.left + b.box.right) / 2;
  // The text box runs along the character cells (the ICAO geometry), half a pitch beyond the first and last
  // characters' centres, not along their ink. When the line's measured pitch is off, its ends are hidden (or stray
  // print joined them): the ink ends are all there is.
  const pitch = (centre(extent.last) - centre(extent.first)) / (options.charsPerLine - 1);
  const cells = Math.abs(pitch / options.pitch - 1) <= 0.15;
  const ends = cells
    ? { left: centre(extent.first) - pitch / 2, right: centre(extent.last) + pitch / 2 }
    : { left: extent.left, right: extent.right };
  return {
    cap,
    tops: chars.map((b) => ({ x: centre(b), y: b.box.top })),
    bottoms: chars.map((b) => ({ x: centre(b), y: b.box.bottom })),
    ends,
    steps,
  };
}

/**
 * The points that lie near the parabola through them (robust least squares, refitted twice without points far off
 * it), u = (x - x0) / half.
 */
function nearParabola(points: readonly Point[], x0: number, half: number): readonly Point[] {
  let kept = points;
  for (let pass = 0; pass < 3 && kept.length >= 4; pass++) {
    const fit = fitParabola(
      kept.map((p) => (p.x - x0) / half),
      kept.map((p) => p.y),
    );
    if (!fit) break;
    const residuals = kept.map((p) => Math.abs(p.y - parabolaAt(fit, (p.x - x0) / half)));
    const next = nearOnes(kept, residuals);
    if (next.length === kept.length) break;
    kept = next;
  }
  return kept;
}

/** z less its least-squares straight line in u. */
function lessLine(us: readonly number[], zs: readonly number[]): number[] {
  const n = us.length;
  const mu = us.reduce((s, u) => s + u, 0) / n;
  const mz = zs.reduce((s, z) => s + z, 0) / n;
  let suu = 0;
  let suz = 0;
  for (let i = 0; i < n; i++) {
    suu += (us[i]! - mu) ** 2;
    suz += (us[i]! - mu) * (zs[i]! - mz);
  }
  const slope = suu > 0 ? suz / suu : 0;
  return zs.map((z, i) => z - mz - slope * (us[i]! - mu));
}

/**
 * The bow a curled page gives the band: every edge is y = a_i + b_i u + c u^2 with its own a_i and b_i and one
 * curvature c for all (u = (x - x0) / half), fitted by least squares over each edge's points near its own parabola
 * (u^2 and y each less their straight line in u within the edge, regressed on each other). Returned as the bow's
 * offset from its chord across the raster: the edges less it are the straight chords the warp follows, and
 * `straightenBow` levels what the warp leaves. A line of names then fillers has its characters on one side only, so
 * its own parabola would say little; the shared one holds for it too. A bow under `MIN_BOW` of the capital height
 * `cap` is none (a flat page's edges stay as they are fitted).
 */
function sharedBow(edges: readonly (readonly Point[])[], x0: number, half: number, cap: number): (x: number) => number {
  let num = 0;
  let den = 0;
  for (const points of edges) {
    const kept = nearParabola(points, x0, half);
    if (kept.length < 4) continue;
    const us = kept.map((p) => (p.x - x0) / half);
    const squares = lessLine(
      us,
      us.map((u) => u * u),
    );
    const ys = lessLine(
      us,
      kept.map((p) => p.y),
    );
    for (let i = 0; i < kept.length; i++) {
      num += squares[i]! * ys[i]!;
      den += squares[i]! * squares[i]!;
    }
  }
  const c = den > 0 ? num / den : 0;
  if (Math.abs(c) < MIN_BOW * cap) return () => 0;
  return (x) => c * (((x - x0) / half) ** 2 - 1 / 3);
}

/** One line's straight top and bottom edges through its characters' flattened tops and bottoms; null when an edge
 *  wanders. */
function lineEdges(cells: LineCells, bow: (x: number) => number, x0: number): { top: Edge; bottom: Edge } | null {
  const flat = (points: readonly Point[]) => points.map((p) => ({ x: p.x, y: p.y - bow(p.x) }));
  const top = robustEdge(flat(cells.tops), x0);
  const bottom = robustEdge(flat(cells.bottoms), x0);
  if (!top || !bottom) return null;
  if (top.rms > 0.12 * cells.cap || bottom.rms > 0.12 * cells.cap) return null;
  return { top, bottom };
}

/**
 * One vanishing point: every edge's slope is a linear function of where it crosses the centre column. The model is
 * fitted weighted by each edge's slope precision (a line of names then fillers has its characters on one side only),
 * then every edge keeps its own height at its points' centre, with the model's slope. Settles tops and bottoms in
 * place.
 */
function shareVanishingPoint(tops: Edge[], bottoms: Edge[], x0: number): void {
  const edges = [...tops, ...bottoms];
  let sw = 0;
  let swa = 0;
  let swb = 0;
  for (const e of edges) {
    sw += e.sxx;
    swa += e.sxx * e.a;
    swb += e.sxx * e.b;
  }
  const ma = swa / sw;
  const mb = swb / sw;
  let saa = 0;
  let sab = 0;
  for (const e of edges) {
    saa += e.sxx * (e.a - ma) * (e.a - ma);
    sab += e.sxx * (e.a - ma) * (e.b - mb);
  }
  const beta = saa > 0 ? sab / saa : 0;
  const settle = (e: Edge): Edge => {
    const b = mb + beta * (e.a - ma);
    return { ...e, b, a: e.my - b * (e.mx - x0) };
  };
  for (let i = 0; i < tops.length; i++) {
    tops[i] = settle(tops[i]!);
    bottoms[i] = settle(bottoms[i]!);
  }
}

/** A near-vertical line x = p + q y. */
interface EndLine {
  p: number;
  q: number;
}

/**
 * The band's two ends. The lines start and end on the same page columns, so each end runs through the lines' own
 * ends (at mid-height of each line). A slanted page shears the band differently at its two ends (the page's
 * verticals converge), which also makes one line up to ~1.5% longer than the other; glare or shadow hiding one line's
 * end character makes it 1/43 = 2.3% shorter. Then the lines do not span the same cells, and the end where they
 * disagree more is taken square to the band through the outer line end.
 */
function bandEnds(
  tops: readonly Edge[],
  bottoms: readonly Edge[],
  ends: readonly { left: number; right: number }[],
  x0: number,
): { left: EndLine; right: EndLine } {
  const edgeAt = (e: Edge, x: number) => e.a + e.b * (x - x0);
  const n = ends.length - 1;
  const mid = (i: number, x: number) => (edgeAt(tops[i]!, x) + edgeAt(bottoms[i]!, x)) / 2;
  const through = (xs: number[]): EndLine => {
    const q = (xs[n]! - xs[0]!) / (mid(n, xs[n]!) - mid(0, xs[0]!));
    return { p: xs[0]! - q * mid(0, xs[0]!), q };
  };
  const lefts = ends.map((e) => e.left);
  const rights = ends.map((e) => e.right);
  const lengths = ends.map((e) => e.right - e.left);
  let left = through(lefts);
  let right = through(rights);
  if (Math.max(...lengths) / Math.min(...lengths) > 1.019) {
    if (Math.abs(lefts[n]! - lefts[0]!) >= Math.abs(rights[n]! - rights[0]!)) left = { p: Math.min(...lefts), q: 0 };
    else right = { p: Math.max(...rights), q: 0 };
  }
  return { left, right };
}

/** Line spacing of a card's three-line MRZ (ICAO 9303 TD1), millimetres; TD3_MM has the passport's. */
const CARD_LINE_SPACING_MM = 4.4;
/** The share of ICAO's length-to-height ratio a fitted text box must reach (an 8 : 1 passport band). */
const MIN_ASPECT_SHARE = 0.6;

/** ICAO's text box length over height for a band of `lines` lines of `chars` characters. */
function icaoAspect(lines: number, chars: number): number {
  const { pitch, capHeight, centres } = TD3_MM.mrz;
  const spacing = lines >= 3 ? CARD_LINE_SPACING_MM : centres[1] - centres[0];
  return (chars * pitch) / ((lines - 1) * spacing + capHeight);
}

/** A flat page seen at a slant: both ends of similar height, edges nearly level in this upright raster, and the
 *  text at least `minAspect` times as long as it is high. */
function isPlausible(
  corners: Quad,
  edges: { first: Edge; last: Edge },
  ends: { left: EndLine; right: EndLine },
  minAspect: number,
): boolean {
  const [tl, tr, br, bl] = corners;
  const leftH = bl.y - tl.y;
  const rightH = br.y - tr.y;
  if (leftH <= 0 || rightH <= 0 || leftH / rightH > 1.35 || rightH / leftH > 1.35) return false;
  if (Math.abs(edges.first.b) > 0.03 || Math.abs(edges.last.b) > 0.03) return false;
  if (Math.abs(ends.left.q) > 0.3 || Math.abs(ends.right.q) > 0.3) return false;
  if (tr.x - tl.x < minAspect * (edges.last.a - edges.first.a)) return false;
  return true;
}

/**
 * Fits the text's true quadrilateral in a band raster that is already roughly upright (the rotated rectangle's
 * resampling): per line, straight top and bottom edges through the tops and bottoms of its full-height characters
 * (robust least squares, less the bow a curled page gives all lines alike), their slopes made consistent with one
 * vanishing point (under perspective the edges of all lines converge on it), and the ends from each line's first and
 * last character cells. Returns null when the fit is not trustworthy (fewer than two lines, too few characters,
 * edges that wander, a shape no perspective of a flat page gives), so the caller keeps the rectangle.
 */
export function fitBandQuad(g: GrayImage, runs: readonly LineRun[], options: QuadFitOptions): BandQuad | null {
  if (runs.length < 2) return null;
  const mask = new Uint8Array(g.width * g.height);
  for (let i = 0; i < mask.length; i++) mask[i] = g.data[i]! <= options.threshold ? 1 : 0;
  const blobs = findBlobs({ width: g.width, height: g.height, data: mask }, 4);
  const x0 = g.width / 2;

  const fits: LineCells[] = [];
  for (const run of runs) {
    const cells = lineCells(blobs, run, options);
    if (!cells) return null;
    fits.push(cells);
  }
  const bow = sharedBow(
    fits.flatMap((f) => [f.tops, f.bottoms]),
    x0,
    x0,
    median(fits.map((f) => f.cap)) ?? 0,
  );
  const tops: Edge[] = [];
  const bottoms: Edge[] = [];
  for (const cells of fits) {
    const edges = lineEdges(cells, bow, x0);
    if (!edges) return null;
    tops.push(edges.top);
    bottoms.push(edges.bottom);
  }
  shareVanishingPoint(tops, bottoms, x0);
  const first = tops[0]!;
  const last = bottoms[bottoms.length - 1]!;
  const height = last.a - first.a;
  if (height <= 0) return null;

  const ends = bandEnds(
    tops,
    bottoms,
    fits.map((f) => f.ends),
    x0,
  );
  const corners: Quad = [
    meet(first, x0, ends.left.p, ends.left.q),
    meet(first, x0, ends.right.p, ends.right.q),
    meet(last, x0, ends.right.p, ends.right.q),
    meet(last, x0, ends.left.p, ends.left.q),
  ];
  const minAspect = MIN_ASPECT_SHARE * icaoAspect(runs.length, options.charsPerLine);
  if (!isPlausible(corners, { first, last }, ends, minAspect)) return null;

  return {
    corners,
    lines: tops.map((t, i) => ({ top: (t.a - first.a) / height, bottom: (bottoms[i]!.a - first.a) / height })),
    capHeight: tops.reduce((s, t, i) => s + bottoms[i]!.a - t.a, 0) / tops.length,
    pitch: median(fits.flatMap((f) => f.steps)) ?? options.pitch,
  };
}

function median(xs: number[]): number | undefined {
  return [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)];
}
