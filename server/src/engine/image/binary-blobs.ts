import type { GrayImage } from "contract/geometry";
import { OrientedExtent, principalAngle } from "./oriented-extent";

/** A connected region of a binary mask, described by its oriented extent (principal axes of its pixels). */
export interface Blob {
  area: number;
  cx: number;
  cy: number;
  /** Angle of the major axis in radians, in (-pi/2, pi/2]; 0 = horizontal, positive = clockwise on screen (y down). */
  angle: number;
  /** Extent along the major axis (pixels), and across it. */
  length: number;
  thickness: number;
  /** Offsets of the extent along each axis relative to the centroid (min..max). */
  major: [number, number];
  minor: [number, number];
  /** Axis-aligned bounds in pixels (left and top inclusive, right and bottom exclusive). */
  box: { left: number; top: number; right: number; bottom: number };
}

/** Labels 8-connected regions of non-zero pixels; regions smaller than minArea are skipped. */
export function findBlobs(mask: GrayImage, minArea: number): Blob[] {
  const { width, height, data } = mask;
  const labels = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  const pixels = new Int32Array(width * height);
  const blobs: Blob[] = [];
  let next = 0;
  for (let start = 0; start < data.length; start++) {
    if (data[start] === 0 || labels[start] !== 0) continue;
    next++;
    let sp = 0;
    let count = 0;
    stack[sp++] = start;
    labels[start] = next;
    let sx = 0;
    let sy = 0;
    let left = width;
    let top = height;
    let right = 0;
    let bottom = 0;
    while (sp > 0) {
      const p = stack[--sp]!;
      pixels[count++] = p;
      const x = p % width;
      const y = (p - x) / width;
      sx += x;
      sy += y;
      if (x < left) left = x;
      if (x >= right) right = x + 1;
      if (y < top) top = y;
      if (y >= bottom) bottom = y + 1;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width || (dx === 0 && dy === 0)) continue;
          const q = ny * width + nx;
          if (data[q] !== 0 && labels[q] === 0) {
            labels[q] = next;
            stack[sp++] = q;
          }
        }
      }
    }
    if (count < minArea) continue;
    const cx = sx / count;
    const cy = sy / count;
    let mxx = 0;
    let myy = 0;
    let mxy = 0;
    for (let i = 0; i < count; i++) {
      const p = pixels[i]!;
      const x = (p % width) - cx;
      const y = Math.floor(p / width) - cy;
      mxx += x * x;
      myy += y * y;
      mxy += x * y;
    }
    const box = new OrientedExtent(cx, cy, principalAngle(mxx, myy, mxy));
    for (let i = 0; i < count; i++) {
      const p = pixels[i]!;
      box.add(p % width, Math.floor(p / width));
    }
    blobs.push({
      area: count,
      cx,
      cy,
      angle: box.angle,
      length: box.length + 1,
      thickness: box.thickness + 1,
      major: [box.major[0] - 0.5, box.major[1] + 0.5],
      minor: [box.minor[0] - 0.5, box.minor[1] + 0.5],
      box: { left, top, right, bottom },
    });
  }
  return blobs;
}
