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
