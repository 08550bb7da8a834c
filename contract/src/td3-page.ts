import type { Point, Quad } from "./geometry";

/** The MRZ's character grid on a TD3 page (millimetres from the page's top-left corner). */
const MRZ = {
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

/**
 * ICAO 9303 TD3 (ID-3) data page in millimetres, origin at the page's top-left corner: 125 x 88 mm, MRZ characters on
 * a 2.54 mm pitch (10 per inch) starting 6 mm from the left edge, line centres 75.9 and 82.0 mm, cap height 2.42 mm;
 * the portrait zone 32 x 45 mm at (6, 17). The one source of this geometry: the engine, the synthetic generator and
 * the review screen's estimate all derive from it.
 */
export const TD3_MM = {
  page: { width: 125, height: 88 },
  mrz: MRZ,
  /** The box around the MRZ's characters: first to last cell, top of line 1's capitals to the bottom of line 2's. */
  mrzText: {
    left: MRZ.left,
    right: MRZ.left + MRZ.charsPerLine * MRZ.pitch,
    top: MRZ.centres[0] - MRZ.capHeight / 2,
    bottom: MRZ.centres[1] + MRZ.capHeight / 2,
  },
  portrait: { left: 6, top: 17, width: 32, height: 45 },
} as const;

/**
 * Maps page millimetres to image pixels from the MRZ text box (TL, TR, BR, BL in reading order). A similarity
 * transform: scale and direction from the text's length (111.8 mm, the long lever), the page's "down" perpendicular
 * to it, so the few millimetres of text height do not amplify errors across the page.
 */
export function pageToImage(textBox: Quad): (x: number, y: number) => Point {
  const [tl, tr, br, bl] = textBox;
  const mm = TD3_MM.mrzText;
  const top = { x: (tl.x + bl.x) / 2, y: (tl.y + bl.y) / 2 };
  const end = { x: (tr.x + br.x) / 2, y: (tr.y + br.y) / 2 };
  const len = Math.hypot(end.x - top.x, end.y - top.y);
  const s = len / (mm.right - mm.left);
  const ux = (end.x - top.x) / len;
  const uy = (end.y - top.y) / len;
  // Down the page: perpendicular to the text, on the side where line 2 lies (BL relative to TL).
  const side = Math.sign((bl.x - tl.x) * -uy + (bl.y - tl.y) * ux) || 1;
  const vx = -uy * side;
  const vy = ux * side;
  const midY = (mm.top + mm.bottom) / 2;
  return (x, y) => ({
    x: top.x + (x - mm.left) * s * ux + (y - midY) * s * vx,
    y: top.y + (x - mm.left) * s * uy + (y - midY) * s * vy,
  });
}

export function mmQuad(
  map: (x: number, y: number) => Point,
  left: number,
  top: number,
  right: number,
  bottom: number,
): Quad {
  return [map(left, top), map(right, top), map(right, bottom), map(left, bottom)];
}

export function polygonArea(q: readonly Point[]): number {
  let a = 0;
  for (let i = 0; i < q.length; i++) {
    const p = q[i]!;
    const n = q[(i + 1) % q.length]!;
    a += p.x * n.y - n.x * p.y;
  }
  return Math.abs(a) / 2;
}
