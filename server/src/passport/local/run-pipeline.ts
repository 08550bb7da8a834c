import { MIN_DOCUMENT_AREA_SHARE, MIN_MRZ_CAP_HEIGHT_PX } from "contract/capture-size";
import { NUMBER_FIELDS } from "contract/mrz/mrz-layout";
import type { MrzFieldName, MrzReport } from "contract/mrz/types";
import type { DocumentFields, PassportResult, Point } from "contract/result";
import { mmQuad, pageToImage, polygonArea, type Quad, TD3_MM } from "contract/td3-page";
import type { Warning } from "contract/warning";
import { makeWarning } from "contract/warning-catalogue";
import { AppError } from "../../errors";
import { documentFromMrz } from "../../mrz-result/document-from-mrz";
import { mrzWarnings } from "../../mrz-result/mrz-warnings";
import { type BandCrop, cropBand } from "./band-crop";
import { colourfulness, glareMaxCellShare, laplacianVariance, paperLuma } from "./capture-quality";
import { type DecodableMediaType, type ImageSource, openImage } from "./decode-image";
import { locateInImage, OVERVIEW_SIDE } from "./locate-in-image";
import type { MrzOcr } from "./mrz-ocr";
import { cropPortrait } from "./portrait-crop";
import type { RgbImage } from "./raster";
import { type ReadMode, readBand } from "./read-band";
import { MOIRE_ISOLATION, measureScreenMoire, type ScreenMoire } from "./screen-moire";

/** What the engine returns; the provider adds the request id. */
export type EngineResult = Omit<PassportResult, "requestId">;

export interface PipelineInput {
  image: Uint8Array;
  mediaType: DecodableMediaType;
  portrait: boolean;
}

export interface PipelineOptions {
  /** Band candidates tried, best first. */
  maxCandidates?: number;
  /** The day dates are judged against (tests). */
  today?: Date;
  /** Recognise the band whole or line by line (default: READ_MODE). */
  readMode?: ReadMode;
  /** Capital height the band is scaled to for the recogniser (default: CAP_HEIGHT). */
  capHeight?: number;
}

/** Default recogniser input, chosen on the held-out benchmark (bench/engine.ts). */
export const READ_MODE: ReadMode = "block";
/** Capital height of the band handed to the recogniser (pixels). 24 px read more passports than 20 or 32 px on
 *  training-range photos and is faster (docs/decisions/0455-capitals-24px-pitch-second-opinions.md). */
export const CAP_HEIGHT = 24;

/** Thresholds of the quality warnings, reported in each warning's details beside the measured value. */
export const QUALITY_THRESHOLDS = {
  /** Laplacian variance of the MRZ band at the recogniser's scale (CAP_HEIGHT, 24 px). It was 200 at 32 px; near
   *  that threshold the variance at 24 px is 2.6-2.8 times the one at 32 px, and 550 takes the same decision on 63
   *  of 64 training-range photos blurred with sigma 0-3. */
  blurLaplacianVariance: 550,
  /** Largest share of glare pixels in one cell over the MRZ or portrait. */
  glareCellShare: 0.12,
  /** Hasler-Suesstrunk colourfulness of the page. */
  grayscaleColourfulness: 4,
  /** MRZ capital height in original pixels (shared with the live camera view). */
  mrzCapHeightPx: MIN_MRZ_CAP_HEIGHT_PX,
  /** Page area as a share of the frame (shared with the live camera view). */
  documentAreaShare: MIN_DOCUMENT_AREA_SHARE,
  /** Weakest character of an MRZ field, as the recogniser scored it (0..1). */
  fieldConfidence: 0.6,
  /** The same for a number (document number, optional data): its check digit still passes one random misread in
   *  ten, and on 130 right reads of training-range photos the weakest character never scored under 0.9, while the
   *  wrong reads that passed their checks on the benchmark scored 0.86-0.88. */
  numberConfidence: 0.9,
  /** Screen moire (docs/decisions/0452-screen-moire.md): the most consistent isolated high-frequency peak over its
   *  ring's median (median over the page's tiles), the share of tiles where it stands out, and how far it stands
   *  above its own radial line (print patterns are combs of harmonics along it). */
  screenMoirePeakRatio: 20,
  screenMoireTileAgreement: 0.75,
  screenMoireIsolation: MOIRE_ISOLATION,
} as const;

