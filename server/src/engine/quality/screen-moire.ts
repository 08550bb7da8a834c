import type { Quad } from "contract/geometry";
import FFT from "fft.js";
import type { ImageSource } from "../image/decode-image";
import type { RgbImage } from "../image/raster";

/**
 * Screen recapture (moire) detector. A photo of a screen carries the interference of the screen's pixel grid with the
 * camera's: a grating at one high spatial frequency over the whole picture. Page content (guilloche, text, busy
 * backgrounds) also has high-frequency peaks, but not at the same frequency everywhere. So: full-resolution luma tiles
 * spread over the page (the overview's box filter would alias the pattern away), a Hann-windowed 2-D FFT per tile,
 * each bin's power against the median of its ring (same radial frequency) in that tile, then per bin the median of
 * that ratio over the tiles. A grating stands far above its ring in most tiles; content does not.
 * See docs/decisions/0452-screen-moire.md for the measured thresholds and their limits.
 */

/** Tile side in pixels (radix-2 for the FFT). */
export const MOIRE_TILE = 128;
/** Tiles laid over the page: columns x rows. */
export const MOIRE_GRID: [number, number] = [4, 4];
/** Lowest radial frequency searched (cycles per pixel): below it lie print and layout, not pixel grids. */
export const MOIRE_MIN_FREQUENCY = 0.15;
/** A tile "agrees" when the consistent frequency stands this far above its ring there. */
export const MOIRE_AGREE_RATIO = 8;
/** A peak is isolated when it stands this many times above its radial line. */
export const MOIRE_ISOLATION = 3;
/** Local maxima examined, highest first, for an isolated one. */
const MOIRE_CANDIDATES = 24;

export interface ScreenMoire {
  /** Median over the tiles of the power at the most consistent high frequency against its ring's median. */
  peakRatio: number;
  /** The peak over the largest median ratio near it on its radial line (about 1 for a comb of harmonics). */
  isolation: number;
  /** Share of the tiles where that frequency stands at least MOIRE_AGREE_RATIO above its ring. */
  tileAgreement: number;
  /** Radial frequency of that peak, cycles per pixel (0.5 = Nyquist). */
  frequency: number;
  /** Tiles measured (tiles falling outside the image are skipped). */
  tiles: number;
}

const N = MOIRE_TILE;
const HALF = N / 2;
/** Columns kept of the spectrum: kx = 0..N/2 (the other half mirrors it for real input). */
const COLS = HALF + 1;
const BINS = N * COLS;

const fft = new FFT(N);
const hann = Float64Array.from({ length: N }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / N));

/** Integer radius of each kept bin (ky wraps to negative above N/2). */
const radius = new Uint8Array(BINS);
for (let ky = 0; ky < N; ky++) {
  const fy = ky <= HALF ? ky : ky - N;
  for (let kx = 0; kx < COLS; kx++) radius[ky * COLS + kx] = Math.round(Math.hypot(kx, fy));
}
const MAX_RADIUS = Math.max(...radius);
const MIN_RADIUS = Math.ceil(MOIRE_MIN_FREQUENCY * N);
/** Where each ring starts in a buffer holding the bins grouped by ring (counting-sort layout). */
const RING_START = new Int32Array(MAX_RADIUS + 2);
for (let i = 0; i < BINS; i++) RING_START[radius[i]! + 1]! += 1;
for (let r = 1; r <= MAX_RADIUS + 1; r++) RING_START[r]! += RING_START[r - 1]!;

/**
 * Bins where JPEG puts its own periodic energy on every photo, left out of the search: the lattice of its 8-pixel
 * block harmonics (k/8 cycles per pixel on both axes) and the lines next to Nyquist on either axis (chroma
 * upsampling repeats every 2 pixels).
 */
const excluded = new Uint8Array(BINS);
for (let ky = 0; ky < N; ky++) {
  const fy = ky <= HALF ? ky : ky - N;
  for (let kx = 0; kx < COLS; kx++) {
    const step = N / 8;
    const nearX = Math.abs(kx - Math.round(kx / step) * step) <= 1;
    const nearY = Math.abs(fy - Math.round(fy / step) * step) <= 1;
    if (kx >= HALF - 2 || Math.abs(fy) >= HALF - 2 || (nearX && nearY)) excluded[ky * COLS + kx] = 1;
  }
}

/** Work buffers reused from call to call (each call is synchronous; a worker thread has its own module). */
const scratch = {
  rows: new Float64Array(N * COLS * 2),
  row: new Float64Array(N),
  out: new Float64Array(2 * N),
  col: new Float64Array(2 * N),
  colOut: new Float64Array(2 * N),
  sorted: new Float64Array(BINS),
  ratio: new Float32Array(BINS),
  across: new Float32Array(BINS),
};

