import type { Point, Quad } from "contract/geometry";
import type { GrayFrame } from "./frame-metrics";

/**
 * Finds a passport's machine readable zone in a small grayscale frame, cheaply enough for every analysed frame on a
 * phone: dark marks on a lighter local background (a local-mean threshold from an integral image), their connected
 * components, chains of character-sized components along a line, and a pair of such lines shaped like a TD3 MRZ
 * (two lines of 44 characters: as long as ~46 capital heights, ~2.5 capital heights apart, equally tall).
 */

export interface MrzLines {
  /** The text's corners (top-left, top-right, bottom-right, bottom-left of the two lines), in frame pixels. */
  box: Quad;
  /** Capital height in frame pixels (the taller characters of both lines). */
  capHeight: number;
  /** Characters (components) found on each line. */
  characters: [number, number];
}

/** Half the side of the local-mean window (25 x 25 px): a few capital heights at the sizes that matter. */
const WINDOW = 12;
/** A mark is darker than its surroundings by this share of the local mean, and by at least MIN_CONTRAST levels. */
const DARKER = 0.1;
const MIN_CONTRAST = 8;
/** Component heights that can be MRZ characters, in frame pixels. */
const MIN_CHAR = 3;
const MAX_CHAR = 60;
/** A TD3 line: 44 characters on a 2.54 mm pitch, capitals 2.42 mm tall, line centres 6.1 mm apart. */
const LENGTH_PER_CAP = { min: 30, max: 60 };
const SPACING_PER_CAP = { min: 1.9, max: 3.3 };
const MIN_CHARS_PER_LINE = 22;
/** Capitals and digits are a line's tallest marks; fillers (<) are shorter and broken characters shorter still. */
const CAP_QUANTILE = 0.9;
/**
 * A thresholded character's box is taller than its ink by about this many pixels (its anti-aliased edges count as
 * dark): measured on the synthetic passport scaled like the live frames (in video pixels 24.3 for 24.3 and 17.1 for 17.0, through Chromium's own downscaling).
 */
const THRESHOLD_GROWTH = 0.9;

