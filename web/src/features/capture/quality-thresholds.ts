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
}

export const DEFAULT_THRESHOLDS: QualityThresholds = {
  minBrightness: 60,
  maxGlare: 0.03,
  minSharpness: 120,
  minFill: 0.35,
  maxMotion: 8,
  goodFrames: 5,
};

/** A hint for the person, most important first. */
export type Hint = "dark" | "glare" | "closer" | "blurry" | "still";
export const HINT_ORDER: readonly Hint[] = ["dark", "glare", "closer", "still", "blurry"];

/** Every check the frame fails, in HINT_ORDER. Empty means the frame is good. */
export function failedChecks(m: FrameMetrics, t: QualityThresholds): Hint[] {
  const failed: Hint[] = [];
  if (m.brightness < t.minBrightness) failed.push("dark");
  if (m.glare > t.maxGlare) failed.push("glare");
  if (m.fill < t.minFill) failed.push("closer");
  if (m.motion > t.maxMotion) failed.push("still");
  if (m.sharpness < t.minSharpness) failed.push("blurry");
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
