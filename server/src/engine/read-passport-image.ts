/**
 * The offline engine's public entry: what the local provider's worker, bench/ and models/ use. The stages behind it
 * (image/, locate/, read/, quality/) are the engine's own.
 */

import type { Point, Quad } from "contract/geometry";
import type { PassportResult } from "contract/result";
import { mmQuad, pageToImage, TD3_MM } from "contract/td3-page";
import type { Warning } from "contract/warning";
import { makeWarning } from "contract/warning-catalogue";
import { AppError } from "../errors";
import { documentFromMrz } from "../mrz-result/document-from-mrz";
import { mrzWarnings } from "../mrz-result/mrz-warnings";
import { cropPortrait } from "./image/crop-portrait";
import { type DecodableMediaType, openImage } from "./image/decode-image";
import { type BandCrop, type CropOptions, cropBand } from "./locate/crop-band";
import type { BandCandidate } from "./locate/find-band-candidates";
import { type CandidateScope, openPhotoBands, type PhotoBands } from "./locate/photo-bands";
import { fieldsUnderGlare, measureGlare } from "./quality/glare";
import { qualityWarnings } from "./quality/quality-warnings";
import { measureScreenMoire, moireCandidates, moireTiles, type ScreenMoire } from "./quality/screen-moire";
import { doubtedFields } from "./read/doubted-fields";
import { fieldConfidences } from "./read/field-confidence";
import { type ReadMode, readBand, rescaledOpinion, type ValidRead } from "./read/read-band";
import { readDoubtWarnings } from "./read/read-doubt-warnings";
import { type SecondReadDoubt, secondReadDoubts } from "./read/second-read";
import type { Recogniser } from "./read/tesseract-recogniser";
import { round } from "./round";

export { type DecodableMediaType, MAX_INPUT_PIXELS } from "./image/decode-image";
export type { BandCrop } from "./locate/crop-band";
export type { BandCandidate } from "./locate/find-band-candidates";
export { QUALITY_THRESHOLDS } from "./quality/quality-thresholds";
export type { ScreenMoire } from "./quality/screen-moire";
export { doubtedFields } from "./read/doubted-fields";
export { flipBand, type ReadMode } from "./read/read-band";
export { createRecogniser, defaultModelDir, type Recogniser } from "./read/tesseract-recogniser";

/** What the engine returns; the provider adds the request id. */
export type EngineResult = Omit<PassportResult, "requestId">;

export interface PassportImageInput {
  image: Uint8Array;
  mediaType: DecodableMediaType;
  portrait: boolean;
}

export interface ReadPassportOptions {
  /** Band candidates tried, best first. */
  maxCandidates?: number;
  /** The day dates are judged against (tests). */
  today?: Date;
  /** Recognise the band whole or line by line (default: READ_MODE). */
  readMode?: ReadMode;
  /** Capital height the band is scaled to for the recogniser (default: CAP_HEIGHT). */
  capHeight?: number;
  /** A recogniser trained otherwise, asked when the first one's read is in doubt, under glare or refused (see
   *  readPassportImage). */
  secondModel?: Recogniser;
}

/** Default recogniser input, chosen on the held-out benchmark (bench/engine.ts). */
export const READ_MODE: ReadMode = "block";
/** Capital height of the band handed to the recogniser (pixels). 24 px read more passports than 20 or 32 px on
 *  training-range photos and is faster (docs/decisions/0455-capitals-24px-pitch-second-opinions.md). */
export const CAP_HEIGHT = 24;
/** Band candidates tried, best first. */
export const MAX_CANDIDATES = 3;
/** Capitals captured smaller than this (pixels) get a third read of the band cut at RESCALED_CAP_HEIGHT: nearer the
 *  captured size than the working CAP_HEIGHT. Cut larger (32 px) it interpolated the same letters into the same
 *  misreads (AHMED as AHRED at both 24 and 32 px, right at 14-20 px): on 100 small training-range captures 1 wrong
 *  name went unflagged at 32 px, none at 16, with one more exact read doubted (41 of 64 against 40). */
