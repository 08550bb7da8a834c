import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import type { Point, Quad } from "contract/geometry";
import { applyHomography, homographyFromQuads, invertHomography } from "contract/homography";
import sharp from "sharp";
import type { CaptureConditions } from "./conditions";
import { SANS_FONT } from "./fonts";
import { noiseSource } from "./noise";
import type { Random } from "./random";
import type { RenderedPage } from "./render-page";

export interface CapturedImage {
  image: Uint8Array;
  mediaType: "image/jpeg" | "image/png";
  width: number;
  height: number;
  /** Maps a page pixel to an output pixel. */
  toOutput: (p: Point) => Point;
}

function drawBusyScene(ctx: SKRSContext2D, rng: Random, w: number, h: number): void {
  const g = ctx.createLinearGradient(0, 0, w, h);
  g.addColorStop(0, `hsl(${rng.int(0, 360)}, ${rng.int(10, 50)}%, ${rng.int(20, 70)}%)`);
  g.addColorStop(1, `hsl(${rng.int(0, 360)}, ${rng.int(10, 50)}%, ${rng.int(20, 70)}%)`);
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, w, h);
  // Wood-like grain.
  for (let i = 0; i < 60; i++) {
    ctx.strokeStyle = `hsla(${rng.int(20, 40)}, 40%, ${rng.int(15, 60)}%, 0.25)`;
    ctx.lineWidth = rng.float(1, 6);
    ctx.beginPath();
    const y = rng.float(0, h);
    ctx.moveTo(0, y);
    ctx.bezierCurveTo(w / 3, y + rng.float(-80, 80), (2 * w) / 3, y + rng.float(-80, 80), w, y + rng.float(-60, 60));
    ctx.stroke();
  }
  // Objects: papers with text lines, keyboards, mugs.
  const objects = rng.int(6, 14);
  for (let i = 0; i < objects; i++) {
    const ow = rng.float(0.1, 0.45) * w;
    const oh = rng.float(0.08, 0.4) * h;
    const ox = rng.float(-0.1, 1) * w;
    const oy = rng.float(-0.1, 1) * h;
    ctx.save();
    ctx.translate(ox, oy);
    ctx.rotate(rng.float(-0.5, 0.5));
    const kind = rng.int(0, 2);
    if (kind === 0) {
      ctx.fillStyle = `hsl(${rng.int(0, 360)}, 10%, ${rng.int(85, 98)}%)`;
      ctx.fillRect(0, 0, ow, oh);
      ctx.fillStyle = "#222";
      const size = rng.float(0.012, 0.03) * h;
      ctx.font = `${size.toFixed(1)}px ${SANS_FONT}`;
      for (let y = size * 2; y < oh - size; y += size * 1.6) {
        let line = "";
        const n = rng.int(10, 60);
        for (let k = 0; k < n; k++) line += rng.chance(0.15) ? " " : String.fromCharCode(65 + rng.int(0, 25));
        ctx.fillText(line, size, y, ow - 2 * size);
      }
    } else if (kind === 1) {
      ctx.fillStyle = `hsl(0, 0%, ${rng.int(5, 30)}%)`;
      ctx.fillRect(0, 0, ow, oh);
      const key = Math.min(ow, oh) / 6;
      ctx.fillStyle = `hsl(0, 0%, ${rng.int(35, 60)}%)`;
      for (let y = key * 0.3; y < oh - key; y += key * 1.2) {
        for (let x = key * 0.3; x < ow - key; x += key * 1.2) ctx.fillRect(x, y, key, key);
      }
    } else {
      ctx.fillStyle = `hsl(${rng.int(0, 360)}, ${rng.int(30, 80)}%, ${rng.int(20, 70)}%)`;
      ctx.beginPath();
      ctx.ellipse(0, 0, ow / 3, ow / 3, 0, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.restore();
  }
}

/** A white desk or scanner lid: the page edge barely stands out. */
function drawWhiteScene(ctx: SKRSContext2D, rng: Random, w: number, h: number): void {
  const g = ctx.createLinearGradient(0, 0, w, h);
  g.addColorStop(0, `hsl(${rng.int(0, 360)}, ${rng.int(0, 10)}%, ${rng.int(88, 98)}%)`);
  g.addColorStop(1, `hsl(${rng.int(0, 360)}, ${rng.int(0, 10)}%, ${rng.int(80, 95)}%)`);
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, w, h);
}

