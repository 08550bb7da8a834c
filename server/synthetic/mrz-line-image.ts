import { createCanvas } from "@napi-rs/canvas";
import type { Quad } from "contract/geometry";
import sharp from "sharp";
import { drawFoil } from "./foil";
import { registerFonts } from "./fonts";
import { drawGuilloche } from "./guilloche";
import { noiseSource } from "./noise";
import type { Random } from "./random";
import { drawMrzLine, drawWeightedLine } from "./render-page";

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
  /** Stroke weight change as a share of the cap height: > 0 bolder print, < 0 thinner (laser-engraved cards). */
  strokeWeight: number;
  /** Capital height the line was captured at before the crop scaled it to capHeightPx (low resolution: 7-12 px),
   *  or null when it was captured at capHeightPx or larger. */
  sourceCapPx: number | null;
  /** 0..1 opacity of a coloured foil or watermark over the line. */
  foil: number;
}

/** The knobs the "field" severity adds, off (clean and mixed lines draw nothing for them). */
const PLAIN_PRINT = { strokeWeight: 0, sourceCapPx: null, foil: 0 } as const;

/**
 * clean: sharp lines at 20-40 px. mixed: the capture degradations of issue 4. field: what real documents add (issue
 * 16): bold or thin print, small captures scaled up by the crop, foils and watermarks over the line.
 */
export function randomLineDegradation(rng: Random, severity: "clean" | "mixed" | "field" = "mixed"): LineDegradation {
  if (severity === "field") {
    const base = randomLineDegradation(rng, "mixed");
    const lowRes = rng.chance(0.45);
    return {
      ...base,
      // The engine hands the recogniser capitals of about 24 px, however small the capture.
      capHeightPx: lowRes ? rng.float(20, 28) : base.capHeightPx,
      blurSigma: lowRes ? 0 : base.blurSigma,
      strokeWeight: rng.chance(0.6) ? rng.float(-0.06, 0.1) : 0,
      sourceCapPx: lowRes ? rng.float(6.5, 12) : null,
      foil: rng.chance(0.3) ? rng.float(0.3, 0.9) : 0,
    };
  }
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
      ...PLAIN_PRINT,
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
    ...PLAIN_PRINT,
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
  if (d.strokeWeight === 0) drawMrzLine(ctx, text, marginX, centreY, cap, pitch, rng);
  else drawWeightedLine(ctx, text, marginX, centreY, cap, pitch, d.strokeWeight, rng);
  if (d.neighbourLines) {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<<<<";
    let other = "";
    for (let i = 0; i < text.length; i++) other += alphabet.charAt(rng.int(0, alphabet.length - 1));
    const direction = rng.chance(0.5) ? -1 : 1;
    drawMrzLine(ctx, other, marginX, centreY + direction * lineSpacing, cap, pitch, rng);
  }
  ctx.restore();
  if (d.foil > 0) {
    const box: Quad = [
      { x: 0, y: centreY - cap },
      { x: width, y: centreY - cap },
      { x: width, y: centreY + cap },
      { x: 0, y: centreY + cap },
    ];
    drawFoil(ctx, rng, box, d.foil, cap / 2.42);
  }
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
  // A small capture: everything below happens at the capture's size, then the crop scales it up bilinearly.
  const shrink = d.sourceCapPx === null ? 1 : Math.min(1, d.sourceCapPx / d.capHeightPx);
  const shotW = Math.max(8, Math.round(finalW * shrink));
  const shotH = Math.max(4, Math.round(finalH * shrink));
  let img = sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), {
    raw: { width, height, channels: 4 },
  })
    .greyscale()
    .resize(shotW, shotH, { kernel: shrink < 1 ? "cubic" : "linear" });
  if (d.blurSigma >= 0.3) img = img.blur(d.blurSigma);
  const gray = await img.raw().toBuffer();
  const next = noiseSource(rng.int(0, 2 ** 31 - 1));
  const lo = 255 * (1 - d.contrast) * 0.6;
  for (let i = 0; i < gray.length; i++) {
    const v = lo + ((gray[i] ?? 0) * (255 - lo)) / 255 + d.noiseSigma * (next() + next() + next() - 1.5) * 2;
    gray[i] = Math.max(0, Math.min(255, Math.round(v)));
  }
  let out = sharp(gray, { raw: { width: shotW, height: shotH, channels: 1 } });
  if (d.jpegQuality !== null) {
    const jpeg = await out.jpeg({ quality: d.jpegQuality }).toBuffer();
    out = sharp(jpeg).greyscale();
  }
  if (shrink < 1) out = sharp(await out.resize(finalW, finalH, { kernel: "linear" }).png().toBuffer()).greyscale();
  const png = await out.toColourspace("b-w").png().toBuffer();
  return { png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength), width: finalW, height: finalH, text };
}
