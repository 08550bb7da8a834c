import { decode as decodeBmp } from "bmp-ts";
import sharp, { type Metadata, type Sharp } from "sharp";
import { AppError } from "../../errors";
import { downscaleRgb, type RgbImage } from "./raster";

/** Images with more pixels than this are refused before decoding (decompression bombs). */
export const MAX_INPUT_PIXELS = 60_000_000;
/** Larger PNG/JPEG images are scaled down while decoding (shrink-on-load) to bound memory and time. */
export const MAX_DECODED_PIXELS = 16_000_000;

export type DecodableMediaType = "image/png" | "image/jpeg" | "image/bmp";

export interface DecodedImage {
  /** Upright (EXIF orientation applied) RGB pixels, possibly scaled down. */
  rgb: RgbImage;
  /** Size of the upright image at its original resolution: the space result coordinates refer to. */
  width: number;
  height: number;
  /** Original pixels per decoded pixel (1 when not scaled down). */
  scale: number;
}

export interface ImageSize {
  width: number;
  height: number;
  /** True when EXIF orientation swaps width and height (5-8). */
  swapsAxes: boolean;
}

const undecodable = (cause?: unknown) => new AppError("image_undecodable", { cause });

const tooManyPixels = (width: number, height: number, limit: number) =>
  new AppError("image_too_large_pixels", {
    message: `The image is ${width}x${height} pixels; at most ${Math.round(limit / 1_000_000)} megapixels are accepted. Send a smaller photo.`,
  });

/** BMP size from the header only: BITMAPCOREHEADER (12 bytes, uint16) or the INFO/V4/V5 family (int32, height may be negative). */
export function readBmpSize(bytes: Uint8Array): ImageSize {
  if (bytes.length < 26 || bytes[0] !== 0x42 || bytes[1] !== 0x4d) throw undecodable();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dib = view.getUint32(14, true);
  if (dib === 12) return { width: view.getUint16(18, true), height: view.getUint16(20, true), swapsAxes: false };
  const width = view.getInt32(18, true);
  const height = Math.abs(view.getInt32(22, true));
  if (width <= 0 || height <= 0) throw undecodable();
  return { width, height, swapsAxes: false };
}

/** Reads the pixel size from the file header without decoding pixels. */
export async function readImageSize(bytes: Uint8Array, mediaType: DecodableMediaType): Promise<ImageSize> {
  if (mediaType === "image/bmp") return readBmpSize(bytes);
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (cause) {
    throw undecodable(cause);
  }
  if (!meta.width || !meta.height) throw undecodable();
  if ((mediaType === "image/png" && meta.format !== "png") || (mediaType === "image/jpeg" && meta.format !== "jpeg")) {
    throw undecodable();
  }
  return { width: meta.width, height: meta.height, swapsAxes: (meta.orientation ?? 1) >= 5 };
}

/** A rectangle in upright original-image pixels. */
export interface PixelRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * An opened image: its upright size (EXIF orientation applied) and two ways to read pixels, so a 12 MP JPEG is
 * never fully decoded at full resolution: a small overview (JPEG shrink-on-load) and full-resolution regions.
 */
export interface ImageSource {
  width: number;
  height: number;
  /** RGB scaled so its longer side is at most maxSide; factor = original pixels per overview pixel. */
  overview(maxSide: number): Promise<{ image: RgbImage; factor: number }>;
  /** RGB of a rectangle, clamped to the image; `rect` (original pixels) says what was read. The image has the
   *  rectangle's size except for PNGs scaled down while decoding (then image.width / rect.width < 1). */
  region(rect: PixelRect): Promise<{ image: RgbImage; rect: PixelRect }>;
}

/** Clamps a rectangle to the image; null when nothing is left. */
export function clampRect(rect: PixelRect, width: number, height: number): PixelRect | null {
  const left = Math.max(0, Math.floor(rect.left));
  const top = Math.max(0, Math.floor(rect.top));
  const right = Math.min(width, Math.ceil(rect.left + rect.width));
  const bottom = Math.min(height, Math.ceil(rect.top + rect.height));
  if (right - left < 1 || bottom - top < 1) return null;
  return { left, top, width: right - left, height: bottom - top };
}

const emptyRegion = () =>
  new AppError("mrz_not_found", { message: "No machine readable zone was found in the photo." });

/**
 * Opens PNG, JPEG (EXIF orientation applied) or BMP. The pixel count is checked from the header first: an image
 * over MAX_INPUT_PIXELS is refused with 413 `image_too_large_pixels` before any pixel is decoded. A JPEG's overview
 * comes from libvips shrink-on-load; its full resolution is decoded once, beside it. PNG and BMP are decoded once
 * into memory (PNG over MAX_DECODED_PIXELS is scaled down while decoding; BMP over it is refused: it cannot be shrunk on load).
 */