const RESCALED_OPINION_BELOW_PX = 14;
const RESCALED_CAP_HEIGHT = 16;

const notFound = () => new AppError("mrz_not_found");

const unreadable = () => new AppError("mrz_unreadable");

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
 * With `secondModel`, a read with a field in doubt or glare over the band, or an MRZ refusal, is read again by that
 * model (wantsSecondRead, withSecondModel). The bands of the passes between the locator's four are read only when
 * both refused every band the four found, and the four passes over the ink (CandidateScope) only when both refused
 * those too.
 */
export async function readPassportImage(
  input: PassportImageInput,
  ocr: Recogniser,
  options: ReadPassportOptions = {},
): Promise<EngineResult> {
  const photo = await openPhotoBands(input, options.maxCandidates ?? MAX_CANDIDATES);
  const measure = pageMeasurer(photo, input.portrait);
  const refusals: AppError[] = [];
  for (const scope of SCOPES) {
    const read = await readScope(photo, measure, ocr, options, scope);
    if ("result" in read) return read.result;
    refusals.push(read.refusal);
  }
  // A band read and found inconsistent anywhere is the stronger answer than none found.
  throw refusals.find((r) => r.code === "mrz_unreadable") ?? notFound();
}

/** The candidates' scopes in the order they are read, each only when every band of those before it was refused. */
const SCOPES: readonly CandidateScope[] = ["four", "between", "ink"];

/** One scope of band candidates read by the first model, and by the second when the first wants it. */
async function readScope(
  photo: PhotoBands,
  measure: MeasurePage,
  ocr: Recogniser,
  options: ReadPassportOptions,
  scope: CandidateScope,
): Promise<Settled> {
  const { secondModel, ...rest } = options;
  const first = await settled(readWith(photo, measure, ocr, rest, scope));
  if (!secondModel || !wantsSecondRead(first)) return first;
  const second = await settled(readWith(photo, measure, secondModel, rest, scope));
  if (!("result" in second)) return first;
  if (!("result" in first)) return second;
  return { result: withSecondModel(first.result, second.result) };
}

/**
 * The second model is asked when the first refused, doubts a field, or read a band glare lies over: a letter glare
 * half hides is read as another one, and the recogniser can be sure of it. Where the two then read it differently,
 * the field is flagged.
 */
function wantsSecondRead(first: Settled): boolean {
  if ("refusal" in first) return true;
  const { warnings } = first.result;
  return doubtedFields(warnings).size > 0 || warnings.some((w) => w.code === "glare_mrz");
}

type Settled = { result: EngineResult } | { refusal: AppError };

/** A result, or the MRZ refusal (mrz_not_found, mrz_unreadable) another recogniser may overturn; other errors throw. */
async function settled(read: Promise<EngineResult>): Promise<Settled> {
  try {
    return { result: await read };
  } catch (err) {
    if (err instanceof AppError && (err.code === "mrz_not_found" || err.code === "mrz_unreadable")) {
      return { refusal: err };
    }
    throw err;
  }
}

/**
 * The two models' answers to one photo (the first in doubt, under glare or refused): the read sure of more of the
 * fields the two read differently, then the one with fewer fields in doubt, then the first; and every field the two
 * read differently put in doubt (low_confidence with the other model's reading). The models misread different photos
 * (server/models/mrz/EVAL.md), so where they disagree a person looks.
 */
