import type { Point } from "contract/geometry";

/** Direction (radians, in (-pi/2, pi/2]) of the major principal axis of a point set's second central moments. */
export function principalAngle(sxx: number, syy: number, sxy: number): number {
  return 0.5 * Math.atan2(2 * sxy, sxx - syy);
}

/**
 * Smallest and largest offsets of points along an axis (angle, clockwise on screen with y down) and across it,
 * measured from an origin: the oriented box of what was added. Each point may bring its own extent along and
 * across (a member blob's `major` and `minor`), which widens the box around the point.
 */
export class OrientedExtent {
  readonly ux: number;
  readonly uy: number;
  readonly major: [number, number] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  readonly minor: [number, number] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

  constructor(
    readonly ox: number,
    readonly oy: number,
    readonly angle: number,
  ) {
    this.ux = Math.cos(angle);
    this.uy = Math.sin(angle);
  }

  add(x: number, y: number, along: readonly [number, number] = [0, 0], across: readonly [number, number] = [0, 0]) {
    const dx = x - this.ox;
    const dy = y - this.oy;
    const u = dx * this.ux + dy * this.uy;
    const v = -dx * this.uy + dy * this.ux;
    if (u + along[0] < this.major[0]) this.major[0] = u + along[0];
    if (u + along[1] > this.major[1]) this.major[1] = u + along[1];
    if (v + across[0] < this.minor[0]) this.minor[0] = v + across[0];
    if (v + across[1] > this.minor[1]) this.minor[1] = v + across[1];
  }

  get length(): number {
    return this.major[1] - this.major[0];
  }

  get thickness(): number {
    return this.minor[1] - this.minor[0];
  }

  /** The box centre in image coordinates. */
  centre(): Point {
    const mu = (this.major[0] + this.major[1]) / 2;
    const mv = (this.minor[0] + this.minor[1]) / 2;
    return { x: this.ox + mu * this.ux - mv * this.uy, y: this.oy + mu * this.uy + mv * this.ux };
  }
}
