import type { Point, Quad } from "contract/geometry";
import type { DocumentFields, VisualZone } from "contract/result";
import { TD3_MM } from "contract/td3-page";
import { capturePage } from "./capture";
import { type CaptureConditions, type ConditionsInput, resolveConditions } from "./conditions";
import { MRZ_BAND_MM } from "./page-geometry";
import { randomPassportData } from "./passport-data";
import { Random } from "./random";
import { renderPage } from "./render-page";

export interface PassportTruth {
  mrzLines: [string, string];
  document: DocumentFields;
  visualZone: VisualZone;
  /** MRZ band corners in output pixels, in the document's own reading order: start of line 1, end of line 1,
   *  end of line 2, start of line 2 (for an upside-down page the first point is bottom-right in the image). */
  mrzBand: Quad;
  /** Portrait corners in output pixels, same order convention. */
  portraitBox: Quad;
  /** Page corners in output pixels, same order convention. */
  pageQuad: Quad;
  /** Height of an MRZ capital in output pixels (mean of the band's left and right edges). */
  mrzCharHeightPx: number;
  conditions: CaptureConditions;
  seed: number;
}

export interface GeneratedPassport {
  image: Uint8Array;
  mediaType: "image/jpeg" | "image/png";
  width: number;
  height: number;
  truth: PassportTruth;
}

export interface GenerateOptions {
  seed: number;
  conditions?: ConditionsInput;
}

const mapQuad = (quad: Quad, f: (p: Point) => Point): Quad =>
  quad.map((p) => {
    const q = f(p);
    return { x: Math.round(q.x * 10) / 10, y: Math.round(q.y * 10) / 10 };
  }) as Quad;

/** Renders one synthetic TD3 passport data page photographed under `conditions`, with its ground truth.
 *  Same seed and conditions -> same bytes. */
export async function generatePassport({ seed, conditions = "clean" }: GenerateOptions): Promise<GeneratedPassport> {
  const root = new Random(seed);
  const dataRng = root.fork();
  const conditionsRng = root.fork();
  const pageRng = root.fork();
  const captureRng = root.fork();
  const data = randomPassportData(dataRng);
  const c = resolveConditions(conditions, conditionsRng);
  // Render the page at the resolution it will have in the frame (capped to keep memory bounded).
  const scale = Math.min(40, Math.max(2, (c.pageFill * c.width) / TD3_MM.page.width));
  const page = renderPage(data, pageRng, scale);
  const mrzCentre = {
    x: ((MRZ_BAND_MM.left + MRZ_BAND_MM.right) / 2) * scale,
    y: ((MRZ_BAND_MM.top + MRZ_BAND_MM.bottom) / 2) * scale,
  };
  const shot = await capturePage(page, c, captureRng, { mrzCentre, scale });
  const pageQuad = mapQuad(
    [
      { x: 0, y: 0 },
      { x: page.width, y: 0 },
      { x: page.width, y: page.height },
      { x: 0, y: page.height },
    ],
    shot.toOutput,
  );
  const band = mapQuad(page.mrzBand, shot.toOutput);
  const bandHeightPx =
    (Math.hypot(band[3].x - band[0].x, band[3].y - band[0].y) +
      Math.hypot(band[2].x - band[1].x, band[2].y - band[1].y)) /
    2;
  const bandHeightMm = MRZ_BAND_MM.bottom - MRZ_BAND_MM.top;
  return {
    image: shot.image,
    mediaType: shot.mediaType,
    width: shot.width,
    height: shot.height,
    truth: {
      mrzLines: data.mrzLines,
      document: data.document,
      visualZone: data.visualZone,
      mrzBand: band,
      portraitBox: mapQuad(page.portraitBox, shot.toOutput),
      pageQuad,
      mrzCharHeightPx: Math.round(((bandHeightPx * 2.42) / bandHeightMm) * 10) / 10,
      conditions: c,
      seed,
    },
  };
}
