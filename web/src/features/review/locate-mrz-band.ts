import type { GrayImage, Quad } from "contract/geometry";

/** A horizontal step of at least this much (0-255) counts as a text edge. */
const EDGE_STEP = 32;
/** Angles tried, in degrees (half-degree steps), level first so that ties keep the page level; a page held by hand
 *  is rarely tilted more than this. */
const ANGLES = [0, ...Array.from({ length: 12 }, (_, i) => [(i + 1) * 0.5, -(i + 1) * 0.5]).flat()];

interface Run {
  start: number;
  end: number;
}

interface Group {
  top: number;
  bottom: number;
  start: number;
  end: number;
}

function edgeMap(image: GrayImage): Uint8Array {
  const { width, height, data } = image;
  const edges = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width - 1; x++) {
      const a = data[row + x] ?? 0;
      const b = data[row + x + 1] ?? 0;
      if (Math.abs(a - b) >= EDGE_STEP) edges[row + x] = 1;
    }
  }
  return edges;
}

/** Longest stretch of a sheared row in which no gap between edges is wider than `gap` pixels. */
function longestRun(edges: Uint8Array, image: GrayImage, y: number, slope: number, gap: number): Run {
  const { width, height } = image;
  const cx = width / 2;
  let best: Run = { start: 0, end: 0 };
  let runStart = -1;
  let lastEdge = -Infinity;
  for (let x = 0; x < width; x++) {
    const sy = Math.round(y + (x - cx) * slope);
    const isEdge = sy >= 0 && sy < height && edges[sy * width + x] === 1;
    if (!isEdge) continue;
    if (x - lastEdge > gap) runStart = x;
    lastEdge = x;
    if (x - runStart > best.end - best.start) best = { start: runStart, end: x + 1 };
  }
  return best;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Finds the machine readable zone in a photo: the rows crossed by the longest unbroken stretches of text edges (two
 * or three lines of 30-44 characters beat every other line on a passport page), tried at small tilts. Returns the
 * band's corners in the image's pixels, or null when nothing band-like stands out. A review aid, not a reader.
 */
export function locateMrzBand(image: GrayImage): Quad | null {
  const { width, height } = image;
  if (width < 50 || height < 20) return null;
  const edges = edgeMap(image);
  // About one and a half MRZ character pitches when the page fills the photo: bridges narrow letters (I, L, 1) and
  // the filler runs, still splits printed words set apart by wider gaps or columns.
  const gap = Math.max(3, Math.round(width / 40));

  let bestSlope = 0;
  let bestRuns: Run[] = [];
  let bestScore = 0;
  for (const angle of ANGLES) {
    const slope = Math.tan((angle * Math.PI) / 180);
    const runs = Array.from({ length: height }, (_, y) => longestRun(edges, image, y, slope, gap));
    const lengths = runs.map((run) => run.end - run.start).sort((a, b) => b - a);
    // The MRZ has several rows of the same long run; score on the few longest so one stray line does not win.
    const score = (lengths[0] ?? 0) + (lengths[2] ?? 0) + (lengths[4] ?? 0);
    if (score > bestScore) {
      bestScore = score;
      bestRuns = runs;
      bestSlope = slope;
    }
  }

  const longest = Math.max(0, ...bestRuns.map((run) => run.end - run.start));
  if (longest < width * 0.25) return null;
  const groups: Group[] = [];
  let current: { rows: number[]; lastRow: number } | null = null;
  const flush = () => {
    if (!current || current.rows.length < 2) return;
    const rows = current.rows;
    groups.push({
      top: rows[0] ?? 0,
      bottom: (rows[rows.length - 1] ?? 0) + 1,
      start: median(rows.map((y) => bestRuns[y]?.start ?? 0)),
      end: median(rows.map((y) => bestRuns[y]?.end ?? 0)),
    });
  };
  bestRuns.forEach((run, y) => {
    if (run.end - run.start < longest * 0.6) return;
    if (current && y - current.lastRow <= 2) {
      current.rows.push(y);
      current.lastRow = y;
      return;
    }
    flush();
    current = { rows: [y], lastRow: y };
  });
  flush();
  if (groups.length === 0) return null;

  // Start from the widest line (the lowest one on ties: the MRZ sits at the foot of the page), then take in the
  // neighbouring lines of the same extent: the other MRZ lines.
  const widest = groups.reduce((best, group) =>
    group.end - group.start > (best.end - best.start) * 0.95 && group.top >= best.top ? group : best,
  );
  const band: Group = { ...widest };
  const lineHeight = widest.bottom - widest.top;
  const sameExtent = (group: Group) =>
    Math.min(group.end, band.end) - Math.max(group.start, band.start) >= 0.7 * (band.end - band.start);
  for (const direction of [-1, 1]) {
    const ordered = direction < 0 ? [...groups].reverse() : groups;
    for (const group of ordered) {
      const near = direction < 0 ? band.top - group.bottom : group.top - band.bottom;
      if (near < 0 || near > lineHeight * 2.5 || !sameExtent(group)) continue;
      band.top = Math.min(band.top, group.top);
      band.bottom = Math.max(band.bottom, group.bottom);
    }
  }

  const bandWidth = band.end - band.start;
  const bandHeight = band.bottom - band.top;
  if (bandWidth / bandHeight < 4) return null;
  const padX = bandWidth / 88;
  const padY = Math.max(1, bandHeight * 0.25);
  const x0 = Math.max(0, band.start - padX);
  const x1 = Math.min(width, band.end + padX);
  const y0 = band.top - padY;
  const y1 = band.bottom + padY;
  const cx = width / 2;
  const at = (x: number, y: number) => ({ x, y: y + (x - cx) * bestSlope });
  return [at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1)];
}