function withSecondModel(first: EngineResult, second: EngineResult): EngineResult {
  const firstView = modelDisagreements(first, second);
  const disputed = new Set(firstView.map((d) => d.field));
  const rank = (r: EngineResult) => {
    const doubted = doubtedFields(r.warnings);
    return [[...doubted].filter((f) => disputed.has(f)).length, doubted.size] as const;
  };
  const [a, b] = [rank(first), rank(second)];
  const secondBetter = b[0] < a[0] || (b[0] === a[0] && b[1] < a[1]);
  const [kept, other] = secondBetter ? [second, first] : [first, second];
  const named = doubtedFields(kept.warnings);
  const added = (secondBetter ? modelDisagreements(kept, other) : firstView)
    .filter((d) => !named.has(d.field))
    .map((d) => makeWarning("low_confidence", { field: d.field, details: { otherModel: d.other } }));
  return { ...kept, warnings: [...kept.warnings, ...added] };
}

/** The fields of `read` that `other` read differently (none when their MRZs differ in shape), with other's reading. */
function modelDisagreements(read: EngineResult, other: EngineResult): SecondReadDoubt[] {
  if (!read.mrz || !other.mrz || read.mrz.lines.length !== other.mrz.lines.length) return [];
  return secondReadDoubts(
    read.mrz,
    other.mrz.lines.map((text) => ({ text, confidences: [] })),
    "all",
  );
}

async function readWith(
  photo: PhotoBands,
  measure: MeasurePage,
  ocr: Recogniser,
  options: ReadPassportOptions,
  scope: CandidateScope,
): Promise<EngineResult> {
  const capHeight = options.capHeight ?? CAP_HEIGHT;
  let inconsistent = false;
  let confirmed: { band: BandCrop; read: ReportedRead } | null = null;
  for (const candidate of photo.candidates(scope)) {
    const band = await photo.crop(candidate, capHeight);
    if (!band) continue;
    const read = await readBand(ocr, band, options.readMode ?? READ_MODE, options.today);
    if (read.status === "inconsistent") {
      inconsistent = true;
      if (read.confirmed && !confirmed) {
        const { confidences, doubts } = read.confirmed;
        confirmed = { band, read: { report: read.report, confidences, flipped: read.flipped, secondRead: doubts } };
      }
    }
    if (read.status !== "valid") continue;
    // A small capture is cut again at another scale and read once more: its resamplings misread it differently.
    const other =
      band.capHeightPx < RESCALED_OPINION_BELOW_PX ? await photo.crop(candidate, RESCALED_CAP_HEIGHT) : null;
    const rescaled = other ? await rescaledOpinion(ocr, other, read, options.today) : [];
    const reported = { ...read, secondRead: [...(read.secondRead ?? []), ...rescaled] };
    return resultFrom(photo, options, band, reported, await measure(band, read));
  }
  // No read holds, but two recognitions agree on every guarded character: the characters are what is printed and the
  // document's own check digits fail (a misprinted specimen, an altered document, a national layout). Returned with
  // the failed checks as critical warnings and every field they guard in doubt, never as verified.
  if (confirmed) {
    const page = await measure(confirmed.band, confirmed.read);
    return resultFrom(photo, options, confirmed.band, confirmed.read, page);
  }
  throw inconsistent ? unreadable() : notFound();
}

/** What a result is made from: a valid read, or an inconsistent one both read modes confirmed. */
type ReportedRead = Pick<ValidRead, "report" | "confidences" | "flipped" | "secondRead" | "namesRefitted">;

/** What the image shows around a read band, measured from the pixels and the read's shape alone. */
interface PageMeasures {
  /** The band's text corners in reading order. */
  text: Quad;
  /** Capture quality warnings (glare, blur, moire, framing). */
  quality: Warning[];
  /** Glare over the MRZ's cells (fieldsUnderGlare). */
  mrzCells: number[][];
  portrait: EngineResult["portrait"];
}

/** Measures the page around a band read one way up as one document shape. */
type MeasurePage = (band: BandCrop, read: Pick<ReportedRead, "report" | "flipped">) => Promise<PageMeasures>;

