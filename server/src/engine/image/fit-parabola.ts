/** A parabola y = a + b u + c u^2. */
export interface Parabola {
  a: number;
  b: number;
  c: number;
}

const det3 = (m: readonly (readonly number[])[]) =>
  m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) -
  m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) +
  m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);

/**
 * The least-squares parabola through points (u, y), by its normal equations (3 x 3, Cramer's rule). Give u scaled to
 * about [-1, 1]: the equations hold powers of u up to the fourth. Null when the points do not determine a parabola
 * (fewer than three distinct u).
 */
export function fitParabola(us: readonly number[], ys: readonly number[]): Parabola | null {
  const s = [0, 0, 0, 0, 0];
  const v = [0, 0, 0];
  for (let i = 0; i < us.length; i++) {
    const u = us[i]!;
    const y = ys[i]!;
    let p = 1;
    for (let k = 0; k < 5; k++, p *= u) s[k]! += p;
    v[0]! += y;
    v[1]! += y * u;
    v[2]! += y * u * u;
  }
  const m = [
    [s[0]!, s[1]!, s[2]!],
    [s[1]!, s[2]!, s[3]!],
    [s[2]!, s[3]!, s[4]!],
  ];
  const d = det3(m);
  if (Math.abs(d) < 1e-9 * Math.max(1, s[0]! ** 3)) return null;
  const solve = (k: number) => det3(m.map((row, i) => row.map((x, j) => (j === k ? v[i]! : x)))) / d;
  return { a: solve(0), b: solve(1), c: solve(2) };
}

/** The parabola's value at u. */
export const parabolaAt = (p: Parabola, u: number): number => p.a + p.b * u + p.c * u * u;
