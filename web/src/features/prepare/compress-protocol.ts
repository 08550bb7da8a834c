import type { CompressionTarget } from "./compression-plan";

/** Messages between prepare-image.ts and compress.worker.ts. */
export interface CompressRequest {
  file: Blob;
  target: CompressionTarget;
}

export type CompressReply =
  | { type: "progress"; percent: number }
  | { type: "done"; blob: Blob; width: number; height: number; passes: number }
  | { type: "error"; code: "image_too_small" | "image_unreadable" | "image_too_large"; message: string };
