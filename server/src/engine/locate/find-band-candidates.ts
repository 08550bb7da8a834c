import type { GrayImage } from "contract/geometry";
import { type Blob, findBlobs } from "../image/binary-blobs";
import { blackHat, close, erode, otsuThreshold, sobelXAbs, threshold } from "../image/morphology";
import { OrientedExtent, principalAngle } from "../image/oriented-extent";

/**
 * Where an MRZ might be: an oriented rectangle around its text lines, in the coordinates of the image given to
 * findBandCandidates. The angle is the text direction (radians, clockwise on screen); the band may still be upside down.
 */
export interface BandCandidate {
  cx: number;
  cy: number;
  angle: number;
  /** Half the extent along the text direction and across it. */
  halfLength: number;
  halfThickness: number;
  /** Text lines found in the band (2 for passports, 3 for ID cards; 1 when they could not be told apart). */
  lines: number;
  /** Estimated character pitch along the text (pixels). */
  pitch: number;
  score: number;
}

export interface LocateOptions {
  /** How many candidates to return at most, best first. */
  maxCandidates?: number;
  /** Angles beyond this (degrees from horizontal, either way up) are not considered. */
  maxTiltDegrees?: number;
}

interface TextLine {
  blob: Blob;
  /** Unit vector along the text. */
  ux: number;
  uy: number;
}

const deg = (rad: number) => (rad * 180) / Math.PI;

/** Fold an axis angle into (-pi/2, pi/2]. */
function foldAngle(a: number): number {
  let r = a;
  while (r <= -Math.PI / 2) r += Math.PI;
  while (r > Math.PI / 2) r -= Math.PI;
  return r;
}

/**
 * Finds MRZ-like bands in a grayscale image (expected ~600-1000 px on its longer side): black top-hat to keep dark
 * print, horizontal gradient, a horizontal closing that turns each text line into one blob, then groups of 2-3
 * long, parallel, evenly spaced lines of equal length (the MRZ signature). A single very long line is a weaker
 * candidate (lines merged by blur). Works at any position and rotation within maxTiltDegrees, either way up.
 */
