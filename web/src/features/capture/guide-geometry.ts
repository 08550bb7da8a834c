/** ID-3 (passport data page) is 125 x 88 mm; the MRZ band is the bottom 23.2 mm of a TD3 page (ICAO 9303-4). */
export const ID3_WIDTH_MM = 125;
export const ID3_HEIGHT_MM = 88;
export const MRZ_HEIGHT_MM = 23.2;

/** Share of the shorter fitting dimension the guide takes, leaving a margin to aim. */
const GUIDE_SCALE = 0.9;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The guide frame (ID-3 aspect, centred) inside a video of the given size, in video pixels. */
export function guideRect(videoWidth: number, videoHeight: number): Rect {
  const aspect = ID3_WIDTH_MM / ID3_HEIGHT_MM;
  let width = videoWidth * GUIDE_SCALE;
  let height = width / aspect;
  if (height > videoHeight * GUIDE_SCALE) {
    height = videoHeight * GUIDE_SCALE;
    width = height * aspect;
  }
  return {
    x: Math.round((videoWidth - width) / 2),
    y: Math.round((videoHeight - height) / 2),
    width: Math.round(width),
    height: Math.round(height),
  };
}

/** Share of the guide's size added on the sides and below the area the document detector looks at. */
const DETECTION_MARGIN = 0.06;
/** The detector looks from this share of the guide's height down: an MRZ higher up is far from its band anyway. */
const DETECTION_TOP = 0.4;

/**
 * The area the document detector looks for the MRZ in: the lower 60 % of the guide with a margin on the sides and
 * below (lines a little off, or a page a little larger than the guide, are still seen whole), kept inside the
 * video. In video pixels.
 */
export function detectionRect(videoWidth: number, videoHeight: number): Rect {
  const guide = guideRect(videoWidth, videoHeight);
  const mx = Math.round(guide.width * DETECTION_MARGIN);
  const my = Math.round(guide.height * DETECTION_MARGIN);
  const x = Math.max(0, guide.x - mx);
  const y = Math.max(0, guide.y + Math.round(guide.height * DETECTION_TOP));
  return {
    x,
    y,
    width: Math.min(videoWidth, guide.x + guide.width + mx) - x,
    height: Math.min(videoHeight, guide.y + guide.height + my) - y,
  };
}

/** The guide's MRZ band (its bottom MRZ_HEIGHT_MM of ID3_HEIGHT_MM), in the guide's coordinates. */
export function mrzBandRect(guide: Rect): Rect {
  const height = (guide.height * MRZ_HEIGHT_MM) / ID3_HEIGHT_MM;
  return { x: guide.x, y: guide.y + guide.height - height, width: guide.width, height };
}
