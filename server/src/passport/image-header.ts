import type { AcceptedMediaType } from "contract/sniff-image";
import { AppError } from "../errors";

/** What an image's own structure says about it, read without decoding a pixel. */
export interface ImageHeader {
  width: number;
  height: number;
  /** Bits per channel (PNG 1..16, JPEG 8 or 12) or per pixel (BMP 1..32). */
  bitDepth: number;
  /**
   * The file is whole: a PNG's chunks chain to IEND, a JPEG has an end-of-image marker after its first scan, a BMP
   * holds all the pixel rows its header declares.
   */
  complete: boolean;
}

const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32be = (b: Uint8Array, at: number) =>
  ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const i32le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24);

/**
 * Reads dimensions, depth and completeness from the headers of a PNG, JPEG or BMP (already sniffed by its first
 * bytes). Null when the header itself is missing or broken. Cost: a walk over PNG chunk headers or JPEG marker
 * segments, not over the pixels; a JPEG that does not end with its end-of-image marker is searched backwards for it.
 */
export function readImageHeader(bytes: Uint8Array, mediaType: AcceptedMediaType): ImageHeader | null {
  if (mediaType === "image/png") return pngHeader(bytes);
  if (mediaType === "image/jpeg") return jpegHeader(bytes);
  return bmpHeader(bytes);
}

/** The header of an image that is whole, or 422 image_undecodable saying what is wrong with it. */
export function wholeImageHeader(input: { image: Uint8Array; mediaType: AcceptedMediaType }): ImageHeader {
  const header = readImageHeader(input.image, input.mediaType);
  if (header?.complete) return header;
  throw new AppError("image_undecodable", {
    message: header
      ? "The photo is cut off (the file is incomplete). Take or choose the photo again."
      : "The photo could not be read: its header is damaged. Send a PNG, JPEG or BMP photo.",
  });
}

function pngHeader(b: Uint8Array): ImageHeader | null {
  // Signature (8), then IHDR: length 13, "IHDR", width, height, bit depth, colour type, ...
  if (b.length < 33 || u32be(b, 8) !== 13 || u32be(b, 12) !== 0x49484452) return null;
  const width = u32be(b, 16);
  const height = u32be(b, 20);
  const bitDepth = b[24]!;
  if (width === 0 || height === 0 || ![1, 2, 4, 8, 16].includes(bitDepth)) return null;
  let at = 8;
  let sawData = false;
  let complete = false;
  while (at + 12 <= b.length) {
    const length = u32be(b, at);
    const type = u32be(b, at + 4);
    if (type === 0x49444154) sawData = true; // IDAT
    if (type === 0x49454e44) {
      complete = sawData; // IEND
      break;
    }
    at += 12 + length;
  }
  return { width, height, bitDepth, complete };
}

function jpegHeader(b: Uint8Array): ImageHeader | null {
  let at = 2;
  let frame: Omit<ImageHeader, "complete"> | null = null;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9) return null; // end of image before any scan
    const length = u16be(b, at + 2);
    if (length < 2) return null;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame && at + 9 <= b.length) {
      frame = { bitDepth: b[at + 4]!, height: u16be(b, at + 5), width: u16be(b, at + 7) };
    }
    if (marker === 0xda) {
      // Start of scan: the rest is entropy-coded data. The image is whole if an end-of-image marker follows it.
      if (!frame || frame.width === 0 || frame.height === 0) return null;
      const scanStart = at + 2 + length;
      return { ...frame, complete: endOfImageAfter(b, scanStart) };
    }
    at += 2 + length;
  }
  return null;
}

/** Whether FF D9 occurs after `from`; looked for from the end, where it is in a whole file (before any trailer). */
function endOfImageAfter(b: Uint8Array, from: number): boolean {
  let end = b.length - 1;
  while (end > from) {
    const at = b.lastIndexOf(0xd9, end);
    if (at <= from) return false;
    if (b[at - 1] === 0xff) return true;
    end = at - 1;
  }
  return false;
}

function bmpHeader(b: Uint8Array): ImageHeader | null {
  if (b.length < 26) return null;
  const pixelOffset = i32le(b, 10);
  const dibSize = i32le(b, 14);
  const core = dibSize === 12;
  if (!core && b.length < 54) return null;
  const width = core ? u16le(b, 18) : i32le(b, 18);
  const rawHeight = core ? u16le(b, 20) : i32le(b, 22);
  const height = Math.abs(rawHeight);
  const bitDepth = core ? u16le(b, 24) : u16le(b, 28);
  const compression = core ? 0 : i32le(b, 30);
  if (width <= 0 || height === 0 || ![1, 4, 8, 16, 24, 32].includes(bitDepth)) return null;
  // Uncompressed rows are padded to 4 bytes; compressed (RLE) data has no fixed size to check against.
  const rowBytes = Math.ceil((width * bitDepth) / 32) * 4;
  const uncompressed = compression === 0 || compression === 3 || compression === 6;
  const complete = uncompressed ? pixelOffset + rowBytes * height <= b.length : pixelOffset < b.length;
  return { width, height, bitDepth, complete };
}
