import { useEffect, useRef, useState } from "react";
import { AutoCapture } from "./auto-capture";
import { DETECTION_WIDTH, type DocumentDetection, detectionGeometry } from "./document-detection";
import { ANALYSIS_WIDTH, type FrameMetrics } from "./frame-metrics";
import { guideRect, type Rect } from "./guide-geometry";
import { HintStabilizer } from "./hint-stabilizer";
import type { FrameAnswer, FrameMessage, FramePixels } from "./quality.worker";
import { failedChecks, type Hint, type QualityThresholds } from "./quality-thresholds";

/** Frames analysed per second: a few, enough for hints and a steady-frame count, cheap on phones. */
const INTERVAL_MS = 250;

export interface FrameQuality {
  metrics: FrameMetrics | null;
  /** The document detector's view of the last frame (null before the first, or with detection off). */
  document: DocumentDetection | null;
  /** The hint on screen (held >= 1 s), or null when the frame looks good. */
  hint: Hint | null;
  /** 0..1 towards auto-capture. */
  progress: number;
}

/** The part of the video in `area`, at `width` pixels wide: cropped and scaled by the browser where it can. */
async function grab(
  video: HTMLVideoElement,
  area: Rect,
  width: number,
  viaCanvas: boolean,
  canvas: () => HTMLCanvasElement,
): Promise<FramePixels | null> {
  const height = Math.max(1, Math.round((width * area.height) / area.width));
  if (!viaCanvas) {
    const bitmap = await createImageBitmap(video, area.x, area.y, area.width, area.height, {
      resizeWidth: width,
      resizeHeight: height,
      resizeQuality: "medium",
    });
    return { bitmap };
  }
  // Browsers that cannot crop/resize in createImageBitmap: drawn here, measured in the worker.
  const c = canvas();
  c.width = width;
  c.height = height;
  const ctx = c.getContext("2d", { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(video, area.x, area.y, area.width, area.height, 0, 0, width, height);
  return { rgba: ctx.getImageData(0, 0, width, height).data, width, height };
}

const transfers = (pixels: FramePixels | null | undefined): Transferable[] =>
  !pixels ? [] : "bitmap" in pixels ? [pixels.bitmap] : [pixels.rgba.buffer];

/**
 * Samples the live video a few times a second and measures it in a worker: the guide area for light, glare,
 * distance, movement and focus, and (unless `thresholds.detect` is 0) a wider area for the document detector (a
 * passport's MRZ in the band, large enough for the server). Keeps hints steady and calls onAutoCapture once after
 * `goodFrames` good frames in a row. Paused while `active` is false.
 */
export function useFrameQuality(
  video: HTMLVideoElement | null,
  active: boolean,
  thresholds: QualityThresholds,
  onAutoCapture: () => void,
): FrameQuality {
  const [state, setState] = useState<FrameQuality>({ metrics: null, document: null, hint: null, progress: 0 });
  const callback = useRef(onAutoCapture);
  callback.current = onAutoCapture;

  useEffect(() => {
    if (!video || !active) return;
    const worker = new Worker(new URL("./quality.worker.ts", import.meta.url), { type: "module", name: "quality" });
    const stabilizer = new HintStabilizer(1000);
    const auto = new AutoCapture(thresholds.goodFrames);
    const detect = thresholds.detect > 0;
    let busy = false;
    let viaCanvas = typeof createImageBitmap !== "function";
    const canvases: HTMLCanvasElement[] = [];
    const canvas = (i: number) => () => {
      canvases[i] ??= document.createElement("canvas");
      return canvases[i];
    };
    let seq = 0;
    let stopped = false;
    worker.addEventListener("message", (event: MessageEvent<FrameAnswer>) => {
      busy = false;
      if (stopped || !("metrics" in event.data)) return;
      const { metrics, document } = event.data;
      const failed = failedChecks(metrics, thresholds, detect ? document : null);
      const hint = stabilizer.update(failed[0] ?? null, performance.now());
      const fire = auto.frame(failed.length === 0);
      setState({ metrics, document, hint, progress: auto.progress() });
      if (fire) callback.current();
    });
    worker.addEventListener("error", () => {
      busy = false;
    });
    const sample = async () => {
      const guide = guideRect(video.videoWidth, video.videoHeight);
      const geometry = detect ? detectionGeometry(video.videoWidth, video.videoHeight) : null;
      const take = async (canvasMode: boolean) => {
        const quality = await grab(video, guide, ANALYSIS_WIDTH, canvasMode, canvas(0));
        const detection = geometry ? await grab(video, geometry.area, DETECTION_WIDTH, canvasMode, canvas(1)) : null;
        return { quality, detection };
      };
      let frames: Awaited<ReturnType<typeof take>>;
      try {
        frames = await take(viaCanvas);
      } catch {
        viaCanvas = true;
        frames = await take(true);
      }
      const { quality, detection } = frames;
      if (stopped || !quality || (geometry && !detection)) {
        for (const t of [...transfers(quality), ...transfers(detection)]) if (t instanceof ImageBitmap) t.close();
        busy = false;
        return;
      }
      const message: FrameMessage = {
        seq: ++seq,
        quality,
        ...(geometry && detection
          ? {
              detection: {
                pixels: detection,
                geometry: { scale: geometry.scale, band: geometry.band, videoArea: geometry.videoArea },
              },
            }
          : {}),
      };
      worker.postMessage(message, [...transfers(quality), ...transfers(detection)]);
    };
    const timer = window.setInterval(() => {
      if (busy || video.readyState < 2 || video.videoWidth === 0) return;
      busy = true;
      sample().catch(() => {
        busy = false;
      });
    }, INTERVAL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      worker.terminate();
    };
  }, [video, active, thresholds]);

  return state;
}