/** measurePage, once per band, orientation and shape: the second model reads the same crops as the first. */
function pageMeasurer(photo: PhotoBands, portrait: boolean): MeasurePage {
  const measured = new Map<BandCrop, Map<string, Promise<PageMeasures>>>();
  return (band, read) => {
    const byRead = measured.get(band) ?? new Map<string, Promise<PageMeasures>>();
    measured.set(band, byRead);
    const key = `${read.flipped}:${read.report.format}`;
    const page = byRead.get(key) ?? measurePage(photo, portrait, band, read);
    byRead.set(key, page);
    return page;
  };
}

async function measurePage(
  { source, overview }: PhotoBands,
  portrait: boolean,
  band: BandCrop,
  read: Pick<ReportedRead, "report" | "flipped">,
): Promise<PageMeasures> {
  const text = readingOrder(band.corners, read.flipped);
  const map = pageToImage(text);
  const page = mmQuad(map, 0, 0, TD3_MM.page.width, TD3_MM.page.height);
  const p = TD3_MM.portrait;
  const portraitQuad = mmQuad(map, p.left, p.top, p.left + p.width, p.top + p.height);
  const td3 = read.report.format === "TD3";
  const glare = measureGlare({ overview, text, page, portrait: portraitQuad, lines: read.report.lines.length });
  const quality = qualityWarnings({
    band,
    page,
    overview,
    glare,
    moire: await measureScreenMoire(source, page),
    width: source.width,
    height: source.height,
  }).filter((w) => td3 || (w.code !== "glare_portrait" && w.code !== "document_too_small"));
  return {
    text,
    quality,
    mrzCells: glare.mrzCells,
    portrait: portrait && td3 ? await cropPortrait(source, portraitQuad) : null,
  };
}

function resultFrom(
  { source }: PhotoBands,
  options: ReadPassportOptions,
  band: BandCrop,
  read: ReportedRead,
  { text, quality, mrzCells, portrait }: PageMeasures,
): EngineResult {
  const underGlare = fieldsUnderGlare(read.report, mrzCells);
  const warnings = [
    ...mrzWarnings(read.report, options.today ? { today: options.today } : {}),
    ...readDoubtWarnings({ ...read, capHeightPx: band.capHeightPx, underGlare }),
    ...quality,
  ];
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

/** The engine's band candidates in one photo, and its crop stage to cut any candidate with (diagnosis, training). */
export interface BandSearch {
  /** Located band candidates in image pixels: the locator's passes' best first, then the passes it left out, then the
   *  passes over the ink (the scopes in the order the reader walks them). */
  candidates: BandCandidate[];
  /** The band as the crop stage hands it to the recogniser; null when no text lines are found there. */
  crop(candidate: BandCandidate, options?: CropOptions): Promise<BandCrop | null>;
}

/** Opens a photo and locates its MRZ band candidates as readPassportImage does, without reading them. */
export async function searchBands(
  input: Omit<PassportImageInput, "portrait">,
  maxCandidates = MAX_CANDIDATES,
): Promise<BandSearch> {
  const photo = await openPhotoBands(input, maxCandidates);
  return {
    candidates: SCOPES.flatMap((scope) => [...photo.candidates(scope)]),
    crop: (candidate, options = {}) => cropBand(photo.source, candidate, options),
  };
}

/** The screen-moire detector on one photo, for its evaluation (bench/screen-moire-eval.ts). */
export interface MoireProbe {
  /** The measure the engine takes over a page quad (image pixels). */
  measure(page: Quad): Promise<ScreenMoire>;
  /** The candidates that measure was chosen from. */
  candidates(page: Quad): Promise<ScreenMoire[]>;
}

/** Opens a photo as the engine does and decodes it whole (as the band crop has before quality is measured), so that
 *  `measure` takes the detector's own time. */
export async function openMoireProbe(input: Omit<PassportImageInput, "portrait">): Promise<MoireProbe> {
  const source = await openImage(input.image, input.mediaType);
  await source.region({ left: 0, top: 0, width: 1, height: 1 });
  return {
    measure: (page) => measureScreenMoire(source, page),
    candidates: async (page) => moireCandidates(await moireTiles(source, page)),
  };
}