const notFound = () => new AppError("mrz_not_found");

const unreadable = () => new AppError("mrz_unreadable");

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Field confidence: the weakest character of the field, as recognised. */
function fieldConfidences(report: MrzReport, confidences: number[][]): EngineResult["confidence"] {
  const min = (name: MrzFieldName): number | undefined => {
    const f = report.fields.find((x) => x.name === name);
    if (!f) return undefined;
    const slice = confidences[f.line]?.slice(f.start, f.end) ?? [];
    return slice.length ? round(Math.min(...slice), 3) : undefined;
  };
  const all = confidences.flat();
  const map: Partial<Record<keyof DocumentFields, MrzFieldName>> = {
    type: "documentCode",
    number: "documentNumber",
    surname: "surname",
    givenNames: "givenNames",
    nationality: "nationality",
    issuingCountry: "issuingState",
    birthDate: "birthDate",
    expiryDate: "expiryDate",
    sex: "sex",
  };
  const out: EngineResult["confidence"] = {};
  for (const [key, name] of Object.entries(map) as [keyof DocumentFields, MrzFieldName][]) {
    const c = min(name);
    if (c !== undefined) out[key] = c;
  }
  if (out.surname !== undefined && out.givenNames !== undefined) out.fullName = Math.min(out.surname, out.givenNames);
  if (all.length) out.mrz = round(all.reduce((s, c) => s + c, 0) / all.length, 3);
  return out;
}

/** One low_confidence warning per MRZ field whose weakest character scored under its threshold: the guard for
 *  fields no check digit protects (names, country codes, sex), and a second one for numbers. */
export function confidenceWarnings(report: MrzReport, confidences: number[][]): Warning[] {
  const out: Warning[] = [];
  for (const f of report.fields) {
    const slice = confidences[f.line]?.slice(f.start, f.end) ?? [];
    if (!slice.length) continue;
    const t = NUMBER_FIELDS.has(f.name) ? QUALITY_THRESHOLDS.numberConfidence : QUALITY_THRESHOLDS.fieldConfidence;
    const min = Math.min(...slice);
    if (min < t) {
      out.push(
        makeWarning("low_confidence", {
          field: f.name,
          details: { confidence: round(min, 3), threshold: t, state: f.state },
        }),
      );
    }
  }
  return out;
}

/** The screen_recapture decision on a moire measure. */
export function isScreenMoire(m: ScreenMoire): boolean {
  const t = QUALITY_THRESHOLDS;
  return (
    m.peakRatio >= t.screenMoirePeakRatio &&
    m.tileAgreement >= t.screenMoireTileAgreement &&
    m.isolation >= t.screenMoireIsolation
  );
}

function qualityWarnings(args: {
  band: BandCrop;
  text: Quad;
  page: Quad;
  portrait: Quad;
  overview: { image: RgbImage; factor: number };
  moire: ScreenMoire;
  width: number;
  height: number;
}): Warning[] {
  const t = QUALITY_THRESHOLDS;
  const warnings: Warning[] = [];
  const toOverview = (q: Quad): Quad =>
    q.map((p) => ({ x: p.x / args.overview.factor, y: p.y / args.overview.factor })) as Quad;

  const sharpness = laplacianVariance(args.band.image);
  if (sharpness < t.blurLaplacianVariance) {
    warnings.push(
      makeWarning("blur", { details: { laplacianVariance: round(sharpness, 1), threshold: t.blurLaplacianVariance } }),
    );
  }
  const paper = paperLuma(args.overview.image, toOverview(args.page));
  const glareMrz = glareMaxCellShare(args.overview.image, toOverview(args.text), [8, 2], paper);
  if (glareMrz > t.glareCellShare) {
    warnings.push(makeWarning("glare_mrz", { details: { cellShare: round(glareMrz), threshold: t.glareCellShare } }));
  }
  const glarePortrait = glareMaxCellShare(args.overview.image, toOverview(args.portrait), [3, 4], paper);
  if (glarePortrait > t.glareCellShare) {
    warnings.push(
      makeWarning("glare_portrait", { details: { cellShare: round(glarePortrait), threshold: t.glareCellShare } }),
    );
  }
  const colour = colourfulness(args.overview.image, toOverview(args.page));
  if (colour < t.grayscaleColourfulness) {
    warnings.push(
      makeWarning("photocopy_grayscale", {
        details: { colourfulness: round(colour, 1), threshold: t.grayscaleColourfulness },
      }),
    );
  }
  if (args.band.capHeightPx < t.mrzCapHeightPx) {
    warnings.push(
      makeWarning("mrz_too_small", {
        details: { capHeightPx: round(args.band.capHeightPx, 1), threshold: t.mrzCapHeightPx },
      }),
    );
  }
  if (isScreenMoire(args.moire)) {
    warnings.push(
      makeWarning("screen_recapture", {
        details: {
          peakRatio: round(args.moire.peakRatio, 1),
          threshold: t.screenMoirePeakRatio,
          tileAgreement: round(args.moire.tileAgreement),
          agreementThreshold: t.screenMoireTileAgreement,
          isolation: round(args.moire.isolation, 1),
          cyclesPerPixel: round(args.moire.frequency, 3),
        },
      }),
    );
  }
  const share = polygonArea(args.page) / (args.width * args.height);
  if (share < t.documentAreaShare) {
    warnings.push(
      makeWarning("document_too_small", { details: { areaShare: round(share), threshold: t.documentAreaShare } }),
    );
  }
  return warnings;
}

