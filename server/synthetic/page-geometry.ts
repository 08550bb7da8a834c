import type { Point } from "contract/result";

/** ICAO TD3 (ID-3) data page layout in millimetres, origin at the page's top-left corner. */
export const PAGE_MM = { width: 125, height: 88 } as const;

export const MRZ_LAYOUT = {
  /** Left edge of the first character cell. */
  left: 6.0,
  /** Character pitch: 10 characters per inch. */
  pitch: 2.54,
  /** OCR-B size 1 character (cap) height. */
  capHeight: 2.42,
  /** Vertical centre lines of line 1 and line 2. */
  centres: [75.9, 82.0],
  charsPerLine: 44,
} as const;

/** The band the truth reports: the two text lines plus a 1.5 mm margin. */
export const MRZ_BAND_MM = {
  left: MRZ_LAYOUT.left - 1.5,
  right: MRZ_LAYOUT.left + MRZ_LAYOUT.pitch * MRZ_LAYOUT.charsPerLine + 1.5,
  top: MRZ_LAYOUT.centres[0] - MRZ_LAYOUT.capHeight / 2 - 1.5,
  bottom: MRZ_LAYOUT.centres[1] + MRZ_LAYOUT.capHeight / 2 + 1.5,
} as const;

export const PORTRAIT_MM = { left: 6, top: 17, width: 32, height: 45 } as const;

export type Quad = [Point, Point, Point, Point];

/** Corners top-left, top-right, bottom-right, bottom-left of a millimetre rectangle, scaled to pixels. */
export function rectQuad(left: number, top: number, right: number, bottom: number, scale: number): Quad {
  return [
    { x: left * scale, y: top * scale },
    { x: right * scale, y: top * scale },
    { x: right * scale, y: bottom * scale },
    { x: left * scale, y: bottom * scale },
  ];
}
