import { mmQuad, pageToImage, polygonArea, TD3_MM } from "contract/td3-page";
import type { GrayFrame } from "./frame-metrics";
import { detectionRect, guideRect, mrzBandRect, type Rect } from "./guide-geometry";
import { findMrzLines } from "./mrz-lines";

/** The detector's frame is the detection area at this width: MRZ capitals are 7-12 px tall here when it matters. */
export const DETECTION_WIDTH = 640;

/** What the live view knows about the document in one frame, judged as the server will judge the photo. */
export interface DocumentDetection {
  /** A passport's MRZ (two lines shaped like TD3) is in view. */
  found: boolean;
  /** Both MRZ lines lie inside the guide's marked band. */
  inBand: boolean;
  /** MRZ capital height in video pixels (the server warns below MIN_MRZ_CAP_HEIGHT_PX in the photo). */
  capHeightPx: number | null;
  /** The page's area, placed from its MRZ on a TD3 page, as a share of the whole video frame. */
  pageShare: number | null;
}

/** How the detector's frame maps to the video: its scale, and where the guide's band lies in it. */
export interface DetectionGeometry {
  /** Detector frame pixels per video pixel. */
  scale: number;
  /** The guide's MRZ band, in detector frame pixels. */
  band: Rect;
  /** The whole video frame's area, in video pixels. */
  videoArea: number;
}

export function detectionGeometry(videoWidth: number, videoHeight: number): DetectionGeometry & { area: Rect } {
  const area = detectionRect(videoWidth, videoHeight);
  const scale = DETECTION_WIDTH / area.width;
  const band = mrzBandRect(guideRect(videoWidth, videoHeight));
  return {
    area,
    scale,
    band: {
      x: (band.x - area.x) * scale,
      y: (band.y - area.y) * scale,
      width: band.width * scale,
      height: band.height * scale,
    },
    videoArea: videoWidth * videoHeight,
  };
}

/** The frame's document checks: is a passport's MRZ there, inside the band, and large enough for the server. */
export function detectDocument(frame: GrayFrame, geometry: DetectionGeometry): DocumentDetection {
  const mrz = findMrzLines(frame);
  if (!mrz) return { found: false, inBand: false, capHeightPx: null, pageShare: null };
  const { band, scale } = geometry;
  // A quarter of a capital's height of leeway up and down, 3 % of the band's width sideways.
  const dy = mrz.capHeight / 4;
  const dx = band.width * 0.03;
  const inBand = mrz.box.every(
    (p) =>
      p.y >= band.y - dy && p.y <= band.y + band.height + dy && p.x >= band.x - dx && p.x <= band.x + band.width + dx,
  );
  const page = mmQuad(pageToImage(mrz.box), 0, 0, TD3_MM.page.width, TD3_MM.page.height);
  return {
    found: true,
    inBand,
    capHeightPx: mrz.capHeight / scale,
    pageShare: polygonArea(page) / (scale * scale) / geometry.videoArea,
  };
}
