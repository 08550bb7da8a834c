import { type Canvas, createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import type { Quad } from "contract/geometry";
import { TD3_MM } from "contract/td3-page";
import { MRZ_FONT, registerFonts, SANS_FONT } from "./fonts";
import { drawGuilloche } from "./guilloche";
import { type MmRect, MRZ_BAND_MM, rectQuad } from "./page-geometry";
import type { PassportData } from "./passport-data";
import type { Random } from "./random";

export interface RenderedPage {
  canvas: Canvas;
  width: number;
  height: number;
  /** In page pixels. */
  mrzBand: Quad;
  portraitBox: Quad;
}

/** OCR-B cap height is 0.71 em (measured on Debian's OCRB.otf). */
const OCR_B_CAP_PER_EM = 0.71;

function hsl(h: number, s: number, l: number, a = 1): string {
  return `hsla(${h.toFixed(1)}, ${s.toFixed(1)}%, ${l.toFixed(1)}%, ${a})`;
}

/** A drawn face on a plain background, in the given millimetre rectangle (default: the TD3 portrait). */
export function drawPortrait(ctx: SKRSContext2D, rng: Random, s: number, rect: MmRect = TD3_MM.portrait): void {
  const { left, top, width, height } = rect;
  const x = left * s;
  const y = top * s;
  const w = width * s;
  const h = height * s;
  const bg = ctx.createLinearGradient(x, y, x, y + h);
  bg.addColorStop(0, hsl(rng.float(190, 220), 20, rng.float(80, 90)));
  bg.addColorStop(1, hsl(rng.float(190, 220), 15, rng.float(65, 78)));
  ctx.fillStyle = bg;
  ctx.fillRect(x, y, w, h);
  const skin = hsl(rng.float(15, 35), rng.float(30, 55), rng.float(35, 75));
  const cx = x + w / 2 + rng.float(-1, 1) * s;
  // Shoulders.
  ctx.fillStyle = hsl(rng.float(0, 360), rng.float(10, 50), rng.float(15, 45));
  ctx.beginPath();
  ctx.ellipse(cx, y + h * 1.02, w * 0.5, h * 0.3, 0, Math.PI, 2 * Math.PI);
  ctx.fill();
  // Neck and head.
  ctx.fillStyle = skin;
  ctx.fillRect(cx - w * 0.09, y + h * 0.55, w * 0.18, h * 0.2);
  ctx.beginPath();
  ctx.ellipse(cx, y + h * 0.43, w * 0.24, h * 0.22, 0, 0, 2 * Math.PI);
  ctx.fill();
  // Hair.
  ctx.fillStyle = hsl(rng.float(20, 40), rng.float(10, 40), rng.float(5, 45));
  ctx.beginPath();
  ctx.ellipse(cx, y + h * 0.3, w * 0.26, h * 0.12, 0, Math.PI, 2 * Math.PI);
  ctx.fill();
  // Eyes and mouth.
  ctx.fillStyle = "#222";
  for (const dx of [-0.09, 0.09]) {
    ctx.beginPath();
    ctx.ellipse(cx + dx * w, y + h * 0.41, w * 0.03, h * 0.012, 0, 0, 2 * Math.PI);
    ctx.fill();
  }
  ctx.strokeStyle = "#7a3a3a";
  ctx.lineWidth = 0.3 * s;
  ctx.beginPath();
  ctx.moveTo(cx - w * 0.07, y + h * 0.53);
  ctx.quadraticCurveTo(cx, y + h * 0.56, cx + w * 0.07, y + h * 0.53);
  ctx.stroke();
}

function drawField(ctx: SKRSContext2D, s: number, x: number, y: number, label: string, value: string): void {
  ctx.fillStyle = "#3c3c5a";
  ctx.font = `${(1.5 * s).toFixed(2)}px ${SANS_FONT}`;
  ctx.fillText(label, x * s, y * s);
  ctx.fillStyle = "#161616";
  ctx.font = `bold ${(2.4 * s).toFixed(2)}px ${SANS_FONT}`;
  ctx.fillText(value, x * s, (y + 3.2) * s);
}

/** Draws one MRZ line in OCR-B at the ICAO pitch; `centreY` and `left` in pixels, `capHeight` in pixels. */
export function drawMrzLine(
  ctx: SKRSContext2D,
  line: string,
  left: number,
  centreY: number,
  capHeight: number,
  pitch: number,
  jitter?: Random,
  /** Each glyph's outline stroked this wide in the ink (bolder print), or erased (thinner print: draw on a layer). */
  outline?: { width: number; erase: boolean },
): void {
  const em = capHeight / OCR_B_CAP_PER_EM;
  ctx.font = `${em.toFixed(3)}px ${MRZ_FONT}`;
  ctx.textAlign = "center";
  ctx.textBaseline = "alphabetic";
  const baseline = centreY + capHeight / 2;
  for (let i = 0; i < line.length; i++) {
    const dx = jitter ? jitter.float(-0.04, 0.04) * pitch : 0;
    const dy = jitter ? jitter.float(-0.03, 0.03) * capHeight : 0;
    const x = left + (i + 0.5) * pitch + dx;
    ctx.fillText(line.charAt(i), x, baseline + dy);
    if (outline) {
      ctx.save();
      ctx.globalCompositeOperation = outline.erase ? "destination-out" : "source-over";
      ctx.lineWidth = outline.width;
      ctx.lineJoin = "round";
      ctx.strokeStyle = ctx.fillStyle;
      ctx.strokeText(line.charAt(i), x, baseline + dy);
      ctx.restore();
    }
  }
  ctx.textAlign = "left";
}

/**
 * An MRZ line printed bolder (weight > 0: the glyphs' outlines stroked in the ink) or thinner (weight < 0: the
 * outlines eaten away), weight a share of the cap height. Drawn on a layer, so thinning does not erase the background.
 */
export function drawWeightedLine(
  ctx: SKRSContext2D,
  text: string,
  left: number,
  centreY: number,
  cap: number,
  pitch: number,
  weight: number,
  rng?: Random,
): void {
  const layer = createCanvas(ctx.canvas.width, ctx.canvas.height);
  const lctx = layer.getContext("2d");
  lctx.setTransform(ctx.getTransform());
  lctx.fillStyle = ctx.fillStyle;
  drawMrzLine(lctx, text, left, centreY, cap, pitch, rng, { width: Math.abs(weight) * cap, erase: weight < 0 });
  ctx.save();
  ctx.resetTransform();
  ctx.drawImage(layer, 0, 0);
  ctx.restore();
}

/** One MRZ line at the given print weight (0: as the font draws it). */
export function drawPrintedMrzLine(
  ctx: SKRSContext2D,
  line: string,
  left: number,
  centreY: number,
  capHeight: number,
  pitch: number,
  weight: number,
): void {
  if (weight === 0) drawMrzLine(ctx, line, left, centreY, capHeight, pitch);
  else drawWeightedLine(ctx, line, left, centreY, capHeight, pitch, weight);
}

/** Renders the data page at `scale` pixels per millimetre; `mrzWeight` as in drawWeightedLine. */
export function renderPage(data: PassportData, rng: Random, scale: number, mrzWeight = 0): RenderedPage {
  registerFonts();
  const width = Math.round(TD3_MM.page.width * scale);
  const height = Math.round(TD3_MM.page.height * scale);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  const hue = rng.float(0, 360);
  ctx.fillStyle = hsl(hue, rng.float(15, 45), rng.float(88, 95));
  ctx.fillRect(0, 0, width, height);
  drawGuilloche(ctx, rng, width, height, hue, scale);

  // Header.
  ctx.fillStyle = hsl(hue, 45, 28);
  ctx.font = `bold ${(3.2 * scale).toFixed(2)}px ${SANS_FONT}`;
  ctx.fillText(data.issuingStateName, 6 * scale, 8 * scale);
  ctx.font = `${(2.2 * scale).toFixed(2)}px ${SANS_FONT}`;
  ctx.fillText("PASSPORT / PASSEPORT / PASAPORTE", 6 * scale, 12.5 * scale);

  drawPortrait(ctx, rng, scale);
  // Signature scribble under the portrait.
  ctx.strokeStyle = "#1b2a6b";
  ctx.lineWidth = 0.35 * scale;
  ctx.beginPath();
  ctx.moveTo(8 * scale, 68 * scale);
  for (let t = 0; t < 1; t += 0.02) {
    ctx.lineTo((8 + 28 * t) * scale, (68 + 2 * Math.sin(t * rng.float(15, 30)) * Math.cos(t * 7)) * scale);
  }
  ctx.stroke();

  const vz = data.visualZone;
  const col1 = 44;
  const col2 = 84;
  drawField(ctx, scale, col1, 17, "Type / Type", vz.type ?? "P");
  drawField(ctx, scale, 62, 17, "Code / Code", vz.issuingCountry ?? "");
  drawField(ctx, scale, col2, 17, "Passport No. / No. du passeport", vz.number ?? "");
  drawField(ctx, scale, col1, 25, "Surname / Nom", vz.surname ?? "");
  drawField(ctx, scale, col1, 33, "Given names / Prénoms", vz.givenNames ?? "");
  drawField(ctx, scale, col1, 41, "Nationality / Nationalité", vz.nationality ?? "");
  drawField(ctx, scale, col1, 49, "Date of birth / Date de naissance", vz.birthDate ?? "");
  drawField(ctx, scale, col2 + 12, 49, "Sex / Sexe", vz.sex ?? "");
  drawField(ctx, scale, col1, 57, "Place of birth / Lieu de naissance", vz.birthPlace ?? "");
  drawField(ctx, scale, col2 + 12, 57, "Authority / Autorité", (vz.issuingAuthority ?? "").slice(0, 14));
  drawField(ctx, scale, col1, 65, "Date of issue / Date de délivrance", vz.issueDate ?? "");
  drawField(ctx, scale, col2 + 12, 65, "Date of expiry / Date d'expiration", vz.expiryDate ?? "");

  // MRZ.
  ctx.fillStyle = `rgb(${rng.int(10, 35)}, ${rng.int(10, 35)}, ${rng.int(10, 40)})`;
  data.mrzLines.forEach((line, i) => {
    drawPrintedMrzLine(
      ctx,
      line,
      TD3_MM.mrz.left * scale,
      (TD3_MM.mrz.centres[i] ?? 0) * scale,
      TD3_MM.mrz.capHeight * scale,
      TD3_MM.mrz.pitch * scale,
      mrzWeight,
    );
  });

  return {
    canvas,
    width,
    height,
    mrzBand: rectQuad(MRZ_BAND_MM.left, MRZ_BAND_MM.top, MRZ_BAND_MM.right, MRZ_BAND_MM.bottom, scale),
    portraitBox: rectQuad(
      TD3_MM.portrait.left,
      TD3_MM.portrait.top,
      TD3_MM.portrait.left + TD3_MM.portrait.width,
      TD3_MM.portrait.top + TD3_MM.portrait.height,
      scale,
    ),
  };
}
