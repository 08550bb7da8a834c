import { TD3_MM } from "contract/td3-page";
import type { GrayFrame } from "./frame-metrics";

/**
 * Grayscale frames drawn for the detector's tests: a TD3 page (light paper on a darker table) with MRZ-like
 * characters on the ICAO grid, a portrait block and smaller printed text, at a chosen scale, place and rotation.
 */
export interface PageDrawing {
  width: number;
  height: number;
  /** Frame pixels per page millimetre. */
  scale: number;
  /** Where the page's top-left corner lies, in frame pixels. */
  left: number;
  top: number;
  /** Turn of the page around its top-left corner, in degrees. */
  degrees?: number;
  /** Draw the MRZ (false: a page whose MRZ is covered or cut off). */
  mrz?: boolean;
}

const PAPER = 215;
const TABLE = 70;
const INK = 35;
const PITCH = 2.54;
const CAP = 2.42;
const LINE_CENTRES = [75.9, 82.0];

/** Is page point (x, y) in mm inked? Characters are outline boxes ("letters") or chevrons ("<" fillers). */
function inked(x: number, y: number, mrz: boolean): boolean {
  const stroke = 0.38;
  if (mrz) {
    for (const [line, centre] of LINE_CENTRES.entries()) {
      if (Math.abs(y - centre) > CAP / 2) continue;
      const cell = Math.floor((x - TD3_MM.mrzText.left) / PITCH);
      if (cell < 0 || cell >= 44) return false;
      const u = x - TD3_MM.mrzText.left - cell * PITCH;
      const v = y - (centre - CAP / 2);
      const filler = (line === 0 && cell > 25) || (line === 1 && cell > 28 && cell < 42);
      if (filler) {
        // "<": two strokes meeting at the left, 1.6 mm tall around the centre line.
        const dy = Math.abs(v - CAP / 2);
        return dy <= 0.8 && u >= 0.4 && u <= 2.0 && Math.abs(u - 0.4 - dy * 2) <= stroke;
      }
      if (u < 0.35 || u > 2.05) return false;
      return (
        u < 0.35 + stroke ||
        u > 2.05 - stroke ||
        v < stroke ||
        v > CAP - stroke ||
        (cell % 3 === 0 && Math.abs(v - CAP / 2) < stroke / 2)
      );
    }
  }
  // Portrait: a dark block.
  const p = TD3_MM.portrait;
  if (x >= p.left && x <= p.left + p.width && y >= p.top && y <= p.top + p.height) return (x + y) % 7 < 5;
  // Printed fields: short rows of smaller characters right of the portrait.
  for (let row = 0; row < 7; row++) {
    const baseline = 22 + row * 7;
    if (y < baseline - 1.8 || y > baseline) continue;
    if (x < 42 || x > 42 + 8 + ((row * 13) % 30)) return false;
    return (x - 42) % 1.9 < 1.3 && (y - baseline + 1.8 < 0.3 || (x - 42) % 1.9 < 0.3);
  }
  return false;
}

export function drawPage(d: PageDrawing): GrayFrame {
  const { width, height, scale, left, top } = d;
  const mrz = d.mrz ?? true;
  const angle = ((d.degrees ?? 0) * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const data = new Uint8Array(width * height);
  const samples = [0.25, 0.75];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (const sy of samples) {
        for (const sx of samples) {
          const dx = x + sx - left;
          const dy = y + sy - top;
          const px = (dx * cos + dy * sin) / scale;
          const py = (-dx * sin + dy * cos) / scale;
          if (px < 0 || py < 0 || px > TD3_MM.page.width || py > TD3_MM.page.height) sum += TABLE;
          else sum += inked(px, py, mrz) ? INK : PAPER;
        }
      }
      data[y * width + x] = sum / 4;
    }
  }
  return { width, height, data };
}

/** Where a drawn page's MRZ text box lies (TL, TR, BR, BL), in frame pixels. */
export function drawnTextBox(d: PageDrawing): { x: number; y: number }[] {
  const angle = ((d.degrees ?? 0) * Math.PI) / 180;
  const t = TD3_MM.mrzText;
  const at = (x: number, y: number) => ({
    x: d.left + d.scale * (x * Math.cos(angle) - y * Math.sin(angle)),
    y: d.top + d.scale * (x * Math.sin(angle) + y * Math.cos(angle)),
  });
  return [at(t.left, t.top), at(t.right, t.top), at(t.right, t.bottom), at(t.left, t.bottom)];
}

/** A busy picture with no document in it: overlapping rings and stripes of every size (a fractal's texture). */
export function drawClutter(width: number, height: number): GrayFrame {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const r = Math.hypot(x - width * 0.4, y - height * 0.6);
      const v = Math.sin(r / 3) + Math.sin((x * y) / 900) + Math.sin(x / 7 + Math.sin(y / 11) * 3);
      data[y * width + x] = 128 + v * 40;
    }
  }
  return { width, height, data };
}