export async function openImage(
  bytes: Uint8Array,
  mediaType: DecodableMediaType,
  limits: { maxInputPixels?: number; maxDecodedPixels?: number } = {},
): Promise<ImageSource> {
  const { size, maxInput } = await admitPixels(bytes, mediaType, limits);
  if (mediaType === "image/bmp") return memorySource(decodeBmpImage(bytes));
  if (mediaType === "image/png") return memorySource(await decodeImage(bytes, mediaType, limits));

  const width = size.swapsAxes ? size.height : size.width;
  const height = size.swapsAxes ? size.width : size.height;
  const open = () => sharp(bytes, { limitInputPixels: maxInput, failOn: "error" }).rotate();
  // The full resolution is decoded at once, in libvips's threads, while the caller finds the band on the overview
  // on its own thread: nearly every photo needs it (the band is cut from it), and the two overlap (one worker, a
  // 12 MP moderate photo: median 399 -> 352 ms in-process). A decoding error surfaces on the first region read.
  const full = decodeImage(bytes, mediaType, limits).then(memorySource);
  full.catch(() => {});
  return {
    width,
    height,
    async overview(maxSide) {
      const factor = Math.max(1, Math.max(width, height) / maxSide);
      const image = await rawRgb(
        open().resize({
          width: Math.max(1, Math.round(width / factor)),
          height: Math.max(1, Math.round(height / factor)),
          fit: "fill",
          fastShrinkOnLoad: true,
        }),
      );
      return { image, factor: width / image.width };
    },
    async region(rect) {
      // The whole photo, decoded once (a JPEG is decoded sequentially anyway, so a region costs about as much as the
      // whole): the band, the portrait and any retry are served from memory.
      return (await full).region(rect);
    },
  };
}

function memorySource(decoded: DecodedImage): ImageSource {
  const { rgb, width, height, scale } = decoded;
  return {
    width,
    height,
    async overview(maxSide) {
      const { image } = downscaleRgb(rgb, maxSide);
      return { image, factor: width / image.width };
    },
    async region(rect) {
      // Work in decoded pixels, report in original pixels.
      const r = clampRect(
        { left: rect.left / scale, top: rect.top / scale, width: rect.width / scale, height: rect.height / scale },
        rgb.width,
        rgb.height,
      );
      if (!r) throw emptyRegion();
      const out = new Uint8Array(r.width * r.height * 3);
      for (let y = 0; y < r.height; y++) {
        const from = ((r.top + y) * rgb.width + r.left) * 3;
        out.set(rgb.data.subarray(from, from + r.width * 3), y * r.width * 3);
      }
      return {
        image: { width: r.width, height: r.height, data: out },
        rect: { left: r.left * scale, top: r.top * scale, width: r.width * scale, height: r.height * scale },
      };
    },
  };
}

/**
 * Decodes PNG, JPEG (EXIF orientation applied) or BMP into upright RGB. The pixel count is checked from the
 * header first; an image over MAX_INPUT_PIXELS is refused with 413 `image_too_large_pixels` before any decoding.
 */
export async function decodeImage(
  bytes: Uint8Array,
  mediaType: DecodableMediaType,
  limits: { maxInputPixels?: number; maxDecodedPixels?: number } = {},
): Promise<DecodedImage> {
  const { size, pixels, maxInput, maxDecoded } = await admitPixels(bytes, mediaType, limits);
  if (mediaType === "image/bmp") return decodeBmpImage(bytes);

  const width = size.swapsAxes ? size.height : size.width;
  const height = size.swapsAxes ? size.width : size.height;
  const factor = pixels > maxDecoded ? Math.sqrt(pixels / maxDecoded) : 1;
  try {
    let pipeline = sharp(bytes, { limitInputPixels: maxInput, failOn: "error" }).rotate();
    if (factor > 1) {
      pipeline = pipeline.resize({
        width: Math.floor(width / factor),
        height: Math.floor(height / factor),
        fit: "fill",
        fastShrinkOnLoad: true,
      });
    }
    const rgb = await rawRgb(pipeline);
    return { rgb, width, height, scale: width / rgb.width };
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    throw undecodable(cause);
  }
}

/** Runs a sharp pipeline to upright 8-bit sRGB without alpha; a decoder failure becomes 422 image_undecodable. */
async function rawRgb(pipeline: Sharp): Promise<RgbImage> {
  try {
    const { data, info } = await pipeline
      .removeAlpha()
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`unexpected channel count ${info.channels}`);
    return {
      width: info.width,
      height: info.height,
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    };
  } catch (cause) {
    throw undecodable(cause);
  }
}

/**
 * Reads the size from the header and refuses too many pixels before any decoding. BMP cannot be shrunk while
 * decoding, so its limit is also the decoded-pixel limit.
 */
async function admitPixels(
  bytes: Uint8Array,
  mediaType: DecodableMediaType,
  limits: { maxInputPixels?: number; maxDecodedPixels?: number },
) {
  const maxInput = limits.maxInputPixels ?? MAX_INPUT_PIXELS;
  const maxDecoded = limits.maxDecodedPixels ?? MAX_DECODED_PIXELS;
  const size = await readImageSize(bytes, mediaType);
  const pixels = size.width * size.height;
  const limit = mediaType === "image/bmp" ? Math.min(maxInput, maxDecoded) : maxInput;
  if (pixels > limit) throw tooManyPixels(size.width, size.height, limit);
  return { size, pixels, maxInput, maxDecoded };
}

function decodeBmpImage(bytes: Uint8Array): DecodedImage {
  let decoded: { width: number; height: number; data: Uint8Array };
  try {
    decoded = decodeBmp(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { toRGBA: true });
  } catch (cause) {
    throw undecodable(cause);
  }
  const { width, height } = decoded;
  const n = width * height;
  if (decoded.data.length < n * 4) throw undecodable();
  const out = new Uint8Array(n * 3);
  const s = decoded.data;
  for (let i = 0, j = 0, k = 0; i < n; i++, j += 4, k += 3) {
    out[k] = s[j]!;
    out[k + 1] = s[j + 1]!;
    out[k + 2] = s[j + 2]!;
  }
  return { rgb: { width, height, data: out }, width, height, scale: 1 };
}
