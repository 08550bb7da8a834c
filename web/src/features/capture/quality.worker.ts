/// <reference lib="webworker" />
import { type GrayFrame, measureFrame, toGray } from "./frame-metrics";

/**
 * Measures frames off the main thread: receives a small ImageBitmap of the guide area (already downscaled by
 * createImageBitmap), draws it on an OffscreenCanvas, and answers with FrameMetrics.
 */
let canvas: OffscreenCanvas | undefined;
let previous: GrayFrame | undefined;

type FrameMessage =
  | { bitmap: ImageBitmap; seq: number }
  /** Fallback for browsers whose createImageBitmap cannot crop and resize a video: pixels drawn on the page. */
  | { rgba: Uint8ClampedArray; width: number; height: number; seq: number }
  | { reset: true };

function pixels(message: { bitmap: ImageBitmap }): { rgba: Uint8ClampedArray; width: number; height: number } {
  const { bitmap } = message;
  const { width, height } = bitmap;
  if (!canvas || canvas.width !== width || canvas.height !== height) canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  if (!ctx) throw new Error("no 2d context on OffscreenCanvas");
  ctx.drawImage(bitmap, 0, 0);
  return { rgba: ctx.getImageData(0, 0, width, height).data, width, height };
}

self.addEventListener("message", (event: MessageEvent<FrameMessage>) => {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const message = event.data;
  if ("reset" in message) {
    previous = undefined;
    return;
  }
  try {
    const { rgba, width, height } = "bitmap" in message ? pixels(message) : message;
    const gray = toGray(rgba, width, height);
    const metrics = measureFrame(gray, previous);
    previous = gray;
    scope.postMessage({ seq: message.seq, metrics });
  } catch (error) {
    scope.postMessage({ seq: message.seq, error: error instanceof Error ? error.message : String(error) });
  } finally {
    if ("bitmap" in message) message.bitmap.close();
  }
});
