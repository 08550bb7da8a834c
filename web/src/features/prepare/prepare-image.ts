import { sniffImage } from "contract/sniff-image";
import type { CompressReply } from "./compress-protocol";
import { type CompressionTarget, DEFAULT_TARGET } from "./compression-plan";

/** A client-side failure before sending; `code` is mapped to words in i18n/strings/errors.ts like server codes. */
export class PrepareError extends Error {
  constructor(
    readonly code:
      | "image_too_small"
      | "image_unreadable"
      | "image_too_large"
      | "unsupported_media_type"
      | "heic_failed",
    message: string,
  ) {
    super(message);
    this.name = "PrepareError";
  }
}

export interface PreparedImage {
  blob: Blob;
  width: number;
  height: number;
  /** What the person gave us, for the numbers shown with the progress. */
  originalBytes: number;
  passes: number;
}

export interface PrepareOptions {
  signal?: AbortSignal;
  onProgress?: (stage: "convert" | "compress", percent: number) => void;
  target?: CompressionTarget;
}

const abortError = () => new DOMException("Cancelled", "AbortError");

/**
 * Turns a photo or file into a JPEG that fits the upstream: HEIC converted (library loaded only then), EXIF
 * orientation applied and every metadata block dropped by re-encoding, size and dimensions checked.
 */
export async function prepareImage(file: Blob, options: PrepareOptions = {}): Promise<PreparedImage> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw abortError();
  const head = new Uint8Array(await file.slice(0, 512).arrayBuffer());
  const sniff = sniffImage(head);
  let source: Blob = file;
  if (!sniff.accepted) {
    if (sniff.detected !== "HEIC") {
      throw new PrepareError(
        "unsupported_media_type",
        `This file is ${sniff.detected ?? "not an image we know"}; use a PNG, JPEG, BMP or HEIC photo.`,
      );
    }
    onProgress?.("convert", 0);
    try {
      const { heicTo } = await import("heic-to/csp");
      source = await heicTo({ blob: file, type: "image/jpeg", quality: 0.95 });
    } catch (error) {
      throw new PrepareError("heic_failed", `The HEIC photo could not be converted: ${String(error)}`);
    }
    if (signal?.aborted) throw abortError();
    onProgress?.("convert", 100);
  }
  const mediaType = sniff.accepted ? sniff.mediaType : "image/jpeg";
  const typed = source.type ? source : new Blob([source], { type: mediaType });
  return runWorker(typed, file.size, options.target ?? DEFAULT_TARGET, signal, onProgress);
}

function runWorker(
  file: Blob,
  originalBytes: number,
  target: CompressionTarget,
  signal: AbortSignal | undefined,
  onProgress: PrepareOptions["onProgress"],
): Promise<PreparedImage> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./compress.worker.ts", import.meta.url), { type: "module", name: "compress" });
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener("abort", onAbort);
    };
    const onAbort = () => {
      finish();
      reject(abortError());
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.addEventListener("message", (event: MessageEvent<CompressReply>) => {
      const reply = event.data;
      if (reply.type === "progress") {
        onProgress?.("compress", reply.percent);
        return;
      }
      finish();
      if (reply.type === "done") {
        resolve({ blob: reply.blob, width: reply.width, height: reply.height, originalBytes, passes: reply.passes });
      } else reject(new PrepareError(reply.code, reply.message));
    });
    worker.addEventListener("error", (event) => {
      finish();
      reject(new PrepareError("image_unreadable", event.message || "The image worker failed."));
    });
    worker.postMessage({ file, target });
  });
}
