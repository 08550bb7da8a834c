import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import { registerFonts, SANS_FONT } from "./fonts";
import { drawGuilloche } from "./guilloche";
import { type DocumentLayout, mrzBandMm, rectQuad } from "./page-geometry";
import type { PassportData } from "./passport-data";
import type { Random } from "./random";
import { drawPortrait, drawPrintedMrzLine, type RenderedPage } from "./render-page";

function hsl(h: number, s: number, l: number, a = 1): string {
  return `hsla(${h.toFixed(1)}, ${s.toFixed(1)}%, ${l.toFixed(1)}%, ${a})`;
}

/** Rounded-corner card outline filled with the paper colour (cards are ISO 7810 with 3 mm corner radius). */
function cardShape(ctx: SKRSContext2D, w: number, h: number, r: number, fill: string): void {
  ctx.fillStyle = fill;
  ctx.beginPath();
  ctx.moveTo(r, 0);
  ctx.arcTo(w, 0, w, h, r);
  ctx.arcTo(w, h, 0, h, r);
  ctx.arcTo(0, h, 0, 0, r);
  ctx.arcTo(0, 0, w, 0, r);
  ctx.closePath();
  ctx.fill();
}

/** A few lines of small printed text in a box (an address, an authority, the card's legal notes). */
function drawTextBlock(ctx: SKRSContext2D, rng: Random, s: number, x: number, y: number, w: number, lines: number) {
  ctx.fillStyle = "#2a2a3a";
  ctx.font = `${(1.6 * s).toFixed(2)}px ${SANS_FONT}`;
  for (let i = 0; i < lines; i++) {
    let text = "";
    const n = rng.int(8, 30);
    for (let k = 0; k < n; k++) text += rng.chance(0.17) ? " " : String.fromCharCode(65 + rng.int(0, 25));
    ctx.fillText(text, x * s, (y + i * 2.4) * s, w * s);
  }
}

/**
 * Renders an identity card side holding the MRZ at `scale` pixels per millimetre: a TD2 card's data side (portrait,
 * fields, MRZ) or a TD1 card's back (printed notes and the three-line MRZ).
 */
export function renderCard(
  data: PassportData,
  layout: DocumentLayout,
  rng: Random,
  scale: number,
  mrzWeight = 0,
): RenderedPage {
  registerFonts();
  const width = Math.round(layout.page.width * scale);
  const height = Math.round(layout.page.height * scale);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  const hue = rng.float(0, 360);
  cardShape(ctx, width, height, 3 * scale, hsl(hue, rng.float(10, 40), rng.float(86, 95)));
  ctx.save();
  ctx.clip();
  drawGuilloche(ctx, rng, width, height, hue, scale);
  ctx.restore();

  const vz = data.visualZone;
  ctx.fillStyle = hsl(hue, 45, 28);
  ctx.font = `bold ${(2.6 * scale).toFixed(2)}px ${SANS_FONT}`;
  ctx.fillText(data.issuingStateName, 4 * scale, 6.5 * scale, (layout.page.width - 8) * scale);
  if (layout.portrait) {
    drawPortrait(ctx, rng, scale, layout.portrait);
    const x = layout.portrait.left + layout.portrait.width + 4;
    const rows: [string, string][] = [
      ["Surname", vz.surname ?? ""],
      ["Given names", vz.givenNames ?? ""],
      ["Nationality", vz.nationality ?? ""],
      ["Date of birth", vz.birthDate ?? ""],
      ["Document No.", vz.number ?? ""],
      ["Date of expiry", vz.expiryDate ?? ""],
    ];
    for (const [i, [label, value]] of rows.entries()) {
      ctx.fillStyle = "#3c3c5a";
      ctx.font = `${(1.3 * scale).toFixed(2)}px ${SANS_FONT}`;
      ctx.fillText(label, x * scale, (13 + i * 6.4) * scale);
      ctx.fillStyle = "#161616";
      ctx.font = `bold ${(2.1 * scale).toFixed(2)}px ${SANS_FONT}`;
      ctx.fillText(value, x * scale, (15.8 + i * 6.4) * scale, (layout.page.width - x - 3) * scale);
    }
  } else {
    drawTextBlock(ctx, rng, scale, 4, 12, layout.page.width - 30, rng.int(4, 8));
    // A chip or a small ghost image on the back, as many cards have.
    ctx.fillStyle = hsl(45, 50, 60, 0.8);
    ctx.fillRect((layout.page.width - 20) * scale, 12 * scale, 12 * scale, 9 * scale);
  }

  const { mrz } = layout;
  ctx.fillStyle = `rgb(${rng.int(10, 35)}, ${rng.int(10, 35)}, ${rng.int(10, 40)})`;
  data.mrzLines.forEach((line, i) => {
    const y = (mrz.centres[i] ?? 0) * scale;
    drawPrintedMrzLine(ctx, line, mrz.left * scale, y, mrz.capHeight * scale, mrz.pitch * scale, mrzWeight);
  });
  const band = mrzBandMm(layout);
  const p = layout.portrait;
  return {
    canvas,
    width,
    height,
    mrzBand: rectQuad(band.left, band.top, band.right, band.bottom, scale),
    portraitBox: p
      ? rectQuad(p.left, p.top, p.left + p.width, p.top + p.height, scale)
      : rectQuad(0, 0, layout.page.width, layout.page.height * 0.6, scale),
  };
}
