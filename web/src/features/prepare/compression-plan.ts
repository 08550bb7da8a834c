import { base64Length, MAX_BASE64_CHARS } from "contract/image-limits";

/** The upstream reads passports best above 800x500 (it recommends more than 500x800); we never go below. */
export const MIN_LONG_SIDE = 800;
export const MIN_SHORT_SIDE = 500;

/** What we aim for by default: quick on mobile networks, MRZ still legible. */
export interface CompressionTarget {
  maxSizeMB: number;
  maxLongSide: number;
  initialQuality: number;
  /** JPEG quality is never pushed below this, so the MRZ characters keep their edges. */
  qualityFloor: number;
}

export const DEFAULT_TARGET: CompressionTarget = {
  maxSizeMB: 1.5,
  maxLongSide: 2560,
  initialQuality: 0.92,
  qualityFloor: 0.6,
};

/** browser-image-compression's options we set (it shrinks size and quality by 0.95 per iteration). */
export interface CompressionOptions {
  maxSizeMB: number;
  maxWidthOrHeight: number;
  initialQuality: number;
  maxIteration: number;
  alwaysKeepResolution: boolean;
  fileType: "image/jpeg";
  useWebWorker: false;
  preserveExif: false;
}

export class ImageTooSmallError extends Error {
  readonly code = "image_too_small";
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    super(`The photo is ${width}x${height}; at least ${MIN_LONG_SIDE}x${MIN_SHORT_SIDE} is needed to read the MRZ.`);
    this.name = "ImageTooSmallError";
  }
}

const STEP = 0.95;

/** Options for one compression pass that can neither drop a side below the minimum nor quality below the floor. */
export function planCompression(
  width: number,
  height: number,
  target: CompressionTarget = DEFAULT_TARGET,
): CompressionOptions {
  if (!(width > 0 && height > 0)) throw new Error(`invalid image size ${width}x${height}`);
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  if (long < MIN_LONG_SIDE || short < MIN_SHORT_SIDE) throw new ImageTooSmallError(width, height);
  const startLong = Math.min(long, Math.max(target.maxLongSide, MIN_LONG_SIDE));
  const startShort = (short * startLong) / long;
  // How many 0.95 steps each limit allows.
  const sizeSteps = Math.floor(
    Math.log(Math.max(MIN_LONG_SIDE / startLong, MIN_SHORT_SIDE / startShort)) / Math.log(STEP),
  );
  const qualitySteps = Math.floor(Math.log(target.qualityFloor / target.initialQuality) / Math.log(STEP) + 1e-9);
  // The library treats maxIteration 0 as its default of 10, so at least one step (quality only when size cannot shrink).
  const maxIteration = Math.max(1, qualitySteps);
  return {
    maxSizeMB: target.maxSizeMB,
    maxWidthOrHeight: startLong,
    initialQuality: target.initialQuality,
    maxIteration,
    alwaysKeepResolution: sizeSteps < maxIteration,
    fileType: "image/jpeg",
    useWebWorker: false,
    preserveExif: false,
  };
}

/** True when the encoded image fits the upstream: base64 within 7 MB and no side below the minimum. */
export function fitsUpstream(bytes: number, width: number, height: number): boolean {
  return (
    base64Length(bytes) <= MAX_BASE64_CHARS &&
    Math.max(width, height) >= MIN_LONG_SIDE &&
    Math.min(width, height) >= MIN_SHORT_SIDE
  );
}

/**
 * The target for another pass when a result is still too big: a smaller long side and a lower start quality,
 * aiming straight at the hard limit. Undefined when nothing smaller is allowed.
 */
export function stricterTarget(previous: CompressionTarget, resultLongSide: number): CompressionTarget | undefined {
  const maxLongSide = Math.floor(Math.min(previous.maxLongSide, resultLongSide) * 0.8);
  if (maxLongSide < MIN_LONG_SIDE) return undefined;
  return {
    maxSizeMB: Math.min(previous.maxSizeMB, (MAX_BASE64_CHARS * 0.75) / (1024 * 1024) - 0.1),
    maxLongSide,
    initialQuality: Math.max(previous.qualityFloor, previous.initialQuality - 0.1),
    qualityFloor: previous.qualityFloor,
  };
}
