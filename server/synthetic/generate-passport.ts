import type { Point, Quad } from "contract/geometry";
import type { DocumentFields, VisualZone } from "contract/result";
import { drawAnnotation } from "./annotation";
import { capturePage } from "./capture";
import { type CaptureConditions, type ConditionsInput, resolveConditions } from "./conditions";
import { drawFoil } from "./foil";
import { DOCUMENT_LAYOUTS, type DocumentFormat, mrzBandMm } from "./page-geometry";
import { randomCardData, randomPassportData } from "./passport-data";
import { Random } from "./random";
import { renderCard } from "./render-card";
import { type RenderedPage, renderPage } from "./render-page";
import { composeSpread } from "./spread";

export interface PassportTruth {
  /** The MRZ lines as printed: two of 44 (TD3), three of 30 (TD1), two of 36 (TD2). */
  mrzLines: string[];
  format: DocumentFormat;
  document: DocumentFields;
  visualZone: VisualZone;
  /** MRZ band corners in output pixels, in the document's own reading order: start of line 1, end of line 1,
   *  end of line 2, start of line 2 (for an upside-down page the first point is bottom-right in the image). */
  mrzBand: Quad;
  /** Portrait corners in output pixels, same order convention (a TD1 back has none: its upper part instead). */
  portraitBox: Quad;
  /** Page corners in output pixels, same order convention (a spread's whole two-page picture). */
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

/** Renders one synthetic document (a TD3 passport data page, or a TD1 / TD2 card as the conditions say)
 *  photographed under `conditions`, with its ground truth. Same seed and conditions -> same bytes. */
export async function generatePassport({ seed, conditions = "clean" }: GenerateOptions): Promise<GeneratedPassport> {
  const root = new Random(seed);
  const dataRng = root.fork();
  const conditionsRng = root.fork();
  const pageRng = root.fork();
  const captureRng = root.fork();
  // Drawn only for issue 16's knobs (cards, spreads, foils, frames), so photos without them stay as they were.
  const extrasRng = root.fork();
  const c = resolveConditions(conditions, conditionsRng);
  const layout = DOCUMENT_LAYOUTS[c.document];
  const data = c.document === "TD3" ? randomPassportData(dataRng) : randomCardData(dataRng, c.document);
  // Render the page at the resolution it will have in the frame (capped to keep memory bounded).
  const scale = Math.min(40, Math.max(2, (c.pageFill * c.width) / layout.page.width));
  let page: RenderedPage =
    c.document === "TD3"
      ? renderPage(data, pageRng, scale, c.mrzWeight)
      : renderCard(data, layout, pageRng, scale, c.mrzWeight);
  const ctx = page.canvas.getContext("2d");
  if (c.foil > 0) drawFoil(ctx, extrasRng, page.mrzBand, c.foil, scale);
  if (c.annotation) drawAnnotation(ctx, extrasRng, page.mrzBand, scale);
  if (c.spread) page = composeSpread(page, layout, extrasRng, scale);
  const bandMm = mrzBandMm(layout);
  // A spread moves the data page down by the facing page (0 otherwise).
  const pageTop = page.mrzBand[0].y - bandMm.top * scale;
  const mrzCentre = {
    x: ((bandMm.left + bandMm.right) / 2) * scale,
    y: ((bandMm.top + bandMm.bottom) / 2) * scale + pageTop,
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
  const bandHeightMm = bandMm.bottom - bandMm.top;
  return {
    image: shot.image,
    mediaType: shot.mediaType,
    width: shot.width,
    height: shot.height,
    truth: {
      mrzLines: data.mrzLines,
      format: c.document,
      document: data.document,
      visualZone: data.visualZone,
      mrzBand: band,
      portraitBox: mapQuad(page.portraitBox, shot.toOutput),
      pageQuad,
      mrzCharHeightPx: Math.round(((bandHeightPx * layout.mrz.capHeight) / bandHeightMm) * 10) / 10,
      conditions: c,
      seed,
    },
  };
}
