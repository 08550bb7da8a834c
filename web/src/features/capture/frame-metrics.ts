/** A small grayscale frame (luma 0..255), row-major. The worker downsizes the video to ANALYSIS_WIDTH first. */
export interface GrayFrame {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Frames are analysed at this width so sharpness numbers mean the same on every camera. */
export const ANALYSIS_WIDTH = 320;

export interface FrameMetrics {
  /** Mean luma, 0..255. */
  brightness: number;
  /** Share of blown-out pixels (luma >= 250), 0..1. */
  glare: number;
  /** Variance of the Laplacian: higher is sharper. */
  sharpness: number;
  /** Share of the frame covered by the document's detail (bounding box of strong edges), 0..1. */
  fill: number;
  /** Mean absolute luma change since the previous frame, 0..255; 0 for the first frame. */
  motion: number;
}

/** ITU-R BT.601 luma from RGBA pixels. */
export function toGray(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): GrayFrame {
  const data = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < data.length; i++, p += 4) {
    data[i] = (rgba[p]! * 299 + rgba[p + 1]! * 587 + rgba[p + 2]! * 114) / 1000;
  }
  return { width, height, data };
}

const EDGE = 48;

export function measureFrame(frame: GrayFrame, previous?: GrayFrame): FrameMetrics {
  const { width: w, height: h, data } = frame;
  if (w < 3 || h < 3 || data.length !== w * h) throw new Error(`bad frame ${w}x${h} with ${data.length} pixels`);
  let sum = 0;
  let blown = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    sum += v;
    if (v >= 250) blown++;
  }
  // Laplacian variance, and the columns/rows where strong edges occur (for fill).
  let lapSum = 0;
  let lapSq = 0;
  let n = 0;
  const colEdges = new Uint32Array(w);
  const rowEdges = new Uint32Array(h);
  let edges = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const c = data[i]!;
      const lap = data[i - 1]! + data[i + 1]! + data[i - w]! + data[i + w]! - 4 * c;
      lapSum += lap;
      lapSq += lap * lap;
      n++;
      const gx = data[i + 1]! - data[i - 1]!;
      const gy = data[i + w]! - data[i - w]!;
      if (Math.abs(gx) + Math.abs(gy) > EDGE) {
        colEdges[x]!++;
        rowEdges[y]!++;
        edges++;
      }
    }
  }
  const mean = lapSum / n;
  let motion = 0;
  if (previous && previous.width === w && previous.height === h) {
    let diff = 0;
    for (let i = 0; i < data.length; i++) diff += Math.abs(data[i]! - previous.data[i]!);
    motion = diff / data.length;
  }
  return {
    brightness: sum / data.length,
    glare: blown / data.length,
    sharpness: lapSq / n - mean * mean,
    fill: edges === 0 ? 0 : (spread(colEdges, edges) / w) * (spread(rowEdges, edges) / h),
    motion,
  };
}

/** Width of the band holding the middle 96% of edge pixels along one axis (ignores stray edges at the borders). */
function spread(histogram: Uint32Array, total: number): number {
  const low = total * 0.02;
  const high = total * 0.98;
  let acc = 0;
  let start = 0;
  let end = histogram.length - 1;
  let startFound = false;
  for (let i = 0; i < histogram.length; i++) {
    acc += histogram[i]!;
    if (!startFound && acc > low) {
      start = i;
      startFound = true;
    }
    if (acc >= high) {
      end = i;
      break;
    }
  }
  return Math.max(0, end - start + 1);
}
