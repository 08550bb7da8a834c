import type { GrayImage } from "contract/geometry";

/**
 * Grayscale morphology with rectangular kernels (separable, van Herk / Gil-Werman: O(1) per pixel whatever the
 * kernel size). Borders replicate the edge pixel.
 */

/** Running max over a window of k (odd) along each row; borders replicate the edge pixel. */
function rowMax(src: Uint8Array, dst: Uint8Array, width: number, height: number, k: number): void {
  const r = k >> 1;
  const padded = width + 2 * r;
  const line = new Uint8Array(padded);
  const g = new Uint8Array(padded);
  const h = new Uint8Array(padded);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    line.fill(src[row]!, 0, r);
    line.fill(src[row + width - 1]!, r + width, padded);
    line.set(src.subarray(row, row + width), r);
    // Prefix (g) and suffix (h) maxima within consecutive blocks of k.
    for (let b = 0; b < padded; b += k) {
      const e = Math.min(b + k, padded);
      let acc = line[b]!;
      g[b] = acc;
      for (let i = b + 1; i < e; i++) {
        const v = line[i]!;
        if (v > acc) acc = v;
        g[i] = acc;
      }
      acc = line[e - 1]!;
      h[e - 1] = acc;
      for (let i = e - 2; i >= b; i--) {
        const v = line[i]!;
        if (v > acc) acc = v;
        h[i] = acc;
      }
    }
    for (let j = 0; j < width; j++) {
      const a = h[j]!;
      const c = g[j + k - 1]!;
      dst[row + j] = Math.max(a, c);
    }
  }
}

/** The same along columns, computed row by row over whole rows (cache friendly). */
function columnMax(src: Uint8Array, dst: Uint8Array, width: number, height: number, k: number): void {
  const r = k >> 1;
  const padded = height + 2 * r;
  const rowAt = (i: number) => {
    const y = i - r < 0 ? 0 : i - r >= height ? height - 1 : i - r;
    return y * width;
  };
  const g = new Uint8Array(padded * width);
  const h = new Uint8Array(padded * width);
  for (let b = 0; b < padded; b += k) {
    const e = Math.min(padded, b + k);
    g.set(src.subarray(rowAt(b), rowAt(b) + width), b * width);
    for (let i = b + 1; i < e; i++) {
      const s = rowAt(i);
      const o = i * width;
      const p = o - width;
      for (let x = 0; x < width; x++) {
        const v = src[s + x]!;
        const a = g[p + x]!;
        g[o + x] = Math.max(v, a);
      }
    }
    h.set(src.subarray(rowAt(e - 1), rowAt(e - 1) + width), (e - 1) * width);
    for (let i = e - 2; i >= b; i--) {
      const s = rowAt(i);
      const o = i * width;
      const n = o + width;
      for (let x = 0; x < width; x++) {
        const v = src[s + x]!;
        const a = h[n + x]!;
        h[o + x] = Math.max(v, a);
      }
    }
  }
  for (let y = 0; y < height; y++) {
    const o = y * width;
    const hg = (y + k - 1) * width;
    for (let x = 0; x < width; x++) {
      const a = h[o + x]!;
      const c = g[hg + x]!;
      dst[o + x] = Math.max(a, c);
    }
  }
}

function invert(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = 255 - data[i]!;
  return out;
}

/** Max filter; the min filter is the max filter of the inverted image, inverted (one code path to keep fast). */
function rectMax(data: Uint8Array, width: number, height: number, kw: number, kh: number): Uint8Array {
  const w = Math.max(1, kw | 1);
  const hgt = Math.max(1, kh | 1);
  let cur = data;
  if (w > 1) {
    const tmp = new Uint8Array(width * height);
    rowMax(cur, tmp, width, height, w);
    cur = tmp;
  }
  if (hgt > 1) {
    const out = new Uint8Array(width * height);
    columnMax(cur, out, width, height, hgt);
    cur = out;
  }
  return cur === data ? data.slice() : cur;
}

function rectFilter(img: GrayImage, kw: number, kh: number, useMax: boolean): GrayImage {
  const { width, height } = img;
  const data = useMax
    ? rectMax(img.data, width, height, kw, kh)
    : invert(rectMax(invert(img.data), width, height, kw, kh));
  return { width, height, data };
}

export function dilate(img: GrayImage, kw: number, kh: number): GrayImage {
  return rectFilter(img, kw, kh, true);
}

export function erode(img: GrayImage, kw: number, kh: number): GrayImage {
  return rectFilter(img, kw, kh, false);
}

/** Closing: dilate then erode; fills dark gaps smaller than the kernel (on a white-on-black mask: joins blobs). */
export function close(img: GrayImage, kw: number, kh: number): GrayImage {
  return erode(dilate(img, kw, kh), kw, kh);
}

/** Black top-hat: closing minus the image; bright where dark detail smaller than the kernel sits on a lighter ground. */
export function blackHat(img: GrayImage, kw: number, kh: number): GrayImage {
  const closed = close(img, kw, kh);
  const out = new Uint8Array(img.data.length);
  for (let i = 0; i < out.length; i++) out[i] = closed.data[i]! - img.data[i]!;
  return { width: img.width, height: img.height, data: out };
}

/** |Sobel x| scaled to 0..255 by its maximum. */
export function sobelXAbs(img: GrayImage): GrayImage {
  const { width, height, data } = img;
  const mag = new Float32Array(width * height);
  let max = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const v =
        data[i - width + 1]! +
        2 * data[i + 1]! +
        data[i + width + 1]! -
        data[i - width - 1]! -
        2 * data[i - 1]! -
        data[i + width - 1]!;
      const a = v < 0 ? -v : v;
      mag[i] = a;
      if (a > max) max = a;
    }
  }
  const out = new Uint8Array(width * height);
  if (max > 0) for (let i = 0; i < out.length; i++) out[i] = Math.round((mag[i]! * 255) / max);
  return { width, height, data: out };
}

/** Otsu's threshold over a 256-bin histogram; returns the level t such that foreground is value > t. */
export function otsuThreshold(img: GrayImage): number {
  const hist = new Float64Array(256);
  for (const v of img.data) hist[v]! += 1;
  const total = img.data.length;
  let sum = 0;
  for (let t = 0; t < 256; t++) sum += t * hist[t]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let bestVar = -1;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > bestVar) {
      bestVar = between;
      best = t;
    }
  }
  return best;
}

/** 255 where value > t, else 0. */
export function threshold(img: GrayImage, t: number): GrayImage {
  const out = new Uint8Array(img.data.length);
  for (let i = 0; i < out.length; i++) out[i] = img.data[i]! > t ? 255 : 0;
  return { width: img.width, height: img.height, data: out };
}
