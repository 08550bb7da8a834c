import type { SKRSContext2D } from "@napi-rs/canvas";
import type { Quad } from "contract/geometry";
import { SANS_FONT } from "./fonts";
import type { Random } from "./random";

/**
 * A coloured security foil or watermark over the MRZ, as on visas, cards and stock photos of specimens: a translucent
 * rainbow sheen, fine wave lines in coloured ink and repeated watermark text, over the band and a little beyond.
 * `strength` 0..1 scales their opacity.
 */
export function drawFoil(ctx: SKRSContext2D, rng: Random, band: Quad, strength: number, scale: number): void {
  const left = band[0].x - rng.float(0, 10) * scale;
  const right = band[1].x + rng.float(0, 10) * scale;
  const top = band[0].y - rng.float(0, 6) * scale;
  const bottom = band[3].y + rng.float(0, 4) * scale;
  const w = right - left;
  const h = bottom - top;
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, w, h);
  ctx.clip();
  // Sheen: a rainbow gradient along a random direction.
  const angle = rng.float(0, Math.PI);
  const g = ctx.createLinearGradient(
    left + w / 2 - (Math.cos(angle) * w) / 2,
    top + h / 2 - (Math.sin(angle) * w) / 2,
    left + w / 2 + (Math.cos(angle) * w) / 2,
    top + h / 2 + (Math.sin(angle) * w) / 2,
  );
  const hue0 = rng.float(0, 360);
  for (let k = 0; k <= 4; k++) {
    g.addColorStop(k / 4, `hsla(${(hue0 + k * rng.float(40, 90)) % 360}, 70%, 60%, ${0.3 * strength})`);
  }
  ctx.fillStyle = g;
  ctx.fillRect(left, top, w, h);
  // Wave lines in a coloured ink, some as dark as faint print.
  ctx.lineWidth = Math.max(0.6, rng.float(0.08, 0.2) * scale);
  const lines = rng.int(6, 20);
  const amp = rng.float(0.5, 3) * scale;
  const freq = rng.float(0.1, 0.6) / scale;
  for (let i = 0; i < lines; i++) {
    ctx.strokeStyle = `hsla(${(hue0 + rng.float(-60, 60) + 360) % 360}, 55%, ${rng.float(35, 65)}%, ${rng.float(0.3, 0.8) * strength})`;
    ctx.beginPath();
    const base = top + (i + 0.5) * (h / lines);
    const phase = rng.float(0, 2 * Math.PI);
    for (let x = left; x <= right; x += Math.max(1, 0.4 * scale)) {
      const y = base + amp * Math.sin((x - left) * freq + phase);
      if (x === left) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.stroke();
  }
  // Watermark text: a word repeated in a grid, tilted.
  const word = rng.pick(["SPECIMEN", "a", "SAMPLE", "VOID", "ICAO", "MUSTER", "VZOR"]);
  const size = rng.float(2, 6) * scale;
  ctx.font = `bold ${size.toFixed(1)}px ${SANS_FONT}`;
  ctx.fillStyle = `hsla(${rng.float(0, 360)}, ${rng.float(0, 40)}%, ${rng.float(40, 75)}%, ${rng.float(0.25, 0.6) * strength})`;
  ctx.translate(left, top);
  ctx.rotate(rng.float(-0.5, 0.5));
  for (let y = -h; y < 2 * h; y += size * rng.float(1.6, 3)) {
    for (let x = -w / 4; x < w * 1.2; x += size * (word.length * 0.7 + rng.float(1, 4))) ctx.fillText(word, x, y);
  }
  ctx.restore();
}
