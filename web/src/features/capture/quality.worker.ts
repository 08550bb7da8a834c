/// <reference lib="webworker" />
import { type GrayFrame, measureFrame, toGray } from "./frame-metrics";

/**
 * Measures frames off the main thread: receives a small ImageBitmap of the guide area (already downscaled by
 * createImageBitmap), draws it on an OffscreenCanvas, and answers with FrameMetrics.
 */
let canvas: OffscreenCanvas | undefined;
let previous: GrayFrame | undefined;

self.addEventListener("message", (event: MessageEvent<{ bitmap: ImageBitmap; seq: number } | { reset: true }>) => {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  if ("reset" in event.data) {
    previous = undefined;
    return;
  }
  const { bitmap, seq } = event.data;
  try {
    const { width, height } = bitmap;
    if (!canvas || canvas.width !== width || canvas.height !== height) canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext("2d", { willReadFrequently: true });
    if (!ctx) throw new Error("no 2d context on OffscreenCanvas");
    ctx.drawImage(bitmap, 0, 0);
    const gray = toGray(ctx.getImageData(0, 0, width, height).data, width, height);
    const metrics = measureFrame(gray, previous);
    previous = gray;
    scope.postMessage({ seq, metrics });
  } catch (error) {
    scope.postMessage({ seq, error: error instanceof Error ? error.message : String(error) });
  } finally {
    bitmap.close();
  }
});
