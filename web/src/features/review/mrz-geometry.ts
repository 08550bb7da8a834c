import type { Quad } from "contract/geometry";
import { TD3_MM } from "contract/td3-page";

/** Where the MRZ of a TD3 page would be if the image showed exactly the data page, upright (an estimate, from the
 *  contract's TD3 page geometry): `columns` character cells of each line, reaching half the line spacing above the
 *  upper and below the lower centre line. */
export function td3BandEstimate(size: { width: number; height: number }, columns = 44): Quad {
  const { page, mrz } = TD3_MM;
  const [upper, lower] = mrz.centres;
  const halfLine = (lower - upper) / 2;
  const sx = size.width / page.width;
  const sy = size.height / page.height;
  const left = mrz.left * sx;
  const right = (mrz.left + columns * mrz.pitch) * sx;
  const top = (upper - halfLine) * sy;
  const bottom = (lower + halfLine) * sy;
  return [
    { x: left, y: top },
    { x: right, y: top },
    { x: right, y: bottom },
    { x: left, y: bottom },
  ];
}

/** The affine map (SVG `matrix(a b c d e f)`) taking band cells — x in columns, y in lines — onto the quad.
 *  Uses the top-left corner and the top and left edges, so a slightly skewed band keeps its slant. */
export function bandMatrix(
  quad: Quad,
  columns: number,
  lines: number,
): [number, number, number, number, number, number] {
  const [topLeft, topRight, bottomRight, bottomLeft] = quad;
  // Average opposite edges so one bad corner does not tilt the whole overlay.
  const ux = (topRight.x - topLeft.x + (bottomRight.x - bottomLeft.x)) / 2;
  const uy = (topRight.y - topLeft.y + (bottomRight.y - bottomLeft.y)) / 2;
  const vx = (bottomLeft.x - topLeft.x + (bottomRight.x - topRight.x)) / 2;
  const vy = (bottomLeft.y - topLeft.y + (bottomRight.y - topRight.y)) / 2;
  return [ux / columns, uy / columns, vx / lines, vy / lines, topLeft.x, topLeft.y];
}

export function quadPoints(quad: Quad): string {
  return quad.map((point) => `${round(point.x)},${round(point.y)}`).join(" ");
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
