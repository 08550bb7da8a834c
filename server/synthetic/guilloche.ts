import type { SKRSContext2D } from "@napi-rs/canvas";
import type { Random } from "./random";

function hsl(h: number, s: number, l: number, a = 1): string {
  return `hsla(${h.toFixed(1)}, ${s.toFixed(1)}%, ${l.toFixed(1)}%, ${a})`;
}

/** Guilloche-like security background: families of interfering sine lines and a rosette. */
export function drawGuilloche(ctx: SKRSContext2D, rng: Random, w: number, h: number, hue: number, scale: number): void {
  ctx.lineWidth = Math.max(0.6, 0.08 * scale);
  const families = rng.int(2, 4);
  for (let f = 0; f < families; f++) {
    const amp = rng.float(2, 9) * scale;
    const freq = rng.float(0.02, 0.09) / scale;
    const freq2 = rng.float(0.005, 0.03) / scale;
    const phaseStep = rng.float(0.08, 0.3);
    const lines = rng.int(18, 40);
    const spacing = h / lines;
    const hueShift = hue + rng.float(-40, 40);
    ctx.strokeStyle = hsl(hueShift, rng.float(30, 60), rng.float(55, 72), rng.float(0.35, 0.7));
    for (let i = 0; i < lines; i++) {
      ctx.beginPath();
      const base = i * spacing;
      for (let x = 0; x <= w; x += Math.max(2, scale * 0.5)) {
        const y = base + amp * Math.sin(x * freq + i * phaseStep) * Math.cos(x * freq2 + f);
        if (x === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      ctx.stroke();
    }
  }
  // A rosette, as on many data pages.
  const cx = rng.float(0.55, 0.85) * w;
  const cy = rng.float(0.3, 0.6) * h;
  const r0 = rng.float(12, 22) * scale;
  const petals = rng.int(7, 15);
  ctx.strokeStyle = hsl(hue + 180, 40, 65, 0.45);
  for (let k = 0; k < 12; k++) {
    ctx.beginPath();
    for (let t = 0; t <= Math.PI * 2 + 0.01; t += 0.02) {
      const r = r0 * (0.6 + 0.4 * Math.cos(petals * t + k * 0.5));
      const x = cx + r * Math.cos(t);
      const y = cy + r * Math.sin(t);
      if (t === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.stroke();
  }
}
