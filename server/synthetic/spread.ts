import { createCanvas } from "@napi-rs/canvas";
import type { Quad } from "contract/geometry";
import { SANS_FONT } from "./fonts";
import { drawGuilloche } from "./guilloche";
import type { DocumentLayout } from "./page-geometry";
import type { Random } from "./random";
import type { RenderedPage } from "./render-page";

const shift = (q: Quad, dy: number): Quad => q.map((p) => ({ x: p.x, y: p.y + dy })) as Quad;

/**
 * Two pages in one picture, as flatbed scans and phone photos of an open document show them: a passport's data
 * page below its facing page (joined at the fold, with its shadow), or an identity card's MRZ side with its other
 * side above or below, a gap of scanner bed between. The facing side carries guilloche and printed text.
 */
export function composeSpread(page: RenderedPage, layout: DocumentLayout, rng: Random, scale: number): RenderedPage {
  const booklet = layout.format === "TD3";
  const gap = booklet ? 0 : Math.round(rng.float(3, 12) * scale);
  const facingAbove = booklet || rng.chance(0.5);
  const width = page.width;
  const height = 2 * page.height + gap;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  // Scanner bed (cards) shows between and around the sides.
  ctx.fillStyle = `hsl(0, 0%, ${rng.float(88, 98).toFixed(1)}%)`;
  ctx.fillRect(0, 0, width, height);

  const facingTop = facingAbove ? 0 : page.height + gap;
  const pageTop = facingAbove ? page.height + gap : 0;
  const hue = rng.float(0, 360);
  ctx.fillStyle = `hsl(${hue.toFixed(1)}, ${rng.float(10, 40).toFixed(1)}%, ${rng.float(86, 95).toFixed(1)}%)`;
  ctx.fillRect(0, facingTop, width, page.height);
  ctx.save();
  ctx.translate(0, facingTop);
  drawGuilloche(ctx, rng, width, page.height, hue, scale);
  ctx.fillStyle = "#2a2a3a";
  const blocks = rng.int(1, 4);
  for (let b = 0; b < blocks; b++) {
    const size = rng.float(1.5, 3.5) * scale;
    ctx.font = `${size.toFixed(1)}px ${SANS_FONT}`;
    const x = rng.float(0.05, 0.5) * width;
    let y = rng.float(0.1, 0.8) * page.height;
    const lines = rng.int(1, 4);
    for (let i = 0; i < lines; i++, y += size * 1.5) {
      let text = "";
      const n = rng.int(6, 28);
      for (let k = 0; k < n; k++) text += rng.chance(0.15) ? " " : String.fromCharCode(65 + rng.int(0, 25));
      ctx.fillText(text, x, y, width - x - 2 * scale);
    }
  }
  ctx.restore();
  ctx.drawImage(page.canvas, 0, pageTop);
  if (booklet) {
    // The fold: a soft shadow across the spine.
    const fold = page.height;
    const reach = rng.float(2, 6) * scale;
    const g = ctx.createLinearGradient(0, fold - reach, 0, fold + reach);
    const depth = rng.float(0.15, 0.45);
    g.addColorStop(0, "rgba(0,0,0,0)");
    g.addColorStop(0.5, `rgba(0,0,0,${depth.toFixed(2)})`);
    g.addColorStop(1, "rgba(0,0,0,0)");
    ctx.fillStyle = g;
    ctx.fillRect(0, fold - reach, width, 2 * reach);
  }
  return {
    canvas,
    width,
    height,
    mrzBand: shift(page.mrzBand, pageTop),
    portraitBox: shift(page.portraitBox, pageTop),
  };
}