/** The band's text corners in the document's reading order (start of line 1 first). */
function readingOrder(corners: Quad, flipped: boolean): Quad {
  if (!flipped) return corners;
  const [tl, tr, br, bl] = corners;
  return [br, bl, tl, tr];
}

/**
 * The offline engine for one photo: decode, find the MRZ band, deskew and crop it, recognise it, verify it with the
 * MRZ engine (upside down too), measure capture quality and cut the portrait. Throws AppError for every refusal:
 * 413 image_too_large_pixels, 422 image_undecodable, mrz_not_found, mrz_unreadable (each with retake: true).
 */
export async function runPipeline(
  input: PipelineInput,
  ocr: MrzOcr,
  options: PipelineOptions = {},
): Promise<EngineResult> {
  const source: ImageSource = await openImage(input.image, input.mediaType);
  const overview = await source.overview(OVERVIEW_SIDE);
  const candidates = locateInImage(overview, options.maxCandidates ?? 3);

  let inconsistent = false;
  for (const candidate of candidates) {
    const band = await cropBand(source, candidate, { capHeight: options.capHeight ?? CAP_HEIGHT });
    if (!band) continue;
    const mode = options.readMode ?? READ_MODE;
    const read = await readBand(ocr, band, mode, options.today);
    if (read.status === "inconsistent") inconsistent = true;
    if (read.status !== "valid") continue;

    const text = readingOrder(band.corners, read.flipped);
    const map = pageToImage(text);
    const page = mmQuad(map, 0, 0, TD3_MM.page.width, TD3_MM.page.height);
    const p = TD3_MM.portrait;
    const portraitQuad = mmQuad(map, p.left, p.top, p.left + p.width, p.top + p.height);
    const td3 = read.report.format === "TD3";
    const warnings = [
      ...mrzWarnings(read.report, options.today ? { today: options.today } : {}),
      ...confidenceWarnings(read.report, read.confidences),
      ...qualityWarnings({
        band,
        text,
        page,
        portrait: portraitQuad,
        overview,
        moire: await measureScreenMoire(source, page),
        width: source.width,
        height: source.height,
      }).filter((w) => td3 || (w.code !== "glare_portrait" && w.code !== "document_too_small")),
    ];
    const portrait = input.portrait && td3 ? await cropPortrait(source, portraitQuad) : null;
    const roundPoint = (q: Point): Point => ({ x: round(q.x, 1), y: round(q.y, 1) });
    return {
      provider: "local",
      upstreamRequestId: null,
      document: documentFromMrz(read.report),
      visualZone: null,
      confidence: fieldConfidences(read.report, read.confidences),
      mrz: read.report,
      mrzBand: text.map(roundPoint) as Quad,
      image: { width: source.width, height: source.height },
      warnings,
      portrait,
    };
  }
  throw inconsistent ? unreadable() : notFound();
}
