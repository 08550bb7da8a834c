import type { GrayImage } from "contract/geometry";
import { type RgbImage, toGray } from "../image/raster";
import { sampleGray } from "../image/warp-gray";
import { type BandCandidate, findBandCandidates } from "./find-band-candidates";

/** Longer side of the overview the band is located on (the crop then reads the full-resolution region). */
export const OVERVIEW_SIDE = 800;

/** The candidate finder follows text within this many degrees of its raster's rows; the passes overlap by 10. */
const PASS_TILT = 50;

/** A pass found the MRZ beyond doubt: two or three lines across nearly half the frame. */
const CONVINCING_LENGTH = 0.45;

/**
 * One pass: the degrees the overview is turned by (clockwise) before the candidate finder looks along its rows. 0
 * finds text along the rows, 90 along the columns (a page turned a quarter; a transpose), 45 and -45 along either
 * diagonal.
 */
export type LocatePass = number;

/** The passes that cover every direction, in the order they run. */
export const LOCATE_PASSES: readonly LocatePass[] = [0, 90, 45, -45];

/**
 * Passes halfway between those. Text 20-25 degrees off every pass's rows is found by one of the four only as broken
 * pieces when its lines also bend (a curled page seen at an angle): the horizontal closing joins it only near its
 * own direction. These run only when no band the first passes found reads, and give only bands of two or three
 * lines (what the four could not see whole): a photo with no MRZ is refused a little later, not much later.
 */
export const BETWEEN_PASSES: readonly LocatePass[] = [22.5, -22.5, 67.5, -67.5];

/** The overview in gray and its scale (image pixels per overview pixel). */
export interface Overview {
  gray: GrayImage;
  factor: number;
}

/** The raster transposed (x and y swapped): text running down the frame runs across it. */
export function transpose(g: GrayImage): GrayImage {
  const { width, height, data } = g;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) out[x * height + y] = data[row + x]!;
  }
  return { width: height, height: width, data: out };
}

/** The raster turned by `angle` (radians, clockwise on screen) about its centre, on a canvas that holds all of it;
 *  the corners it does not cover are its mean gray (no edges for the candidate finder). */
export function rotateGray(g: GrayImage, angle: number): GrayImage {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const width = Math.ceil(Math.abs(g.width * cos) + Math.abs(g.height * sin));
  const height = Math.ceil(Math.abs(g.width * sin) + Math.abs(g.height * cos));
  let sum = 0;
  for (const v of g.data) sum += v;
  const out = new Uint8Array(width * height).fill(Math.round(sum / g.data.length));
  const cx = g.width / 2;
  const cy = g.height / 2;
  for (let y = 0; y < height; y++) {
    const dy = y + 0.5 - height / 2;
    for (let x = 0; x < width; x++) {
      const dx = x + 0.5 - width / 2;
      const sx = cx + dx * cos + dy * sin - 0.5;
      const sy = cy - dx * sin + dy * cos - 0.5;
      // (A hair's tolerance: a quarter turn lands on the edge pixels' centres up to rounding.)
      if (sx < -1e-6 || sy < -1e-6 || sx > g.width - 1 + 1e-6 || sy > g.height - 1 + 1e-6) continue;
      out[y * width + x] = Math.round(sampleGray(g, sx, sy));
    }
  }
  return { width, height, data: out };
}

/** Where a pass's candidates lie in the overview: transposed back, or turned back about the centre. */
function untranspose(c: BandCandidate): BandCandidate {
  return { ...c, cx: c.cy, cy: c.cx, angle: Math.PI / 2 - c.angle };
}

function unrotate(c: BandCandidate, angle: number, g: GrayImage, turned: GrayImage): BandCandidate {
  const dx = c.cx - turned.width / 2;
  const dy = c.cy - turned.height / 2;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return {
    ...c,
    cx: g.width / 2 + dx * cos + dy * sin,
    cy: g.height / 2 - dx * sin + dy * cos,
    angle: c.angle - angle,
  };
}

/** One pass's candidates, best first, in image pixels. */
export function locatePass(overview: Overview, pass: LocatePass, maxCandidates: number): BandCandidate[] {
  const options = { maxCandidates, maxTiltDegrees: PASS_TILT };
  const { gray } = overview;
  let found: BandCandidate[];
  if (pass === 0) found = findBandCandidates(gray, options);
  else if (pass === 90) found = findBandCandidates(transpose(gray), options).map(untranspose);
  else {
    const angle = (pass * Math.PI) / 180;
    const turned = rotateGray(gray, angle);
    found = findBandCandidates(turned, options).map((c) => unrotate(c, angle, gray, turned));
  }
  const f = overview.factor;
  const wanted = BETWEEN_PASSES.includes(pass) ? found.filter((c) => c.lines >= 2) : found;
  return wanted.map((c) => ({
    ...c,
    cx: c.cx * f,
    cy: c.cy * f,
    halfLength: c.halfLength * f,
    halfThickness: c.halfThickness * f,
    pitch: c.pitch * f,
  }));
}

/** Band candidates and the passes not yet run. */
export interface LocatedBands {
  /** Candidates of the passes run, best first, in image pixels. */
  candidates: BandCandidate[];
  /** The passes left out, for the caller to run (locatePass) when no candidate reads. */
  rest: LocatePass[];
  overview: Overview;
}

/**
 * MRZ band candidates at any orientation, located on an overview of the image (`factor` = image pixels per overview
 * pixel). The candidate finder follows text within 50 degrees of its raster's rows, so a page turned a quarter or
 * skewed by up to 30 degrees from one is found in one of four passes: as it is, transposed, and turned by 45 degrees
 * either way. They run in that order until one finds a convincing band (two or three lines across nearly half the
 * frame), so an upright photo costs one pass; the passes between them (BETWEEN_PASSES) are left for the caller.
 * Which way up the band reads is the reading's to find.
 */
export function locateBand(overview: { image: RgbImage; factor: number }, maxCandidates: number): LocatedBands {
  const ov: Overview = { gray: toGray(overview.image), factor: overview.factor };
  const side = Math.max(ov.gray.width, ov.gray.height) * ov.factor;
  let found: BandCandidate[] = [];
  for (const [i, pass] of LOCATE_PASSES.entries()) {
    found = [...found, ...locatePass(ov, pass, maxCandidates)].sort((p, q) => q.score - p.score);
    const best = found[0];
    if (best && best.lines >= 2 && 2 * best.halfLength >= CONVINCING_LENGTH * side) {
      return {
        candidates: found.slice(0, maxCandidates),
        rest: [...LOCATE_PASSES.slice(i + 1), ...BETWEEN_PASSES],
        overview: ov,
      };
    }
  }
  return { candidates: found.slice(0, maxCandidates), rest: [...BETWEEN_PASSES], overview: ov };
}
