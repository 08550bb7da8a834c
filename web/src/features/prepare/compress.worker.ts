/// <reference lib="webworker" />
import imageCompression from "browser-image-compression";
import type { CompressReply, CompressRequest } from "./compress-protocol";
import {
  type CompressionTarget,
  fitsUpstream,
  ImageTooSmallError,
  planCompression,
  stricterTarget,
} from "./compression-plan";

/**
 * Decodes (EXIF orientation applied by the browser), downsizes and re-encodes to JPEG without metadata, in passes
 * until the result fits the upstream. Runs in a module worker so a 50 MP photo never blocks the page.
 */
const post = (reply: CompressReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply);

async function size(blob: Blob): Promise<{ width: number; height: number }> {
  const bitmap = await createImageBitmap(blob);
  const out = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return out;
}

async function compress({ file, target }: CompressRequest): Promise<void> {
  let input: { width: number; height: number };
  try {
    input = await size(file);
  } catch {
    post({ type: "error", code: "image_unreadable", message: "The browser could not decode this image." });
    return;
  }
  let current: CompressionTarget | undefined = target;
  let passes = 0;
  while (current) {
    passes++;
    const options = planCompression(input.width, input.height, current);
    const base = (passes - 1) * 20;
    const result = await imageCompression(new File([file], "passport", { type: file.type || "image/jpeg" }), {
      ...options,
      onProgress: (p) => post({ type: "progress", percent: Math.min(99, base + p * (1 - base / 100)) }),
    });
    const out = await size(result);
    if (fitsUpstream(result.size, out.width, out.height)) {
      post({ type: "done", blob: result, width: out.width, height: out.height, passes });
      return;
    }
    current = stricterTarget(current, Math.max(out.width, out.height));
  }
  post({ type: "error", code: "image_too_large", message: "The image could not be made small enough." });
}

self.addEventListener("message", (event: MessageEvent<CompressRequest>) => {
  compress(event.data).catch((error: unknown) => {
    if (error instanceof ImageTooSmallError) post({ type: "error", code: error.code, message: error.message });
    else
      post({
        type: "error",
        code: "image_unreadable",
        message: error instanceof Error ? error.message : String(error),
      });
  });
});
