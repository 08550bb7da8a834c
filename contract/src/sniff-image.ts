/** Image types the upstream accepts, recognised by their first bytes (never by the name or the declared type). */
export type AcceptedMediaType = "image/png" | "image/jpeg" | "image/bmp";

export type SniffResult =
  | { accepted: true; mediaType: AcceptedMediaType }
  | { accepted: false; detected: string | null };

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

/** Identifies PNG, JPEG and BMP; names the common formats we refuse so the message can say what to do. */
export function sniffImage(bytes: Uint8Array): SniffResult {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) && bytes.length >= 33) {
    return { accepted: true, mediaType: "image/png" };
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff]) && bytes.length >= 4) return { accepted: true, mediaType: "image/jpeg" };
  // "BM", then a DIB header size we know (12, 40, 52, 56, 64, 108, 124) at offset 14.
  if (startsWith(bytes, [0x42, 0x4d]) && bytes.length >= 26) {
    const dibSize = bytes[14]! | (bytes[15]! << 8) | (bytes[16]! << 16) | (bytes[17]! << 24);
    if ([12, 40, 52, 56, 64, 108, 124].includes(dibSize)) return { accepted: true, mediaType: "image/bmp" };
  }
  return { accepted: false, detected: detectRefused(bytes) };
}

function detectRefused(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return "GIF";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "WebP";
  if (ascii(bytes, 4, 8) === "ftyp") {
    const brand = ascii(bytes, 8, 12);
    if (["heic", "heix", "hevc", "hevx", "mif1", "msf1"].includes(brand)) return "HEIC";
    if (brand === "avif" || brand === "avis") return "AVIF";
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return "PDF";
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return "TIFF";
  const head = ascii(bytes, 0, Math.min(bytes.length, 256)).trimStart().toLowerCase();
  if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.includes("<svg"))) return "SVG";
  if (head.startsWith("<!doctype html") || head.startsWith("<html")) return "HTML";
  return null;
}