function drawPlainScene(ctx: SKRSContext2D, rng: Random, w: number, h: number): void {
  const g = ctx.createLinearGradient(0, 0, 0, h);
  const hue = rng.int(0, 360);
  g.addColorStop(0, `hsl(${hue}, ${rng.int(0, 30)}%, ${rng.int(15, 45)}%)`);
  g.addColorStop(1, `hsl(${hue}, ${rng.int(0, 30)}%, ${rng.int(10, 40)}%)`);
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, w, h);
}

/** Destination corners of the page in the output frame. */
function placePage(c: CaptureConditions, rng: Random, pageW: number, pageH: number): Quad {
  const angle = (c.rotationDeg * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  // Extent of the rotated page, to keep it inside the frame.
  const extentX = Math.abs(pageW * cos) + Math.abs(pageH * sin);
  const extentY = Math.abs(pageW * sin) + Math.abs(pageH * cos);
  const jitter = c.perspective * pageW;
  const shrink = Math.min(1, (c.width - 2 * jitter) / extentX, (c.height - 2 * jitter) / extentY);
  const w = pageW * shrink;
  const h = pageH * shrink;
  const roomX = Math.max(0, (c.width - extentX * shrink) / 2 - jitter);
  const roomY = Math.max(0, (c.height - extentY * shrink) / 2 - jitter);
  const cx = c.width / 2 + rng.float(-roomX, roomX);
  const cy = c.height / 2 + rng.float(-roomY, roomY);
  const corners: Point[] = [
    { x: -w / 2, y: -h / 2 },
    { x: w / 2, y: -h / 2 },
    { x: w / 2, y: h / 2 },
    { x: -w / 2, y: h / 2 },
  ];
  return corners.map((p) => ({
    x: cx + p.x * cos - p.y * sin + rng.float(-jitter, jitter),
    y: cy + p.x * sin + p.y * cos + rng.float(-jitter, jitter),
  })) as Quad;
}

/**
 * A curled page: its rows bow by `curvature` x the page width at the middle, none at the sides (an arc along the
 * text lines, as a page lifting from the spine or a bent card shows them). Returns the downward shift of a row at x.
 */
export function pageBend(curvature: number, pageWidth: number): (x: number) => number {
  if (curvature === 0) return () => 0;
  const amplitude = curvature * pageWidth;
  return (x) => amplitude * Math.sin((Math.PI * Math.min(pageWidth, Math.max(0, x))) / pageWidth);
}

/** Photographs the rendered page under the given conditions. */
export async function capturePage(
  page: RenderedPage,
  c: CaptureConditions,
  rng: Random,
  glareTargets: { mrzCentre: Point; scale: number },
): Promise<CapturedImage> {
  const { width: W, height: H } = c;
  const scene = createCanvas(W, H);
  const sctx = scene.getContext("2d");
  if (c.background === "busy") drawBusyScene(sctx, rng, W, H);
  else if (c.background === "white") drawWhiteScene(sctx, rng, W, H);
  else drawPlainScene(sctx, rng, W, H);
  const out = sctx.getImageData(0, 0, W, H).data;
  const src = page.canvas.getContext("2d").getImageData(0, 0, page.width, page.height).data;

  const pageQuad: Quad = [
    { x: 0, y: 0 },
    { x: page.width, y: 0 },
    { x: page.width, y: page.height },
    { x: 0, y: page.height },
  ];
  const dest = placePage(c, rng, page.width, page.height);
  const flat = homographyFromQuads(pageQuad, dest);
  const bend = pageBend(c.curvature, page.width);
  /** Page pixel -> output pixel: the curl first (in page pixels), then the camera's homography. */
  const forward = (p: Point): Point => applyHomography(flat, { x: p.x, y: p.y + bend(p.x) });
  const inverse = invertHomography(flat);
  const [m0, m1, m2, m3, m4, m5, m6, m7, m8] = inverse;
  // The curl can carry the page up to its amplitude beyond the flat page's corners.
  const reach = c.curvature * Math.hypot(dest[1].x - dest[0].x, dest[1].y - dest[0].y) * 1.2;
  const x0 = Math.max(0, Math.floor(Math.min(...dest.map((p) => p.x)) - reach));
  const x1 = Math.min(W - 1, Math.ceil(Math.max(...dest.map((p) => p.x)) + reach));
  const y0 = Math.max(0, Math.floor(Math.min(...dest.map((p) => p.y)) - reach));
  const y1 = Math.min(H - 1, Math.ceil(Math.max(...dest.map((p) => p.y)) + reach));
  const pw = page.width;
  const ph = page.height;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      const wz = m6 * px + m7 * py + m8;
      const sx = (m0 * px + m1 * py + m2) / wz - 0.5;
      const sy = (m3 * px + m4 * py + m5) / wz - 0.5 - bend(sx + 0.5);
      if (sx < -0.5 || sy < -0.5 || sx > pw - 0.5 || sy > ph - 0.5) continue;
      const ix = Math.min(pw - 2, Math.max(0, Math.floor(sx)));
      const iy = Math.min(ph - 2, Math.max(0, Math.floor(sy)));
      const fx = Math.min(1, Math.max(0, sx - ix));
      const fy = Math.min(1, Math.max(0, sy - iy));
      const i00 = (iy * pw + ix) * 4;
      const i10 = i00 + 4;
      const i01 = i00 + pw * 4;
      const i11 = i01 + 4;
      const o = (y * W + x) * 4;
      // Cards have transparent rounded corners: the scene shows through them.
      const alpha =
        (((src[i00 + 3] ?? 0) * (1 - fx) + (src[i10 + 3] ?? 0) * fx) * (1 - fy) +
          ((src[i01 + 3] ?? 0) * (1 - fx) + (src[i11 + 3] ?? 0) * fx) * fy) /
        255;
      if (alpha <= 0) continue;
      for (let ch = 0; ch < 3; ch++) {
        const top = (src[i00 + ch] ?? 0) * (1 - fx) + (src[i10 + ch] ?? 0) * fx;
        const bottom = (src[i01 + ch] ?? 0) * (1 - fx) + (src[i11 + ch] ?? 0) * fx;
        if (alpha >= 1) {
          out[o + ch] = top * (1 - fy) + bottom * fy;
          continue;
        }
        // Partly transparent: interpolate the colour weighted by each neighbour's alpha, then blend over the scene.
        const w = (i: number) => (src[i + ch] ?? 0) * ((src[i + 3] ?? 0) / 255);
        const mixed = (w(i00) * (1 - fx) + w(i10) * fx) * (1 - fy) + (w(i01) * (1 - fx) + w(i11) * fx) * fy;
        out[o + ch] = (out[o + ch] ?? 0) * (1 - alpha) + mixed;
      }
    }
  }

  // Uneven light: a directional gradient and a vignette.
  if (c.unevenLight > 0) {
    const dir = rng.float(0, 2 * Math.PI);
    const dx = Math.cos(dir);
    const dy = Math.sin(dir);
    const half = Math.hypot(W, H) / 2;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const rx = x - W / 2;
        const ry = y - H / 2;
        const along = (rx * dx + ry * dy) / half;
        const radial = (rx * rx + ry * ry) / (half * half);
        const f = 1 - c.unevenLight * (0.35 * (1 + along) + 0.3 * radial);
        const o = (y * W + x) * 4;
        out[o] = (out[o] ?? 0) * f;
        out[o + 1] = (out[o + 1] ?? 0) * f;
        out[o + 2] = (out[o + 2] ?? 0) * f;
      }
    }
  }

  // Glare spots: bright, low-saturation blobs on the page.
  for (let s = 0; s < c.glareSpots; s++) {
    const onMrz = s === 0 && c.glareOverMrz;
    const centrePage = onMrz
      ? {
          x: glareTargets.mrzCentre.x + rng.float(-40, 40) * glareTargets.scale,
          y: glareTargets.mrzCentre.y + rng.float(-2, 2) * glareTargets.scale,
        }
      : { x: rng.float(0.1, 0.9) * page.width, y: rng.float(0.1, 0.75) * page.height };
    const centre = forward(centrePage);
    const outputPerPagePx = Math.hypot(dest[1].x - dest[0].x, dest[1].y - dest[0].y) / page.width;
    const sigma = rng.float(onMrz ? 2.5 : 3, onMrz ? 5 : 10) * glareTargets.scale * outputPerPagePx;
    const radius = sigma * 3;
    const strength = onMrz ? rng.float(0.45, 0.7) : rng.float(0.6, 0.95);
    const gx0 = Math.max(0, Math.floor(centre.x - radius));
    const gx1 = Math.min(W - 1, Math.ceil(centre.x + radius));
    const gy0 = Math.max(0, Math.floor(centre.y - radius));
    const gy1 = Math.min(H - 1, Math.ceil(centre.y + radius));
    const twoSigma2 = 2 * sigma * sigma;
    for (let y = gy0; y <= gy1; y++) {
      for (let x = gx0; x <= gx1; x++) {
        const d2 = (x - centre.x) ** 2 + (y - centre.y) ** 2;
        const a = strength * Math.exp(-d2 / twoSigma2);
        const o = (y * W + x) * 4;
        for (let ch = 0; ch < 3; ch++) out[o + ch] = (out[o + ch] ?? 0) + (255 - (out[o + ch] ?? 0)) * a;
      }
    }
  }

  // Screen recapture: near-Nyquist interference stripes with per-channel phase (sub-pixels).
  if (c.moire > 0) {
    const f1 = rng.float(0.18, 0.32);
    const f2 = rng.float(0.18, 0.32);
    const theta = rng.float(0, Math.PI);
    const beat = rng.float(0.004, 0.02);
    const amp = 28 * c.moire;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const u = x * Math.cos(theta) + y * Math.sin(theta);
        const v = -x * Math.sin(theta) + y * Math.cos(theta);
        const env = 0.6 + 0.4 * Math.sin(2 * Math.PI * beat * (u + v));
        const o = (y * W + x) * 4;
        for (let ch = 0; ch < 3; ch++) {
          const m = Math.sin(2 * Math.PI * (f1 * u + ch / 3)) * Math.sin(2 * Math.PI * f2 * v);
          out[o + ch] = (out[o + ch] ?? 0) + amp * env * m;
        }
      }
    }
  }

  let pixels: Buffer = Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  if (c.blurSigma >= 0.3) {
    pixels = await sharp(pixels, { raw: { width: W, height: H, channels: 4 } })
      .blur(c.blurSigma)
      .raw()
      .toBuffer();
  }

  const next = noiseSource(rng.int(0, 2 ** 31 - 1));
  const noise = c.noiseSigma;
  for (let i = 0; i < pixels.length; i += 4) {
    if (c.grayscale) {
      const lum = 0.299 * (pixels[i] ?? 0) + 0.587 * (pixels[i + 1] ?? 0) + 0.114 * (pixels[i + 2] ?? 0);
      // Photocopies raise contrast and wash out mid tones.
      let v = (lum - 128) * 1.25 + 140;
      if (noise > 0) v += noise * (next() + next() + next() - 1.5) * 2;
      const b = Math.max(0, Math.min(255, Math.round(v)));
      pixels[i] = b;
      pixels[i + 1] = b;
      pixels[i + 2] = b;
    } else if (noise > 0) {
      for (let ch = 0; ch < 3; ch++) {
        const v = (pixels[i + ch] ?? 0) + noise * (next() + next() + next() - 1.5) * 2;
        pixels[i + ch] = Math.max(0, Math.min(255, Math.round(v)));
      }
    }
    pixels[i + 3] = 255;
  }

  const encoder = sharp(pixels, { raw: { width: W, height: H, channels: 4 } }).removeAlpha();
  const image =
    c.jpegQuality === null
      ? await encoder.png({ compressionLevel: 6 }).toBuffer()
      : await encoder.jpeg({ quality: c.jpegQuality, chromaSubsampling: "4:2:0", mozjpeg: false }).toBuffer();
  return {
    image: new Uint8Array(image.buffer, image.byteOffset, image.byteLength),
    mediaType: c.jpegQuality === null ? "image/png" : "image/jpeg",
    width: W,
    height: H,
    toOutput: forward,
  };
}
