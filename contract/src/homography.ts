import type { Point } from "./geometry";

/** Row-major 3x3 projective transform. */
export type Homography = [number, number, number, number, number, number, number, number, number];

/** The transform taking each `from` corner onto the matching `to` corner (four point pairs, no three collinear). */
export function homographyFromQuads(from: readonly Point[], to: readonly Point[]): Homography {
  if (from.length !== 4 || to.length !== 4) throw new RangeError("a homography needs exactly four point pairs");
  // Solve the 8x8 system A h = b for h = [a b c d e f g h], with i = 1.
  const a: number[][] = [];
  for (let k = 0; k < 4; k++) {
    const p = from[k] as Point;
    const q = to[k] as Point;
    a.push([p.x, p.y, 1, 0, 0, 0, -q.x * p.x, -q.x * p.y, q.x]);
    a.push([0, 0, 0, p.x, p.y, 1, -q.y * p.x, -q.y * p.y, q.y]);
  }
  for (let col = 0; col < 8; col++) {
    let pivot = col;
    for (let r = col + 1; r < 8; r++) {
      if (Math.abs(a[r]?.[col] ?? 0) > Math.abs(a[pivot]?.[col] ?? 0)) pivot = r;
    }
    const rowP = a[pivot] as number[];
    if (Math.abs(rowP[col] ?? 0) < 1e-12) throw new RangeError("degenerate quad: cannot compute a homography");
    a[pivot] = a[col] as number[];
    a[col] = rowP;
    for (let r = 0; r < 8; r++) {
      if (r === col) continue;
      const row = a[r] as number[];
      const factor = (row[col] ?? 0) / (rowP[col] ?? 1);
      for (let c = col; c < 9; c++) row[c] = (row[c] ?? 0) - factor * (rowP[c] ?? 0);
    }
  }
  const h = a.map((row, i) => (row[8] ?? 0) / (row[i] ?? 1));
  return [h[0] ?? 0, h[1] ?? 0, h[2] ?? 0, h[3] ?? 0, h[4] ?? 0, h[5] ?? 0, h[6] ?? 0, h[7] ?? 0, 1];
}

export function applyHomography(m: Homography, p: Point): Point {
  const w = m[6] * p.x + m[7] * p.y + m[8];
  return { x: (m[0] * p.x + m[1] * p.y + m[2]) / w, y: (m[3] * p.x + m[4] * p.y + m[5]) / w };
}

export function invertHomography(m: Homography): Homography {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (Math.abs(det) < 1e-12) throw new RangeError("singular homography");
  return [
    A / det,
    -(b * i - c * h) / det,
    (b * f - c * e) / det,
    B / det,
    (a * i - c * g) / det,
    -(a * f - c * d) / det,
    C / det,
    -(a * h - b * g) / det,
    (a * e - b * d) / det,
  ];
}
