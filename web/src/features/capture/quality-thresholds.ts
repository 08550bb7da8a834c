import { MIN_DOCUMENT_AREA_SHARE, MIN_MRZ_CAP_HEIGHT_PX } from "contract/capture-size";
import type { DocumentDetection } from "./document-detection";
import type { FrameMetrics } from "./frame-metrics";

/** What a frame must meet for auto-capture. Heuristics: they never block the manual shutter. */
export interface QualityThresholds {
  minBrightness: number;
  maxGlare: number;
  minSharpness: number;
  minFill: number;
  maxMotion: number;
  /** Consecutive good frames before auto-capture fires. */
  goodFrames: number;
  /** 1: the document detector runs (a passport's MRZ in the band, large enough); 0: it does not. */
  detect: number;
}

export const DEFAULT_THRESHOLDS: QualityThresholds = {
  minBrightness: 60,
  maxGlare: 0.03,
  minSharpness: 120,
  minFill: 0.35,
  maxMotion: 8,
  goodFrames: 5,
  detect: 1,
};

/**
 * A hint for the person, most important first: the picture itself (light, glare, distance, movement, focus), then the
 * document in it (a passport page with its MRZ, the MRZ in the band, large enough for the server).
 */
export type Hint = "dark" | "glare" | "closer" | "blurry" | "still" | "document" | "band" | "small";
export const HINT_ORDER: readonly Hint[] = ["dark", "glare", "closer", "still", "blurry", "document", "band", "small"];

/** The document is large enough for the server's reading: MRZ capitals and page area (shared with the server). */
export function largeEnough(d: DocumentDetection): boolean {
  return (d.capHeightPx ?? 0) >= MIN_MRZ_CAP_HEIGHT_PX && (d.pageShare ?? 0) >= MIN_DOCUMENT_AREA_SHARE;
}

/** Every check the frame fails, in HINT_ORDER. Empty means the frame is good. No detection: its checks are off. */
export function failedChecks(m: FrameMetrics, t: QualityThresholds, document?: DocumentDetection | null): Hint[] {
  const failed: Hint[] = [];
  if (m.brightness < t.minBrightness) failed.push("dark");
  if (m.glare > t.maxGlare) failed.push("glare");
  if (m.fill < t.minFill) failed.push("closer");
  if (m.motion > t.maxMotion) failed.push("still");
  if (m.sharpness < t.minSharpness) failed.push("blurry");
  if (document) {
    if (!document.found) failed.push("document");
    else if (!document.inBand) failed.push("band");
    else if (!largeEnough(document)) failed.push("small");
  }
  return failed;
}

/** Parses thresholds from e.g. a URL query (`?minSharpness=80&goodFrames=3`), ignoring unknown or bad values. */
export function thresholdsFromParams(params: URLSearchParams, base: QualityThresholds = DEFAULT_THRESHOLDS) {
  const out: QualityThresholds = { ...base };
  for (const key of Object.keys(base) as (keyof QualityThresholds)[]) {
    const raw = params.get(key);
    if (raw === null || raw.trim() === "") continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) continue;
    out[key] = key === "goodFrames" ? Math.max(1, Math.round(value)) : value;
  }
  return out;
}