/** Power spectrum (kept half) of a Hann-windowed, mean-removed luma tile. */
export function tilePower(tile: Float64Array): Float64Array {
  let mean = 0;
  for (let i = 0; i < tile.length; i++) mean += tile[i]!;
  mean /= tile.length;
  // Row transforms: real input; only kx = 0..N/2 is kept (realTransform fills that half, interleaved re, im).
  const { rows, row, out, col, colOut } = scratch;
  for (let y = 0; y < N; y++) {
    const wy = hann[y]!;
    for (let x = 0; x < N; x++) row[x] = (tile[y * N + x]! - mean) * wy * hann[x]!;
    fft.realTransform(out, row);
    rows.set(out.subarray(0, 2 * COLS), y * 2 * COLS);
  }
  // Column transforms over the kept half.
  const power = new Float64Array(BINS);
  for (let kx = 0; kx < COLS; kx++) {
    for (let y = 0; y < N; y++) {
      col[2 * y] = rows[y * 2 * COLS + 2 * kx]!;
      col[2 * y + 1] = rows[y * 2 * COLS + 2 * kx + 1]!;
    }
    fft.transform(colOut, col);
    for (let ky = 0; ky < N; ky++) {
      const re = colOut[2 * ky]!;
      const im = colOut[2 * ky + 1]!;
      power[ky * COLS + kx] = re * re + im * im;
    }
  }
  return power;
}

/** The k-th smallest of a[lo..hi] (Hoare's selection; reorders that span). */
function select(a: Float64Array, lo: number, hi: number, k: number): number {
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

/** Each bin's power over the median power of its ring, max-pooled over its 3x3 neighbourhood (the peak may fall
 *  between bins and move by one from tile to tile). */
export function ringRatios(power: Float64Array): Float32Array {
  const { sorted, ratio, across } = scratch;
  const fill = RING_START.slice();
  for (let i = 0; i < BINS; i++) sorted[fill[radius[i]!]!++] = power[i]!;
  const median = new Float64Array(MAX_RADIUS + 1).fill(1);
  for (let r = 1; r <= MAX_RADIUS; r++) {
    const from = RING_START[r]!;
    const to = RING_START[r + 1]!;
    if (to > from) median[r] = Math.max(select(sorted, from, to - 1, (from + to) >> 1), 1e-9);
  }
  for (let i = 0; i < BINS; i++) ratio[i] = power[i]! / median[radius[i]!]!;
  // Separable 3x3 max: along kx (clamped at the half-plane's edges), then along ky (wrapping).
  for (let ky = 0; ky < N; ky++) {
    const row = ky * COLS;
    for (let kx = 0; kx < COLS; kx++) {
      let v = ratio[row + kx]!;
      if (kx > 0) v = Math.max(v, ratio[row + kx - 1]!);
      if (kx < COLS - 1) v = Math.max(v, ratio[row + kx + 1]!);
      across[row + kx] = v;
    }
  }
  const pooled = new Float32Array(BINS);
  for (let ky = 0; ky < N; ky++) {
    const row = ky * COLS;
    const up = ((ky + N - 1) % N) * COLS;
    const down = ((ky + 1) % N) * COLS;
    for (let kx = 0; kx < COLS; kx++) {
      pooled[row + kx] = Math.max(across[up + kx]!, across[row + kx]!, across[down + kx]!);
    }
  }
  return pooled;
}

/** Per bin, the median over the tiles of its ring ratio (bins under radius 2, never looked at, stay 0). */
export function medianMap(tiles: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(BINS);
  const n = tiles.length;
  const v = new Float32Array(n);
  for (let i = 0; i < BINS; i++) {
    if (radius[i]! < 2) continue;
    // Insertion sort of the few values.
    for (let t = 0; t < n; t++) {
      const x = tiles[t]![i]!;
      let j = t - 1;
      while (j >= 0 && v[j]! > x) {
        v[j + 1] = v[j]!;
        j--;
      }
      v[j + 1] = x;
    }
    out[i] = n % 2 ? v[n >> 1]! : (v[n / 2 - 1]! + v[n / 2]!) / 2;
  }
  return out;
}

const binIndex = (kx: number, fy: number) => ((fy + N) % N) * COLS + kx;

/**
 * Largest median ratio on the radial line through a bin, from 4 bins off (the peak's own spread under the window and
 * the pooling stays within 3) out to half its radius (or 12 bins): a comb of harmonics n * f0 (n >= 2) always has
 * a neighbour within f0 <= r / 2 of any of its teeth.
 */
function radialNeighbours(median: Float32Array, kx: number, fy: number): number {
  const r = Math.hypot(kx, fy);
  const reach = Math.max(12, Math.ceil(r / 2) + 1);
  let most = 0;
  for (let s = -reach; s <= reach; s++) {
    if (Math.abs(s) < 4 || r + s < 3) continue;
    const x = Math.round((kx * (r + s)) / r);
    const y = Math.round((fy * (r + s)) / r);
    if (x < 0 || x >= COLS || y <= -HALF || y > HALF) continue;
    most = Math.max(most, median[binIndex(x, y)]!);
  }
  return most;
}

/**
 * The MOIRE_CANDIDATES highest local maxima of the per-bin median over the tiles, at or above MOIRE_MIN_FREQUENCY
 * (JPEG's own bins left out), highest first, each with its isolation and tile agreement.
 */
export function moireCandidates(tiles: readonly Float32Array[]): ScreenMoire[] {
  if (tiles.length === 0) return [];
  const median = medianMap(tiles);
  const maxima: number[] = [];
  for (let ky = 0; ky < N; ky++) {
    for (let kx = 0; kx < COLS; kx++) {
      const i = ky * COLS + kx;
      if (radius[i]! < MIN_RADIUS || excluded[i]) continue;
      const v = median[i]!;
      let top = true;
      for (let dy = -1; dy <= 1 && top; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const xx = kx + dx;
          if ((dx === 0 && dy === 0) || xx < 0 || xx >= COLS) continue;
          const j = ((ky + dy + N) % N) * COLS + xx;
          // Ties (the pooled plateau) go to the lower index.
          if (median[j]! > v || (median[j] === v && j < i)) {
            top = false;
            break;
          }
        }
      }
      if (top) maxima.push(i);
    }
  }
  maxima.sort((a, b) => median[b]! - median[a]!);
  return maxima.slice(0, MOIRE_CANDIDATES).map((i) => {
    const kx = i % COLS;
    const ky = Math.floor(i / COLS);
    const fy = ky <= HALF ? ky : ky - N;
    const peak = median[i]!;
    return {
      peakRatio: peak,
      isolation: peak / Math.max(1, radialNeighbours(median, kx, fy)),
      tileAgreement: tiles.filter((t) => t[i]! >= MOIRE_AGREE_RATIO).length / tiles.length,
      frequency: Math.hypot(kx, fy) / N,
      tiles: tiles.length,
    };
  });
}

