import { useEffect, useRef, useState } from "react";
import { AutoCapture } from "./auto-capture";
import { ANALYSIS_WIDTH, type FrameMetrics } from "./frame-metrics";
import { guideRect } from "./guide-geometry";
import { HintStabilizer } from "./hint-stabilizer";
import { failedChecks, type Hint, type QualityThresholds } from "./quality-thresholds";

/** Frames analysed per second: a few, enough for hints and a steady-frame count, cheap on phones. */
const INTERVAL_MS = 250;

export interface FrameQuality {
  metrics: FrameMetrics | null;
  /** The hint on screen (held >= 1 s), or null when the frame looks good. */
  hint: Hint | null;
  /** 0..1 towards auto-capture. */
  progress: number;
}

/**
 * Samples the guide area of the live video a few times a second, measures it in a worker, keeps hints steady and
 * calls onAutoCapture once after `goodFrames` good frames in a row. Paused while `active` is false.
 */
export function useFrameQuality(
  video: HTMLVideoElement | null,
  active: boolean,
  thresholds: QualityThresholds,
  onAutoCapture: () => void,
): FrameQuality {
  const [state, setState] = useState<FrameQuality>({ metrics: null, hint: null, progress: 0 });
  const callback = useRef(onAutoCapture);
  callback.current = onAutoCapture;

  useEffect(() => {
    if (!video || !active) return;
    const worker = new Worker(new URL("./quality.worker.ts", import.meta.url), { type: "module", name: "quality" });
    const stabilizer = new HintStabilizer(1000);
    const auto = new AutoCapture(thresholds.goodFrames);
    let busy = false;
    let useCanvas = typeof createImageBitmap !== "function";
    let fallback: HTMLCanvasElement | undefined;
    let seq = 0;
    let stopped = false;
    worker.addEventListener("message", (event: MessageEvent<{ seq: number; metrics?: FrameMetrics }>) => {
      busy = false;
      const metrics = event.data.metrics;
      if (stopped || !metrics) return;
      const failed = failedChecks(metrics, thresholds);
      const hint = stabilizer.update(failed[0] ?? null, performance.now());
      const fire = auto.frame(failed.length === 0);
      setState({ metrics, hint, progress: auto.progress() });
      if (fire) callback.current();
    });
    worker.addEventListener("error", () => {
      busy = false;
    });
    const timer = window.setInterval(() => {
      if (busy || video.readyState < 2 || video.videoWidth === 0) return;
      const g = guideRect(video.videoWidth, video.videoHeight);
      busy = true;
      const width = ANALYSIS_WIDTH;
      const height = Math.round((ANALYSIS_WIDTH * g.height) / g.width);
      const viaCanvas = () => {
        // Browsers that cannot crop/resize in createImageBitmap: a 320 px draw here, the measuring in the worker.
        fallback ??= document.createElement("canvas");
        fallback.width = width;
        fallback.height = height;
        const ctx = fallback.getContext("2d", { willReadFrequently: true });
        if (!ctx) {
          busy = false;
          return;
        }
        ctx.drawImage(video, g.x, g.y, g.width, g.height, 0, 0, width, height);
        const rgba = ctx.getImageData(0, 0, width, height).data;
        worker.postMessage({ rgba, width, height, seq: ++seq }, [rgba.buffer]);
      };
      if (useCanvas) {
        viaCanvas();
        return;
      }
      createImageBitmap(video, g.x, g.y, g.width, g.height, {
        resizeWidth: width,
        resizeHeight: height,
        resizeQuality: "medium",
      }).then(
        (bitmap) => {
          if (stopped) {
            bitmap.close();
            return;
          }
          worker.postMessage({ bitmap, seq: ++seq }, [bitmap]);
        },
        () => {
          useCanvas = true;
          if (!stopped) viaCanvas();
        },
      );
    }, INTERVAL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      worker.terminate();
    };
  }, [video, active, thresholds]);

  return state;
}
