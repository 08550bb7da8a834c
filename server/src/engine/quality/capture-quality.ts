import type { GrayImage, Quad } from "contract/geometry";
import type { RgbImage } from "../image/raster";

/** Variance of the 4-neighbour Laplacian: low when the image is blurred. */
export function laplacianVariance(g: GrayImage): number {
  const { width, height, data } = g;
  let sum = 0;
  let sum2 = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const v = data[i - 1]! + data[i + 1]! + data[i - width]! + data[i + width]! - 4 * data[i]!;
      sum += v;
      sum2 += v * v;
      n++;
    }
  }
  if (n === 0) return 0;
  const mean = sum / n;
  return sum2 / n - mean * mean;
}

/** Samples a lattice of points inside a quad (bilinear in its corners), calling visit with each pixel's RGB. */
function sampleQuad(
  img: RgbImage,
  q: Readonly<Quad>,
  u0: number,
  u1: number,
  v0: number,
  v1: number,
  steps: number,
  visit: (r: number, g: number, b: number) => void,
): number {
  let count = 0;
  for (let j = 0; j < steps; j++) {
    const v = v0 + ((j + 0.5) / steps) * (v1 - v0);
    for (let i = 0; i < steps; i++) {
      const u = u0 + ((i + 0.5) / steps) * (u1 - u0);
      const topX = q[0].x + (q[1].x - q[0].x) * u;
      const topY = q[0].y + (q[1].y - q[0].y) * u;
      const botX = q[3].x + (q[2].x - q[3].x) * u;
      const botY = q[3].y + (q[2].y - q[3].y) * u;
      const x = Math.round(topX + (botX - topX) * v);
      const y = Math.round(topY + (botY - topY) * v);
      if (x < 0 || y < 0 || x >= img.width || y >= img.height) continue;
      const k = (y * img.width + x) * 3;
      visit(img.data[k]!, img.data[k + 1]!, img.data[k + 2]!);
      count++;
    }
  }
  return count;
}

/** Luma of the paper: the 75th percentile over the quad (paper dominates a data page; print is darker). */
export function paperLuma(img: RgbImage, q: Readonly<Quad>): number {
  const hist = new Uint32Array(256);
  const n = sampleQuad(img, q, 0, 1, 0, 1, 100, (r, g, b) => {
    hist[(r * 77 + g * 150 + b * 29) >> 8]! += 1;
  });
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += hist[v]!;
    if (acc >= 0.75 * n) return v;
  }
  return 255;
}

/**
 * Glare: unsaturated and clearly brighter than the paper (half-way from the paper's level to white, at least 12
 * levels above it and at least 220), so white paper in a grayscale copy is not glare but a washed-out spot is.
 */
export function isGlarePixel(r: number, g: number, b: number, paper: number): boolean {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const y = (r * 77 + g * 150 + b * 29) >> 8;
  return max - min <= 24 && y >= Math.max(220, paper + Math.max(12, 0.5 * (255 - paper)));
}

/**
 * The share of glare pixels in each cell of a grid of `cols` x `rows` laid over the quad (the quad in the image's own
 * pixels), row by row. A whole-region share hardly moves for a spot; a cell share does.
 */
export function glareCellShares(img: RgbImage, q: Readonly<Quad>, grid: [number, number], paper: number): number[][] {
  const [cols, rows] = grid;
  const shares: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: number[] = [];
    for (let c = 0; c < cols; c++) {
      let glare = 0;
      const n = sampleQuad(img, q, c / cols, (c + 1) / cols, r / rows, (r + 1) / rows, 12, (R, G, B) => {
        if (isGlarePixel(R, G, B, paper)) glare++;
      });
      row.push(n > 0 ? glare / n : 0);
    }
    shares.push(row);
  }
  return shares;
}

/** The largest share of glare pixels in any cell of the grid (see glareCellShares). */
export function glareMaxCellShare(img: RgbImage, q: Readonly<Quad>, grid: [number, number], paper: number): number {
  return Math.max(0, ...glareCellShares(img, q, grid, paper).flat());
}

/** Hasler and Suesstrunk (2003) colourfulness over the quad: ~0 for grayscale, 15-35 for colour prints. */
export function colourfulness(img: RgbImage, q: Readonly<Quad>): number {
  let n = 0;
  let sRg = 0;
  let sRg2 = 0;
  let sYb = 0;
  let sYb2 = 0;
  sampleQuad(img, q, 0, 1, 0, 1, 120, (r, g, b) => {
    const rg = r - g;
    const yb = 0.5 * (r + g) - b;
    sRg += rg;
    sRg2 += rg * rg;
    sYb += yb;
    sYb2 += yb * yb;
    n++;
  });
  if (n === 0) return 0;
  const mRg = sRg / n;
  const mYb = sYb / n;
  const varRg = Math.max(0, sRg2 / n - mRg * mRg);
  const varYb = Math.max(0, sYb2 / n - mYb * mYb);
  return Math.sqrt(varRg + varYb) + 0.3 * Math.sqrt(mRg * mRg + mYb * mYb);
}