/**
 * Combines the tiles' ring ratios: among the candidates (moireCandidates), the highest one that stands
 * MOIRE_ISOLATION times above its radial line (a thin-line print pattern such as guilloche is a comb of harmonics
 * along that line; a grating is one peak); with no isolated candidate, the highest candidate.
 */
export function combineTiles(tiles: readonly Float32Array[]): ScreenMoire {
  const candidates = moireCandidates(tiles);
  const isolated = candidates.find((c) => c.isolation >= MOIRE_ISOLATION);
  return (
    isolated ?? candidates[0] ?? { peakRatio: 0, isolation: 0, tileAgreement: 0, frequency: 0, tiles: tiles.length }
  );
}

/** Luma of an N x N RGB tile, as floats. */
function lumaTile(img: RgbImage): Float64Array {
  const out = new Float64Array(N * N);
  for (let y = 0; y < N; y++) {
    let k = y * img.width * 3;
    for (let x = 0; x < N; x++, k += 3) {
      out[y * N + x] = 0.299 * img.data[k]! + 0.587 * img.data[k + 1]! + 0.114 * img.data[k + 2]!;
    }
  }
  return out;
}

/**
 * Measures the moire of a photo over a region (the page quad, in the image's original pixels): MOIRE_GRID tiles of
 * MOIRE_TILE full-resolution pixels centred on a lattice inside the quad. Tiles that do not fit in the image (or come
 * from a PNG decoded at reduced scale, whose pattern is no longer the photo's) are skipped; with none left the
 * measure is all zero.
 */
export async function moireTiles(source: ImageSource, region: Quad): Promise<Float32Array[]> {
  const [cols, rows] = MOIRE_GRID;
  const tiles: Float32Array[] = [];
  for (let r = 0; r < rows; r++) {
    const v = 0.1 + (0.8 * (r + 0.5)) / rows;
    for (let c = 0; c < cols; c++) {
      const u = 0.1 + (0.8 * (c + 0.5)) / cols;
      const tx = region[0].x + (region[1].x - region[0].x) * u;
      const ty = region[0].y + (region[1].y - region[0].y) * u;
      const bx = region[3].x + (region[2].x - region[3].x) * u;
      const by = region[3].y + (region[2].y - region[3].y) * u;
      const left = Math.round(tx + (bx - tx) * v - N / 2);
      const top = Math.round(ty + (by - ty) * v - N / 2);
      if (left < 0 || top < 0 || left + N > source.width || top + N > source.height) continue;
      const { image } = await source.region({ left, top, width: N, height: N });
      if (image.width < N || image.height < N) continue;
      tiles.push(ringRatios(tilePower(lumaTile(image))));
    }
  }
  return tiles;
}

/** The moire measure of a photo's region (see moireTiles and combineTiles). */
export async function measureScreenMoire(source: ImageSource, region: Quad): Promise<ScreenMoire> {
  return combineTiles(await moireTiles(source, region));
}
