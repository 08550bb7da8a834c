/// <reference lib="webworker" />
import { type DetectionGeometry, type DocumentDetection, detectDocument } from "./document-detection";
import { type FrameMetrics, type GrayFrame, measureFrame, toGray } from "./frame-metrics";

/**
 * Measures frames off the main thread. Each message carries the guide area, small (ANALYSIS_WIDTH), for the picture's
 * measures, and optionally the detection area (DETECTION_WIDTH) for the document detector; each as an ImageBitmap
 * already cropped and downscaled by createImageBitmap, or as pixels drawn on the page where that cannot crop.
 */
export type FramePixels = { bitmap: ImageBitmap } | { rgba: Uint8ClampedArray; width: number; height: number };

export type FrameMessage =
  | { seq: number; quality: FramePixels; detection?: { pixels: FramePixels; geometry: DetectionGeometry } }
  | { reset: true };

export type FrameAnswer =
  | { seq: number; metrics: FrameMetrics; document: DocumentDetection | null; detectMs: number | null }
  | { seq: number; error: string };

/** One canvas per frame size (the guide area and the detection area alternate). */
const canvases = new Map<string, OffscreenCanvas>();
let previous: GrayFrame | undefined;

function gray(pixels: FramePixels): GrayFrame {
  if (!("bitmap" in pixels)) return toGray(pixels.rgba, pixels.width, pixels.height);
  const { bitmap } = pixels;
  const { width, height } = bitmap;
  const key = `${width}x${height}`;
  let canvas = canvases.get(key);
  if (!canvas) {
    canvas = new OffscreenCanvas(width, height);
    canvases.set(key, canvas);
  }
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  if (!ctx) throw new Error("no 2d context on OffscreenCanvas");
  ctx.drawImage(bitmap, 0, 0);
  return toGray(ctx.getImageData(0, 0, width, height).data, width, height);
}

function close(pixels: FramePixels | undefined): void {
  if (pixels && "bitmap" in pixels) pixels.bitmap.close();
}

self.addEventListener("message", (event: MessageEvent<FrameMessage>) => {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const message = event.data;
  if ("reset" in message) {
    previous = undefined;
    return;
  }
  let answer: FrameAnswer;
  try {
    const frame = gray(message.quality);
    const metrics = measureFrame(frame, previous);
    previous = frame;
    let document: DocumentDetection | null = null;
    let detectMs: number | null = null;
    if (message.detection) {
      const started = performance.now();
      document = detectDocument(gray(message.detection.pixels), message.detection.geometry);
      detectMs = performance.now() - started;
    }
    answer = { seq: message.seq, metrics, document, detectMs };
  } catch (error) {
    answer = { seq: message.seq, error: error instanceof Error ? error.message : String(error) };
  } finally {
    close(message.quality);
    close(message.detection?.pixels);
  }
  scope.postMessage(answer);
});