interface Component {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

let scratch: { integral: Int32Array; labels: Int32Array; parent: Int32Array; boxes: Int32Array } | undefined;

/** Working memory, kept between frames (the worker analyses frames of one size, a few times a second). */
function buffers(width: number, height: number) {
  const size = width * height;
  if (!scratch || scratch.labels.length < size) {
    const marks = (size >> 2) + 2;
    scratch = {
      integral: new Int32Array((width + 1) * (height + 1)),
      labels: new Int32Array(size),
      parent: new Int32Array(marks),
      boxes: new Int32Array(marks * 4),
    };
  }
  if (scratch.integral.length < (width + 1) * (height + 1))
    scratch.integral = new Int32Array((width + 1) * (height + 1));
  return scratch;
}

function find(parent: Int32Array, a: number): number {
  let root = a;
  while (parent[root] !== root) root = parent[root]!;
  while (parent[a] !== root) {
    const next = parent[a]!;
    parent[a] = root;
    a = next;
  }
  return root;
}

/** Dark marks as connected components (4-connectivity, two passes with union-find). */
function darkComponents(frame: GrayFrame): Component[] {
  const { width: w, height: h, data } = frame;
  const { integral, labels, parent, boxes } = buffers(w, h);
  const stride = w + 1;
  integral.fill(0, 0, stride);
  for (let y = 1; y <= h; y++) {
    let row = 0;
    const at = y * stride;
    integral[at] = 0;
    const src = (y - 1) * w - 1;
    for (let x = 1; x <= w; x++) {
      row += data[src + x]!;
      integral[at + x] = integral[at - stride + x]! + row;
    }
  }
  // Dark: at least DARKER below the window's mean and MIN_CONTRAST levels below it, in integers (no division).
  const keep = Math.round((1 - DARKER) * 100);
  let next = 1;
  parent[0] = 0;
  for (let y = 0; y < h; y++) {
    const y0 = y > WINDOW ? y - WINDOW : 0;
    const y1 = Math.min(y + WINDOW + 1, h);
    const top = y0 * stride;
    const bottom = y1 * stride;
    const row = y * w;
    for (let x = 0; x < w; x++) {
      const i = row + x;
      const x0 = x > WINDOW ? x - WINDOW : 0;
      const x1 = Math.min(x + WINDOW + 1, w);
      const sum = integral[bottom + x1]! - integral[top + x1]! - integral[bottom + x0]! + integral[top + x0]!;
      const area = (x1 - x0) * (y1 - y0);
      const v = data[i]! * area;
      if (v * 100 > sum * keep || sum - v < MIN_CONTRAST * area) {
        labels[i] = 0;
        continue;
      }
      const left = x > 0 ? labels[i - 1]! : 0;
      const up = y > 0 ? labels[i - w]! : 0;
      let label: number;
      if (left === 0 && up === 0) {
        if (next >= parent.length) {
          labels[i] = 0; // Too many marks to be a document (noise): the rest of the frame is left out.
          continue;
        }
        label = next++;
        parent[label] = label;
        const at = label * 4;
        boxes[at] = x;
        boxes[at + 1] = x;
        boxes[at + 2] = y;
        boxes[at + 3] = y;
      } else if (left !== 0 && up !== 0 && left !== up) {
        const a = find(parent, left);
        const b = find(parent, up);
        label = Math.min(a, b);
        parent[Math.max(a, b)] = label;
      } else label = left || up;
      labels[i] = label;
      // The box of this provisional label; boxes are folded into their component's at the end.
      const at = label * 4;
      if (x < boxes[at]!) boxes[at] = x;
      if (x > boxes[at + 1]!) boxes[at + 1] = x;
      if (y > boxes[at + 3]!) boxes[at + 3] = y;
    }
  }
  for (let label = next - 1; label >= 1; label--) {
    const root = find(parent, label);
    if (root === label) continue;
    const at = label * 4;
    const to = root * 4;
    if (boxes[at]! < boxes[to]!) boxes[to] = boxes[at]!;
    if (boxes[at + 1]! > boxes[to + 1]!) boxes[to + 1] = boxes[at + 1]!;
    if (boxes[at + 2]! < boxes[to + 2]!) boxes[to + 2] = boxes[at + 2]!;
    if (boxes[at + 3]! > boxes[to + 3]!) boxes[to + 3] = boxes[at + 3]!;
  }
  const components: Component[] = [];
  for (let label = 1; label < next; label++) {
    if (find(parent, label) !== label) continue;
    const at = label * 4;
    components.push({ minX: boxes[at]!, maxX: boxes[at + 1]!, minY: boxes[at + 2]!, maxY: boxes[at + 3]! });
  }
  return components;
}

interface Mark {
  cx: number;
  cy: number;
  height: number;
  width: number;
  minX: number;
  maxX: number;
}

interface TextLine {
  marks: Mark[];
  /** Centre line y = a + b x. */
  a: number;
  b: number;
  minX: number;
  maxX: number;
  capHeight: number;
}

/** Component boxes that can be characters (or two filler characters run together). */
function characterMarks(components: Component[]): Mark[] {
  const marks: Mark[] = [];
  for (const c of components) {
    const height = c.maxY - c.minY + 1;
    const width = c.maxX - c.minX + 1;
    if (height < MIN_CHAR || height > MAX_CHAR || width > height * 2.5) continue;
    marks.push({ cx: (c.minX + c.maxX) / 2, cy: (c.minY + c.maxY) / 2, height, width, minX: c.minX, maxX: c.maxX });
  }
  return marks.sort((p, q) => p.cx - q.cx);
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** The marks' heights across a line of slope b (a turned box is taller than the character in it). */
function uprightHeights(marks: Mark[], b: number): number[] {
  const cos = 1 / Math.hypot(1, b);
  const sin = Math.abs(b) * cos;
  return marks.map((m) => Math.max(1, (m.height * cos - m.width * sin) / (cos * cos - sin * sin)));
}

/**
 * Chains marks into text lines: each mark joins every mark to its right that is close, at the same height and of a
 * similar size (so a character the threshold broke into pieces does not break the line).
 */
function textLines(marks: Mark[]): TextLine[] {
  const parent = marks.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < marks.length; i++) {
    const m = marks[i]!;
    // Marks are in x order; none further than this can pass the checks below (a neighbour is at most 3.3x taller).
    const reach = m.cx + m.height * 3.3 * 4;
    for (let j = i + 1; j < marks.length; j++) {
      const n = marks[j]!;
      if (n.cx > reach) break;
      const size = Math.max(m.height, n.height);
      const gap = n.minX - m.maxX;
      if (gap < -size * 0.3 || gap > size * 1.6) continue;
      if (Math.abs(n.cy - m.cy) > size * 0.35) continue;
      const ratio = n.height / m.height;
      if (ratio < 0.3 || ratio > 3.3) continue;
      parent[root(j)] = root(i);
    }
  }
  const groups = new Map<number, Mark[]>();
  marks.forEach((mark, i) => {
    const r = root(i);
    const group = groups.get(r);
    if (group) group.push(mark);
    else groups.set(r, [mark]);
  });
  const lines: TextLine[] = [];
  for (const group of groups.values()) {
    if (group.length < MIN_CHARS_PER_LINE) continue;
    const n = group.length;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let sxy = 0;
    for (const m of group) {
      sx += m.cx;
      sy += m.cy;
      sxx += m.cx * m.cx;
      sxy += m.cx * m.cy;
    }
    const denominator = n * sxx - sx * sx;
    const b = denominator === 0 ? 0 : (n * sxy - sx * sy) / denominator;
    const a = (sy - b * sx) / n;
    const capHeight = quantile(uprightHeights(group, b), CAP_QUANTILE);
    const minX = Math.min(...group.map((m) => m.minX));
    const maxX = Math.max(...group.map((m) => m.maxX));
    const length = (maxX - minX) * Math.hypot(1, b);
    if (length < capHeight * LENGTH_PER_CAP.min || length > capHeight * LENGTH_PER_CAP.max) continue;
    // Straight: the marks' centres stay close to the fitted line.
    const scatter = quantile(
      group.map((m) => Math.abs(m.cy - (a + b * m.cx))),
      0.8,
    );
    if (scatter > capHeight * 0.3) continue;
    lines.push({ marks: group, a, b, minX, maxX, capHeight });
  }
  return lines;
}

/** The pair of lines most like a TD3 MRZ, or null. */
function bestPair(lines: TextLine[]): [TextLine, TextLine] | null {
  let best: [TextLine, TextLine] | null = null;
  let bestScore = 0;
  for (const first of lines) {
    for (const second of lines) {
      if (first === second) continue;
      const x = (Math.max(first.minX, second.minX) + Math.min(first.maxX, second.maxX)) / 2;
      const below = second.a + second.b * x - (first.a + first.b * x);
      if (below <= 0) continue;
      const cap = (first.capHeight + second.capHeight) / 2;
      const sizeRatio = first.capHeight / second.capHeight;
      if (sizeRatio < 0.75 || sizeRatio > 1.33) continue;
      if (below < cap * SPACING_PER_CAP.min || below > cap * SPACING_PER_CAP.max) continue;
      if (Math.abs(Math.atan(first.b) - Math.atan(second.b)) > 0.05) continue;
      const overlap = Math.min(first.maxX, second.maxX) - Math.max(first.minX, second.minX);
      const span = Math.max(first.maxX, second.maxX) - Math.min(first.minX, second.minX);
      if (overlap < span * 0.8) continue;
      const score = first.marks.length + second.marks.length;
      if (score > bestScore) {
        bestScore = score;
        best = [first, second];
      }
    }
  }
  return best;
}

/** The MRZ's two lines in the frame, or null when the frame shows none. */
export function findMrzLines(frame: GrayFrame): MrzLines | null {
  const pair = bestPair(textLines(characterMarks(darkComponents(frame))));
  if (!pair) return null;
  const [top, bottom] = pair;
  const capHeight =
    quantile([...uprightHeights(top.marks, top.b), ...uprightHeights(bottom.marks, bottom.b)], CAP_QUANTILE) -
    THRESHOLD_GROWTH;
  const x0 = Math.min(top.minX, bottom.minX);
  const x1 = Math.max(top.maxX, bottom.maxX) + 1;
  const half = capHeight / 2;
  const at = (line: TextLine, x: number, dy: number): Point => ({ x, y: line.a + line.b * x + dy });
  return {
    box: [at(top, x0, -half), at(top, x1, -half), at(bottom, x1, half), at(bottom, x0, half)],
    capHeight,
    characters: [top.marks.length, bottom.marks.length],
  };
}
