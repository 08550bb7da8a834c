import type { Quad } from "contract/geometry";
import sharp from "sharp";
import type { ImageSource } from "./decode-image";

/** Longest side of the returned portrait (pixels); the crop is never upscaled beyond its source resolution. */
const MAX_SIDE = 480;

/**
 * Cuts the portrait quad (TL, TR, BR, BL in reading order, original image pixels) out of the image, upright, and
 * returns it as base64 JPEG. Null when the quad lies outside the image.
 */
export async function cropPortrait(
  source: ImageSource,
  quad: Quad,
): Promise<{ mediaType: "image/jpeg"; base64: string } | null> {
  const xs = quad.map((p) => p.x);
  const ys = quad.map((p) => p.y);
  const left = Math.max(0, Math.floor(Math.min(...xs)));
  const top = Math.max(0, Math.floor(Math.min(...ys)));
  const right = Math.min(source.width, Math.ceil(Math.max(...xs)));
  const bottom = Math.min(source.height, Math.ceil(Math.max(...ys)));
  if (right - left < 8 || bottom - top < 8) return null;
  const { image, rect } = await source.region({ left, top, width: right - left, height: bottom - top });
  const density = image.width / rect.width;
  const [tl, tr, , bl] = quad;
  const srcW = Math.hypot(tr.x - tl.x, tr.y - tl.y);
  const srcH = Math.hypot(bl.x - tl.x, bl.y - tl.y);
  const k = Math.min(1, MAX_SIDE / Math.max(srcW, srcH)) * density;
  const outW = Math.max(8, Math.round(srcW * k));
  const outH = Math.max(8, Math.round(srcH * k));
  const out = Buffer.alloc(outW * outH * 3);
  for (let y = 0; y < outH; y++) {
    const v = (y + 0.5) / outH;
    for (let x = 0; x < outW; x++) {
      const u = (x + 0.5) / outW;
      // Bilinear in the quad corners, then nearest source pixel (the JPEG encoder smooths further).
      const px = tl.x + (tr.x - tl.x) * u + (bl.x - tl.x) * v;
      const py = tl.y + (tr.y - tl.y) * u + (bl.y - tl.y) * v;
      const sx = Math.min(image.width - 1, Math.max(0, Math.round((px - rect.left) * density)));
      const sy = Math.min(image.height - 1, Math.max(0, Math.round((py - rect.top) * density)));
      const s = (sy * image.width + sx) * 3;
      const o = (y * outW + x) * 3;
      out[o] = image.data[s]!;
      out[o + 1] = image.data[s + 1]!;
      out[o + 2] = image.data[s + 2]!;
    }
  }
  const jpeg = await sharp(out, { raw: { width: outW, height: outH, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
  return { mediaType: "image/jpeg", base64: jpeg.toString("base64") };
}
