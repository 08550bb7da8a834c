import type { Point } from "contract/result";

export type Quad = [Point, Point, Point, Point];

/** ICAO 9303 part 4, TD3 data page: 125 x 88 mm; MRZ characters start 6 mm from the left edge at 2.54 mm pitch
 *  (44 columns), reference centre lines 16.35 mm (upper) and 6.35 mm (lower) above the bottom edge. */
const TD3_PAGE = { width: 125, height: 88 };
const TD3_LEFT = 6;
const TD3_PITCH = 2.54;
const TD3_UPPER_CENTRE = 16.35;
const TD3_LOWER_CENTRE = 6.35;
/** Half of the line spacing: the band reaches this far above the upper and below the lower centre line. */
const TD3_HALF_LINE = (TD3_UPPER_CENTRE - TD3_LOWER_CENTRE) / 2;

/** Where the MRZ of a TD3 page would be if the image showed exactly the data page, upright (an estimate). */
export function td3BandEstimate(size: { width: number; height: number }, columns = 44): Quad {
  const sx = size.width / TD3_PAGE.width;
  const sy = size.height / TD3_PAGE.height;
  const left = TD3_LEFT * sx;
  const right = (TD3_LEFT + columns * TD3_PITCH) * sx;
  const top = (TD3_PAGE.height - TD3_UPPER_CENTRE - TD3_HALF_LINE) * sy;
  const bottom = (TD3_PAGE.height - TD3_LOWER_CENTRE + TD3_HALF_LINE) * sy;
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
