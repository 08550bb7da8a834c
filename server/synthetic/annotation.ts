import type { SKRSContext2D } from "@napi-rs/canvas";
import type { Quad } from "contract/geometry";
import { SANS_FONT } from "./fonts";
import type { Random } from "./random";

/**
 * What tutorials and app screenshots draw over a document: a coloured frame around the MRZ (2-5 mm out,
 * never over its characters) and often a label with an arrow pointing at it.
 */
export function drawAnnotation(ctx: SKRSContext2D, rng: Random, band: Quad, scale: number): void {
  const margin = rng.float(2, 5) * scale;
  const left = band[0].x - margin;
  const top = band[0].y - margin;
  const w = band[1].x - band[0].x + 2 * margin;
  const h = band[3].y - band[0].y + 2 * margin;
  const colour = rng.pick(["#d21f1f", "#e0251b", "#1f6fd2", "#18a33a", "#ffcc00"]);
  ctx.save();
  ctx.strokeStyle = colour;
  ctx.lineWidth = rng.float(0.3, 1) * scale;
  ctx.strokeRect(left, top, w, h);
  if (rng.chance(0.5)) {
    ctx.fillStyle = colour;
    ctx.font = `${(rng.float(2.5, 4) * scale).toFixed(1)}px ${SANS_FONT}`;
    const x = left + rng.float(0, 0.5) * w;
    const y = top - rng.float(6, 12) * scale;
    ctx.fillText(rng.pick(["Machine Readable Zone", "MRZ", "machine readable zone"]), x, y);
    ctx.beginPath();
    ctx.moveTo(x + 2 * scale, y + scale);
    ctx.lineTo(x + 2 * scale, top - scale);
    ctx.stroke();
  }
  ctx.restore();
}
