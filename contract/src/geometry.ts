/** Shared geometric types: image pixels or page millimetres, as each use says. */

export interface Point {
  x: number;
  y: number;
}

/** Four corners: top-left, top-right, bottom-right, bottom-left (in the reading order of what they outline). */
export type Quad = [Point, Point, Point, Point];

/** A grayscale raster: one luma byte per pixel, row-major, no padding. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}