export function findBandCandidates(gray: GrayImage, options: LocateOptions = {}): BandCandidate[] {
  const maxCandidates = options.maxCandidates ?? 4;
  const maxTilt = options.maxTiltDegrees ?? 25;
  const side = Math.max(gray.width, gray.height);
  const unit = side / 800;
  const odd = (n: number) => Math.max(3, Math.round(n) | 1);

  const hat = blackHat(gray, odd(27 * unit), odd(9 * unit));
  const grad = sobelXAbs(hat);
  const joined = close(grad, odd(13 * unit), 1);
  const t = Math.max(otsuThreshold(joined), 40);
  // A small erosion cuts one-pixel bridges between a line and background texture.
  const mask = erode(threshold(joined, t), 3, 2);
  const minLength = side * 0.12;
  const blobs = findBlobs(mask, Math.round(8 * unit * unit));

  // Line segments: elongated, well-filled blobs. Glare, fillers or wide letter spacing can split one text line
  // into several; collinear neighbours are chained back into one line.
  const segments = blobs.filter(
    (b) =>
      Math.abs(deg(b.angle)) <= maxTilt &&
      b.thickness >= 2 &&
      b.length / b.thickness >= 2 &&
      b.area / (b.length * b.thickness) >= 0.4,
  );
  const lines: TextLine[] = [];
  for (const blob of chainSegments(segments)) {
    if (blob.length < minLength) continue;
    if (blob.length / blob.thickness < 6) continue;
    lines.push({ blob, ux: Math.cos(blob.angle), uy: Math.sin(blob.angle) });
  }

  const candidates: BandCandidate[] = [];
  const used = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const a = lines[i]!;
    // Lines parallel to a, of similar length, overlapping along the text, stacked at MRZ spacing.
    const group: TextLine[] = [a];
    for (let j = 0; j < lines.length; j++) {
      if (j === i) continue;
      const b = lines[j]!;
      if (Math.abs(deg(foldAngle(a.blob.angle - b.blob.angle))) > 4) continue;
      // Glare or a long run of fillers can hide part of one line: a shorter line counts when it lies along the
      // longer one's extent (either may be the shorter).
      const ratio = b.blob.length / a.blob.length;
      if (ratio < 0.5 || ratio > 2) continue;
      const dx = b.blob.cx - a.blob.cx;
      const dy = b.blob.cy - a.blob.cy;
      const along = dx * a.ux + dy * a.uy;
      const across = -dx * a.uy + dy * a.ux;
      const longer = Math.max(a.blob.length, b.blob.length);
      if (Math.abs(along) > (longer - Math.min(a.blob.length, b.blob.length)) / 2 + 0.1 * longer) continue;
      const th = (a.blob.thickness + b.blob.thickness) / 2;
      const pitchAcross = Math.abs(across) / th;
      if (pitchAcross < 1.3 || pitchAcross > 6) continue;
      group.push(b);
    }
    // Keep at most three lines: the ones closest to a, in order across the text.
    const sorted = group
      .map((l) => ({ l, across: -(l.blob.cx - a.blob.cx) * a.uy + (l.blob.cy - a.blob.cy) * a.ux }))
      .sort((p, q) => p.across - q.across);
    const chosen = pickEvenRun(sorted);
    const key = chosen
      .map((c) => lines.indexOf(c.l))
      .sort((p, q) => p - q)
      .join(",");
    if (used.has(key)) continue;
    used.add(key);
    candidates.push(bandFrom(chosen, a));
  }
  candidates.sort((p, q) => q.score - p.score);
  return candidates.slice(0, maxCandidates);
}

/** How unlike each other a run's lines are: spread of their lengths and thicknesses (0 = identical). MRZ lines share
 *  one font size and (nearly) one length; print beside them rarely does. */
function unlikeness(run: readonly { l: TextLine }[]): number {
  const spread = (xs: number[]) => (Math.max(...xs) - Math.min(...xs)) / Math.max(...xs);
  return spread(run.map((r) => r.l.blob.length)) + spread(run.map((r) => r.l.blob.thickness));
}

/** From lines sorted across the text, the longest run (max 3) with even spacing, of the runs that long the one whose
 *  lines are most alike; a single line if none. */
function pickEvenRun<T extends { l: TextLine; across: number }>(sorted: T[]): T[] {
  let best: T[] = [];
  for (let s = 0; s < sorted.length; s++) {
    const run = [sorted[s]!];
    for (let k = s + 1; k < sorted.length && run.length < 3; k++) {
      const prev = run[run.length - 1]!;
      const gap = sorted[k]!.across - prev.across;
      if (run.length >= 2) {
        const firstGap = run[1]!.across - run[0]!.across;
        if (Math.abs(gap - firstGap) > 0.25 * firstGap) break;
      }
      run.push(sorted[k]!);
    }
    if (run.length > best.length || (run.length === best.length && unlikeness(run) < unlikeness(best))) best = run;
  }
  return best;
}

