import { createCanvas } from "@napi-rs/canvas";
import sharp from "sharp";
import { registerFonts } from "./fonts";
import { drawGuilloche } from "./guilloche";
import { noiseSource } from "./noise";
import type { Random } from "./random";
import { drawMrzLine } from "./render-page";

/** Degradation of one MRZ line crop, as the engine sees it after locating, deskewing and cropping the band. */
export interface LineDegradation {
  /** OCR-B capital height in the final image, pixels. */
  capHeightPx: number;
  /** Residual skew after deskewing, degrees. */
  rotationDeg: number;
  /** Gaussian blur sigma in final pixels. */
  blurSigma: number;
  noiseSigma: number;
  /** JPEG quality the crop went through, or null. */
  jpegQuality: number | null;
  /** Horizontal scale of the pitch (perspective leftovers), 1 = ICAO pitch. */
  pitchScale: number;
  /** Slivers of the neighbouring MRZ line at the top or bottom edge. */
  neighbourLines: boolean;
  /** Share of the text height left as margin above and below (0.15 = tight crop). */
  verticalMargin: number;
  /** Margin before the first and after the last character, in character pitches (may be tight). */
  horizontalMargin: number;
  /** 0..1 strength of a bright glare blob. */
  glare: number;
  /** Ink and paper contrast 0.4..1 (faded print, grey photocopies). */
  contrast: number;
}

export function randomLineDegradation(rng: Random, severity: "clean" | "mixed" = "mixed"): LineDegradation {
  if (severity === "clean") {
    return {
      capHeightPx: rng.float(20, 40),
      rotationDeg: 0,
      blurSigma: 0,
      noiseSigma: 1,
      jpegQuality: null,
      pitchScale: 1,
      neighbourLines: false,
      verticalMargin: 0.5,
      horizontalMargin: 1,
      glare: 0,
      contrast: 1,
    };
  }
  const cap = rng.chance(0.3) ? rng.float(10, 18) : rng.float(18, 48);
  return {
    capHeightPx: cap,
    rotationDeg: rng.chance(0.5) ? rng.normal(0, 0.6) : 0,
    blurSigma: rng.chance(0.6) ? rng.float(0.3, Math.min(2.2, 0.07 * cap)) : 0,
    noiseSigma: rng.float(0, 10),
    jpegQuality: rng.chance(0.7) ? rng.int(30, 95) : null,
    pitchScale: rng.float(0.92, 1.08),
    neighbourLines: rng.chance(0.5),
    verticalMargin: rng.float(0.12, 0.9),
    horizontalMargin: rng.float(0.05, 2),
    glare: rng.chance(0.15) ? rng.float(0.3, 0.7) : 0,
    contrast: rng.float(0.45, 1),
  };
}

export interface MrzLineImage {
  /** Grayscale PNG. */
  png: Uint8Array;
  width: number;
  height: number;
  text: string;
}

/** Renders one MRZ line (OCR-B, ICAO pitch) over a guilloche background, degraded like a deskewed crop. */
export async function renderMrzLineImage(text: string, d: LineDegradation, rng: Random): Promise<MrzLineImage> {
  registerFonts();
  // Draw at 2x the target size, then resample down (as a camera and the crop's resampling would).
  const oversample = 2;
  const cap = d.capHeightPx * oversample;
  const pitch = ((cap * 2.54) / 2.42) * d.pitchScale;
  const lineSpacing = cap * (6.1 / 2.42);
  const marginX = d.horizontalMargin * pitch;
  const width = Math.ceil(marginX * 2 + pitch * text.length);
  // Keep the tilted line's ends inside the crop: residual skew must not cut glyphs off.
  const tilt = Math.abs(Math.tan((d.rotationDeg * Math.PI) / 180)) * (width / 2);
  const marginY = Math.max(d.verticalMargin * cap, tilt + 0.1 * cap);
  const height = Math.ceil(cap + 2 * marginY);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  const hue = rng.float(0, 360);
  ctx.fillStyle = `hsl(${hue.toFixed(0)}, ${rng.int(10, 45)}%, ${rng.int(84, 96)}%)`;
  ctx.fillRect(0, 0, width, height);
  drawGuilloche(ctx, rng, width, height, hue, cap / 2.42);
  ctx.save();
  ctx.translate(width / 2, height / 2);
  ctx.rotate((d.rotationDeg * Math.PI) / 180);
  ctx.translate(-width / 2, -height / 2);
  const ink = rng.int(10, 40);
  ctx.fillStyle = `rgb(${ink}, ${ink}, ${ink + rng.int(0, 15)})`;
  const centreY = height / 2;
  drawMrzLine(ctx, text, marginX, centreY, cap, pitch, rng);
  if (d.neighbourLines) {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<<<<";
    let other = "";
    for (let i = 0; i < text.length; i++) other += alphabet.charAt(rng.int(0, alphabet.length - 1));
    const direction = rng.chance(0.5) ? -1 : 1;
    drawMrzLine(ctx, other, marginX, centreY + direction * lineSpacing, cap, pitch, rng);
  }
  ctx.restore();
  if (d.glare > 0) {
    const gx = rng.float(0, width);
    const gr = rng.float(1, 4) * cap;
    const g = ctx.createRadialGradient(gx, centreY, 0, gx, centreY, gr);
    g.addColorStop(0, `rgba(255, 255, 255, ${d.glare})`);
    g.addColorStop(1, "rgba(255, 255, 255, 0)");
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, width, height);
  }

  const rgba = ctx.getImageData(0, 0, width, height).data;
  const finalW = Math.max(8, Math.round(width / oversample));
  const finalH = Math.max(8, Math.round(height / oversample));
  let img = sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), {
    raw: { width, height, channels: 4 },
  })
    .greyscale()
    .resize(finalW, finalH, { kernel: "linear" });
  if (d.blurSigma >= 0.3) img = img.blur(d.blurSigma);
  const gray = await img.raw().toBuffer();
  const next = noiseSource(rng.int(0, 2 ** 31 - 1));
  const lo = 255 * (1 - d.contrast) * 0.6;
  for (let i = 0; i < gray.length; i++) {
    const v = lo + ((gray[i] ?? 0) * (255 - lo)) / 255 + d.noiseSigma * (next() + next() + next() - 1.5) * 2;
    gray[i] = Math.max(0, Math.min(255, Math.round(v)));
  }
  let out = sharp(gray, { raw: { width: finalW, height: finalH, channels: 1 } });
  if (d.jpegQuality !== null) {
    const jpeg = await out.jpeg({ quality: d.jpegQuality }).toBuffer();
    out = sharp(jpeg).greyscale();
  }
  const png = await out.toColourspace("b-w").png().toBuffer();
  return { png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength), width: finalW, height: finalH, text };
}
