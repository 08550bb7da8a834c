/**
 * Upstream limits that every image must fit (Tencent MLIDPassportOCR): at most 7 MB once base64-encoded,
 * PNG, JPEG or BMP. The offline engine applies the same limits so both providers accept the same inputs.
 */
export const MAX_BASE64_CHARS = 7 * 1024 * 1024;
/** The largest raw image whose base64 encoding stays within MAX_BASE64_CHARS. */
export const MAX_IMAGE_BYTES = Math.floor(MAX_BASE64_CHARS / 4) * 3;
/** Room for multipart boundaries, field names and JSON punctuation around the image. */
export const BODY_OVERHEAD_BYTES = 64 * 1024;
/** Request bodies above this are refused while they are read, before they are buffered. */
export const MAX_BODY_BYTES = MAX_BASE64_CHARS + BODY_OVERHEAD_BYTES;

export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

export function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The smallest photo worth reading: Tencent recommends more than 500x800 pixels, and the web app never sends less
 * than 800x500 (either orientation). The Tencent provider refuses smaller images before paying for a call.
 */
export const MIN_LONG_SIDE = 800;
export const MIN_SHORT_SIDE = 500;