function bandFrom(chosen: { l: TextLine; across: number }[], ref: TextLine): BandCandidate {
  const angle =
    chosen.reduce((s, c) => s + foldAngle(c.l.blob.angle - ref.blob.angle), 0) / chosen.length + ref.blob.angle;
  // Union of the lines' oriented extents, around the reference line's centre.
  const box = new OrientedExtent(ref.blob.cx, ref.blob.cy, angle);
  for (const { l } of chosen) box.add(l.blob.cx, l.blob.cy, l.blob.major, l.blob.minor);
  const { x: cx, y: cy } = box.centre();
  const length = box.length;
  const n = chosen.length;
  const meanLength = chosen.reduce((s, c) => s + c.l.blob.length, 0) / n;
  const lengthSpread = chosen.reduce((s, c) => s + Math.abs(c.l.blob.length - meanLength), 0) / n / meanLength;
  // Two or three equal lines are the MRZ signature; longer is better (the MRZ is the longest print on the page).
  const lineBonus = n === 2 ? 3 : n === 3 ? 2.6 : 1;
  const score = lineBonus * length * (1 - Math.min(0.5, lengthSpread));
  const charsPerLine = n === 3 ? 30 : 44;
  return {
    cx,
    cy,
    angle,
    halfLength: length / 2,
    halfThickness: box.thickness / 2,
    lines: n,
    pitch: length / charsPerLine,
    score,
  };
}

/** Joins collinear segments (same angle, on one axis, small gaps) into lines; returns one blob per line. */
export function chainSegments(segments: Blob[]): Blob[] {
  const parent = segments.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r]!;
    parent[i] = r;
    return r;
  };
  for (let i = 0; i < segments.length; i++) {
    const a = segments[i]!;
    const ux = Math.cos(a.angle);
    const uy = Math.sin(a.angle);
    for (let j = i + 1; j < segments.length; j++) {
      const b = segments[j]!;
      const th = Math.max(a.thickness, b.thickness);
      const ratio = a.thickness / b.thickness;
      if (ratio < 0.6 || ratio > 1.67) continue;
      if (Math.abs(deg(foldAngle(a.angle - b.angle))) > 6) continue;
      const dx = b.cx - a.cx;
      const dy = b.cy - a.cy;
      const along = dx * ux + dy * uy;
      const across = -dx * uy + dy * ux;
      if (Math.abs(across) > 0.5 * th) continue;
      // Gap between the two extents along a's axis.
      const aEnd = along > 0 ? a.major[1] : -a.major[0];
      const bHalf = b.length / 2;
      const gap = Math.abs(along) - aEnd - bHalf;
      if (gap > 2.5 * th) continue;
      parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, Blob[]>();
  for (let i = 0; i < segments.length; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(segments[i]!);
    else groups.set(r, [segments[i]!]);
  }
  const out: Blob[] = [];
  for (const members of groups.values()) {
    if (members.length === 1) {
      out.push(members[0]!);
      continue;
    }
    // Axis through the members, weighted by length: centroid and principal direction of their end points.
    let w = 0;
    let mx = 0;
    let my = 0;
    for (const m of members) {
      w += m.length;
      mx += m.cx * m.length;
      my += m.cy * m.length;
    }
    mx /= w;
    my /= w;
    let sxx = 0;
    let syy = 0;
    let sxy = 0;
    for (const m of members) {
      const ux = Math.cos(m.angle);
      const uy = Math.sin(m.angle);
      for (const t of m.major) {
        const x = m.cx + t * ux - mx;
        const y = m.cy + t * uy - my;
        sxx += x * x;
        syy += y * y;
        sxy += x * y;
      }
    }
    const box = new OrientedExtent(mx, my, principalAngle(sxx, syy, sxy));
    let area = 0;
    const bounds = { ...members[0]!.box };
    for (const m of members) {
      area += m.area;
      box.add(m.cx, m.cy, m.major, m.minor);
      bounds.left = Math.min(bounds.left, m.box.left);
      bounds.top = Math.min(bounds.top, m.box.top);
      bounds.right = Math.max(bounds.right, m.box.right);
      bounds.bottom = Math.max(bounds.bottom, m.box.bottom);
    }
    // The members' centroid stays the blob's centre (as findBlobs reports it); the extent is relative to it.
    out.push({
      area,
      cx: mx,
      cy: my,
      angle: box.angle,
      length: box.length,
      thickness: box.thickness,
      major: [box.major[0], box.major[1]],
      minor: [box.minor[0], box.minor[1]],
      box: bounds,
    });
  }
  return out;
}
