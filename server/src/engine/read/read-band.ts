import type { GrayImage } from "contract/geometry";
import type { DisputedPlace } from "contract/mrz/check-digit-search";
import { BLIND_LOOKALIKE_LETTERS } from "contract/mrz/confusions";
import { isKnownCountryCode } from "contract/mrz/country-codes";
import { MrzFormatError } from "contract/mrz/mrz-format-error";
import { NUMBER_FIELDS } from "contract/mrz/mrz-layout";
import { documentTypeFits, parseMrz } from "contract/mrz/parse-mrz";
import { reportDoubts } from "contract/mrz/report-doubts";
import type { MrzField, MrzReport } from "contract/mrz/types";
import type { OcrLine } from "./ocr-line";
import { alignedCharacters, type SecondReadDoubt, secondReadDoubts } from "./second-read";
import type { Recogniser } from "./tesseract-recogniser";
import { uprightScore } from "./upright-score";

/** How the band is handed to the recogniser: whole (tesseract finds the lines) or one crop per located line. */
export type ReadMode = "block" | "lines";

export interface BandImage {
  image: GrayImage;
  lineRows: { top: number; bottom: number }[];
  /** The capitals' height in the photo (the crop scaled them to the recogniser's size), when known. */
  capHeightPx?: number;
  /** The columns the text box spans (first cell's left edge to last cell's right), when known. */
  textSpan?: { left: number; right: number };
}

/** Line shapes of the ICAO formats: [line count, characters per line]. */
const SHAPES: readonly [number, number][] = [
  [2, 44],
  [2, 36],
  [3, 30],
];

/** A read whose check digits all hold (after the MRZ engine's correction). */
export interface ValidRead {
  status: "valid";
  report: MrzReport;
  confidences: number[][];
  flipped: boolean;
  /** The read mode the kept recognition came from. */
  mode: ReadMode;
  /** Fields a second recognition saw differently (readBand only). */
  secondRead?: SecondReadDoubt[];
  /** The names line was read with more or fewer characters than its shape has and fitted to it: where the names
   *  sit in it is a guess (a junk character before them shifts them all). */
  namesRefitted?: boolean;
}

export type BandRead =
  | ValidRead
  /** MRZ-shaped text, but it cannot be made consistent. Returned as a read only when `confirmed`: both read modes
   *  saw every guarded character alike (a document printed with wrong check digits, or a national layout). */
  | { status: "inconsistent"; report: MrzReport; flipped: boolean; confirmed?: Agreement }
  /** Nothing MRZ-shaped. */
  | { status: "none" };

function rows(image: GrayImage, top: number, bottom: number): GrayImage {
  return {
    width: image.width,
    height: bottom - top,
    data: image.data.subarray(top * image.width, bottom * image.width),
  };
}

/** Recognises the band in the given mode; in "lines" mode each line crop is read on its own and joined in order. */
async function recognise(ocr: Recogniser, band: BandImage, mode: ReadMode): Promise<OcrLine[]> {
  if (mode === "block" || band.lineRows.length === 0) return ocr.readLines(band.image, "block");
  const out: OcrLine[] = [];
  for (const r of band.lineRows) {
    const lines = await ocr.readLines(rows(band.image, r.top, r.bottom), "line");
    const text = lines.map((l) => l.text).join("");
    if (text) out.push({ text, confidences: lines.flatMap((l) => l.confidences) });
  }
  return out;
}

/** The band turned by 180 degrees, its line rows mirrored and reordered top to bottom. */
export function flipBand(band: BandImage): BandImage {
  const h = band.image.height;
  const w = band.image.width;
  const span = band.textSpan;
  return {
    image: rotate180(band.image),
    lineRows: band.lineRows.map((r) => ({ top: h - r.bottom, bottom: h - r.top })).reverse(),
    ...(span ? { textSpan: { left: w - span.right, right: w - span.left } } : {}),
  };
}

/** Rotates a raster by 180 degrees. */
export function rotate180(image: GrayImage): GrayImage {
  const out = new Uint8Array(image.data.length);
  for (let i = 0, j = image.data.length - 1; j >= 0; i++, j--) out[i] = image.data[j]!;
  return { width: image.width, height: image.height, data: out };
}

/**
 * Fits a recognised line to an expected length by growing or shrinking its longest run of fillers (a dropped or
 * doubled `<` in a long run is the commonest length error and shifts nothing that a check digit guards before it).
 * Returns null when the line is too far off or has no run of fillers to adjust.
 */
export function fitLineLength(line: OcrLine, target: number): OcrLine | null {
  const diff = target - line.text.length;
  if (diff === 0) return line;
  if (Math.abs(diff) > 2) return null;
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < line.text.length; ) {
    if (line.text[i] !== "<") {
      i++;
      continue;
    }
    let j = i;
    while (j < line.text.length && line.text[j] === "<") j++;
    if (j - i > bestLength) {
      bestLength = j - i;
      bestStart = i;
    }
    i = j;
  }
  if (bestLength < 3 || bestLength + diff < 1) return null;
  const at = bestStart + bestLength;
  const conf = line.confidences;
  if (diff > 0) {
    const fill = Math.min(conf[at - 1] ?? 0, conf[at] ?? conf[at - 1] ?? 0);
    return {
      text: line.text.slice(0, at) + "<".repeat(diff) + line.text.slice(at),
      confidences: [...conf.slice(0, at), ...new Array<number>(diff).fill(fill), ...conf.slice(at)],
    };
  }
  return {
    text: line.text.slice(0, at + diff) + line.text.slice(at),
    confidences: [...conf.slice(0, at + diff), ...conf.slice(at)],
  };
}

/** Consecutive recognised lines that can form an MRZ of a known shape: as read, and fitted to the shape's length. */
interface ShapedGroup {
  raw: OcrLine[];
  fitted: OcrLine[];
  length: number;
  /** A line of guarded fields was cut to length (cutOffPrint): only a read whose check digits hold as read, with no
   *  correction, may keep it. */
  cut: boolean;
}

/** Document codes an MRZ's first line starts with (passport, ID card, visa). */
const DOCUMENT_CODE_START = /^[PIACV][A-Z<]/;

/**
 * Drops characters read before the document code at the start of a first line that is too long (print or the page
 * edge left of the MRZ read as a character): `2P<UTO...` -> `P<UTO...`, `AXP<MYS...` -> `P<MYS...`. The start kept
 * is the first that reads as a document code followed by a known issuing state; failing that, the first that reads
 * as a document code at all, when the line as read does not.
 */
export function trimLeadingJunk(line: OcrLine, target: number): OcrLine {
  const extra = line.text.length - target;
  if (extra < 1) return line;
  const starts = Array.from({ length: Math.min(2, extra) + 1 }, (_, k) => k).filter((k) =>
    DOCUMENT_CODE_START.test(line.text.slice(k)),
  );
  const k =
    starts.find((s) => isKnownCountryCode(line.text.slice(s + 2, s + 5))) ??
    (DOCUMENT_CODE_START.test(line.text) ? 0 : (starts[0] ?? 0));
  return k === 0 ? line : { text: line.text.slice(k), confidences: line.confidences.slice(k) };
}

/**
 * Drops up to two characters read before the first letter of a card's names line that is too long (the card's edge
 * or print left of the MRZ read as a character): `4ABUBAKAR<<TOMAS<...` -> `ABUBAKAR<<TOMAS<...`. The names field
 * opens with the primary identifier, a letter. (A passport's names line is its first line: trimLeadingJunk.)
 */
export function trimLeadingNonLetters(line: OcrLine, target: number): OcrLine {
  const extra = line.text.length - target;
  const k = Math.min(extra, 2, line.text.search(/[A-Z]/));
  return k < 1 ? line : { text: line.text.slice(k), confidences: line.confidences.slice(k) };
}

/**
 * Drops characters read after the padding at the end of a names line that is too long (print or the page edge right
 * of the MRZ read as characters): `...<<ANNA<<<<<<<<<H` -> `...<<ANNA<<<<<<<<<`. In a names field a run of three
 * fillers is padding, which nothing but fillers may follow; up to three other characters after it are dropped.
 */
export function trimTrailingJunk(line: OcrLine, target: number): OcrLine {
  if (line.text.length <= target) return line;
  const junk = /<<<([^<]{1,3})$/.exec(line.text)?.[1];
  if (!junk) return line;
  const keep = line.text.length - junk.length;
  return { text: line.text.slice(0, keep), confidences: line.confidences.slice(0, keep) };
}

/**
 * A line one character too long with no run of fillers to shorten: without its least confident character, as a
 * first guess for the check digits to judge (realignByCheckDigits tries every deletion when they do not hold). On
 * the names line, which no check digit guards, it is only a guess: a read that keeps it puts the names in doubt
 * (namesRefitted).
 */
export function dropLeastConfident(line: OcrLine, target: number): OcrLine | null {
  if (line.text.length !== target + 1) return null;
  let at = 0;
  for (let i = 1; i < line.confidences.length; i++) {
    if ((line.confidences[i] ?? 1) < (line.confidences[at] ?? 1)) at = i;
  }
  return {
    text: line.text.slice(0, at) + line.text.slice(at + 1),
    confidences: [...line.confidences.slice(0, at), ...line.confidences.slice(at + 1)],
  };
}

/** Most characters of print read beside a line (the crop reached past the MRZ) that cutOffPrint drops. */
const MAX_PRINT = 8;

/** Which end of a line read too long print beside the MRZ is taken off. */
export type PrintSide = "right" | "left";

/**
 * A line read too long for fitLineLength to mend, print beside the MRZ read on with it (background text the crop
 * reached): cut to `target` characters at the given side. On the names line only fillers may be dropped, at the
 * right (padding, which trimTrailingJunk has freed of the print after it); on a line of guarded fields the check
 * digits judge the cut (a line cut at the wrong side fails them, shifted: attempt). Null when the line is not too
 * long by 1..8. Only lines of the longest shape of their line count are cut (shapeGroup): a passport's line cut to a
 * TD2 line's 36 characters would keep every check digit but the composite.
 */
export function cutOffPrint(line: OcrLine, target: number, names: boolean, side: PrintSide): OcrLine | null {
  const extra = line.text.length - target;
  if (extra < 1 || extra > MAX_PRINT) return null;
  if (names && /[^<]/.test(line.text.slice(target))) return null;
  const from = !names && side === "left" ? extra : 0;
  return {
    text: line.text.slice(from, from + target),
    confidences: line.confidences.slice(from, from + target),
  };
}

/** The names line of each shape: the last of three (TD1), else the first. */
const namesLine = (count: number) => (count === 3 ? 2 : 0);

/** Recognised lines shorter than this are specks or print beside the band (the shortest MRZ line has 30). */
const MIN_LINE = 8;

function shapeGroup(recognised: OcrLine[], printSide: PrintSide = "right"): ShapedGroup | null {
  const lines = recognised.filter((l) => l.text.length >= MIN_LINE);
  for (const [count, length] of SHAPES) {
    const cuttable = !SHAPES.some(([c, l]) => c === count && l > length);
    for (let start = lines.length - count; start >= 0; start--) {
      const group = lines.slice(start, start + count);
      const raw = group.map((l, i) => {
        const names = i === namesLine(count);
        const started = i === 0 ? trimLeadingJunk(l, length) : names ? trimLeadingNonLetters(l, length) : l;
        return names ? trimTrailingJunk(started, length) : started;
      });
      let cut = false;
      const fitted = raw.map((l, i) => {
        const mended = fitLineLength(l, length) ?? dropLeastConfident(l, length);
        if (mended || !cuttable) return mended;
        const names = i === namesLine(count);
        // Padding dropped from the names line shifts nothing (as fitLineLength's fillers): only a guarded line's cut
        // waits for the check digits.
        if (!names) cut = true;
        return cutOffPrint(l, length, names, printSide);
      });
      if (fitted.every((l): l is OcrLine => l !== null)) return { raw, fitted, length, cut };
    }
  }
  return null;
}

/** Picks consecutive recognised lines that can form an MRZ of a known shape, fitted to its length. */
export function shapeLines(lines: OcrLine[]): OcrLine[] | null {
  return shapeGroup(lines)?.fitted ?? null;
}

/** Most check-digit substitutions a realigned line may need on top of its one deletion. */
const REALIGN_MAX_EDITS = 2;

/**
 * A line read one character too long shifts every field after the extra character, which the filler fit in
 * fitLineLength cannot mend when the extra character is not in a run of fillers. Tries every single deletion in such
 * a line and keeps the one that the MRZ engine can make consistent with the fewest substitutions, only when no other
 * deletion does as well: the check digits decide, nothing is guessed. (A line one character short is not mended this
 * way: a filler put back anywhere and then substituted lets wrong reads pass the check digits.) Returns null when no
 * unique realignment holds.
 */
export function realignByCheckDigits(
  raw: OcrLine[],
  fitted: OcrLine[],
  length: number,
  today?: Date,
): { lines: OcrLine[]; report: MrzReport } | null {
  let best: { lines: OcrLine[]; report: MrzReport; edits: number } | null = null;
  let tie = false;
  for (let k = 0; k < raw.length; k++) {
    const line = raw[k]!;
    if (line.text.length !== length + 1) continue;
    const tried = new Set<string>();
    for (let i = 0; i < line.text.length; i++) {
      const candidate: OcrLine = {
        text: line.text.slice(0, i) + line.text.slice(i + 1),
        confidences: [...line.confidences.slice(0, i), ...line.confidences.slice(i + 1)],
      };
      if (tried.has(candidate.text)) continue;
      tried.add(candidate.text);
      const lines = fitted.map((l, j) => (j === k ? candidate : l));
      let report: MrzReport;
      try {
        report = parseMrz(
          lines.map((l) => l.text),
          today ? { today } : {},
        );
      } catch (err) {
        if (err instanceof MrzFormatError) continue;
        throw err;
      }
      if (!report.valid) continue;
      const edits = report.corrections.length;
      if (edits > REALIGN_MAX_EDITS) continue;
      const same = best !== null && best.report.lines.join("\n") === report.lines.join("\n");
      if (best === null || edits < best.edits) {
        best = { lines, report, edits };
        tie = false;
      } else if (edits === best.edits && !same) tie = true;
    }
  }
  if (!best || tie) return null;
  return { lines: best.lines, report: best.report };
}

/** One recognised band through the MRZ engine; `disputed`: places another recognition read differently. */
function attempt(lines: OcrLine[], today: Date | undefined, mode: ReadMode, disputed?: DisputedPlace[]): BandRead {
  const group = shapeGroup(lines);
  if (!group) return { status: "none" };
  const read = parseGroup(group, today, mode, disputed);
  if (read.status !== "none" || !group.cut) return read;
  // Cut at the right, the check digits failed: the print may have been read before the line instead.
  const left = shapeGroup(lines, "left");
  return left ? parseGroup(left, today, mode, disputed) : read;
}

function parseGroup(group: ShapedGroup, today: Date | undefined, mode: ReadMode, disputed?: DisputedPlace[]): BandRead {
  let report: MrzReport;
  try {
    report = parseMrz(
      group.fitted.map((l) => l.text),
      { today, disputed },
    );
  } catch (err) {
    if (err instanceof MrzFormatError) return { status: "none" };
    throw err;
  }
  // A line cut to length whose check digits fail, or hold only once a character is corrected, was cut at the wrong
  // side or is no MRZ line: the check digits judge the cut, and a corrected read has spent them on something else.
  if (group.cut && (!report.valid || report.corrections.length > 0)) return { status: "none" };
  if (!report.valid) return { status: "inconsistent", report, flipped: false };
  return {
    status: "valid",
    report,
    confidences: group.fitted.map((l) => l.confidences),
    flipped: false,
    mode,
    namesRefitted: group.raw[namesLine(group.fitted.length)]?.text.length !== group.length,
  };
}

/** More places than this disputed in one line: one recognition is shifted against the other, and where they differ
 *  says nothing about which characters were misread. */
const MAX_DISPUTED_PER_LINE = 3;

/** Where two recognitions of a band, each fitted to the same MRZ shape, read different characters. */
function disputedPlaces(a: readonly OcrLine[], b: readonly OcrLine[]): DisputedPlace[] {
  const out: DisputedPlace[] = [];
  for (const [line, mine] of a.entries()) {
    const theirs = b[line]?.text;
    if (theirs?.length !== mine.text.length) continue;
    const here: DisputedPlace[] = [];
    for (let column = 0; column < theirs.length; column++) {
      if (mine.text[column] !== theirs[column]) here.push({ line, column, seen: theirs.charAt(column) });
    }
    if (here.length <= MAX_DISPUTED_PER_LINE) out.push(...here);
  }
  return out;
}

/**
 * One recognition read again through the MRZ engine with the places another recognition of the band saw
 * differently: there the check digits may solve for the character (a guess, always reported as uncertain). Null
 * when the two do not share a shape, dispute nothing, or the read still does not hold.
 */
function settledByDispute(lines: OcrLine[], other: OcrLine[], today: Date | undefined, mode: ReadMode) {
  const mine = shapeGroup(lines);
  const theirs = shapeGroup(other);
  if (!mine || !theirs || mine.length !== theirs.length || mine.fitted.length !== theirs.fitted.length) return null;
  const disputed = disputedPlaces(mine.fitted, theirs.fitted);
  if (disputed.length === 0) return null;
  const read = attempt(lines, today, mode, disputed);
  return read.status === "valid" ? read : null;
}

/** A recognised band whose plain read failed, with a line one character long realigned by the check digits. */
function realigned(lines: OcrLine[], today: Date | undefined, mode: ReadMode): ValidRead | null {
  const group = shapeGroup(lines);
  const found = group ? realignByCheckDigits(group.raw, group.fitted, group.length, today) : null;
  if (!found) return null;
  return {
    status: "valid",
    report: found.report,
    confidences: found.lines.map((l) => l.confidences),
    flipped: false,
    mode,
  };
}

const otherMode = (mode: ReadMode): ReadMode => (mode === "block" ? "lines" : "block");

/** Recognitions of one band, each made once: by read mode and orientation. */
class BandReadings {
  readonly #cache = new Map<string, Promise<OcrLine[]>>();
  readonly #turned: BandImage;
  constructor(
    readonly ocr: Recogniser,
    readonly band: BandImage,
  ) {
    this.#turned = flipBand(band);
  }
  image(flipped: boolean): BandImage {
    return flipped ? this.#turned : this.band;
  }
  read(mode: ReadMode, flipped: boolean): Promise<OcrLine[]> {
    const key = `${mode}:${flipped}`;
    let lines = this.#cache.get(key);
    if (!lines) {
      lines = recognise(this.ocr, this.image(flipped), mode);
      this.#cache.set(key, lines);
    }
    return lines;
  }
  /** A recognition already made, if any. */
  made(mode: ReadMode, flipped: boolean): Promise<OcrLine[]> | undefined {
    return this.#cache.get(`${mode}:${flipped}`);
  }
}

/**
 * Recognises a deskewed band, then the MRZ engine verifies and corrects it by its check digits. The band is read
 * first the way up its strokes suggest (uprightScore), the other way up when that read does not hold; an MRZ-shaped
 * but inconsistent read gets a second opinion from the other read mode. A valid read with doubts (reportDoubts: an
 * uncertain correction, a look-alike, a field that is no valid value or was mended to one) gets a second opinion too,
 * kept when it has fewer. Only a read whose check digits all hold is returned as valid; then a second recognition
 * is compared with it (secondOpinion) and the fields they see differently are returned as in doubt. An inconsistent
 * read whose guarded characters both read modes saw alike is returned as `confirmed`: what the document prints.
 */
export async function readBand(ocr: Recogniser, band: BandImage, mode: ReadMode, today?: Date): Promise<BandRead> {
  const readings = new BandReadings(ocr, band);
  const chosen = await chooseRead(readings, mode, today);
  if (chosen.status !== "valid") return chosen;
  return { ...chosen, secondRead: await secondOpinion(readings, chosen, today) };
}

async function chooseRead(readings: BandReadings, mode: ReadMode, today?: Date): Promise<BandRead> {
  const first = await readOriented(readings, mode, today);
  if (first.status !== "valid" || readings.band.lineRows.length === 0) return first;
  const firstDoubts = reportDoubts(first.report).length;
  if (firstDoubts === 0) return first;
  const secondMode = otherMode(first.mode);
  const secondLines = await readings.read(secondMode, first.flipped);
  const second = attempt(secondLines, today, secondMode);
  if (second.status === "valid" && reportDoubts(second.report).length < firstDoubts) {
    return { ...second, flipped: first.flipped };
  }
  // Where the two recognitions disagree, the check digits may solve for the character: the same search, told where
  // the misread likely is, may choose otherwise than the lookalikes the first read was mended with.
  const firstLines = await readings.read(first.mode, first.flipped);
  const settled = settledByDispute(firstLines, secondLines, today, first.mode);
  if (settled && reportDoubts(settled.report).length <= firstDoubts) return { ...settled, flipped: first.flipped };
  return first;
}

/** Below this uprightScore the band is read upside down first (its strokes say so clearly enough). */
const TURNED_SCORE = -0.03;

async function readOriented(readings: BandReadings, mode: ReadMode, today?: Date): Promise<BandRead> {
  const turnedFirst = uprightScore(readings.band.image, readings.band.lineRows) < TURNED_SCORE;
  const firstLines = await readings.read(mode, turnedFirst);
  const firstRead = attempt(firstLines, today, mode);
  if (firstRead.status === "valid") return { ...firstRead, flipped: turnedFirst };
  const otherLines = await readings.read(mode, !turnedFirst);
  const otherRead = attempt(otherLines, today, mode);
  if (otherRead.status === "valid") return { ...otherRead, flipped: !turnedFirst };
  const [upright, uprightLines, flipped, flippedLines] = turnedFirst
    ? [otherRead, otherLines, firstRead, firstLines]
    : [firstRead, firstLines, otherRead, otherLines];
  // MRZ-shaped but inconsistent: a second opinion from the other way of cutting the band, same orientation.
  const best =
    upright.status === "inconsistent"
      ? { read: upright, lines: uprightLines }
      : flipped.status === "inconsistent"
        ? { read: { ...flipped, flipped: true }, lines: flippedLines }
        : null;
  if (!best) return { status: "none" };
  const isFlipped = best.read.flipped;
  const all = [{ lines: best.lines, mode }];
  if (readings.band.lineRows.length > 0) {
    const secondMode = otherMode(mode);
    const secondLines = await readings.read(secondMode, isFlipped);
    const second = attempt(secondLines, today, secondMode);
    if (second.status === "valid") return { ...second, flipped: isFlipped };
    const settled =
      settledByDispute(best.lines, secondLines, today, mode) ??
      settledByDispute(secondLines, best.lines, today, secondMode);
    if (settled) return { ...settled, flipped: isFlipped };
    all.push({ lines: secondLines, mode: secondMode });
  }
  // Last resort, after every plain reading failed: realign a line read one character long by the check digits.
  for (const r of all) {
    const read = realigned(r.lines, today, r.mode);
    if (read) return { ...read, flipped: isFlipped };
  }
  const secondLines = all[1]?.lines;
  const agreed = secondLines ? agreement(best.lines, secondLines, today) : undefined;
  if (!agreed) return best.read;
  return { status: "inconsistent", report: agreed.report, flipped: isFlipped, confirmed: agreed };
}

/**
 * What two recognitions of a band agree the document prints, uncorrected but for the document type letter: every
 * field a check digit guards, and the check digits, seen alike (no correction made them hold, so these are the
 * printed characters). Fields no check digit guards may differ; they come back in doubt.
 */
interface Agreement {
  report: MrzReport;
  /** The lower confidence of each character. */
  confidences: number[][];
  /** Unguarded fields the two recognitions saw differently. */
  doubts: SecondReadDoubt[];
}

function agreement(a: OcrLine[], b: OcrLine[], today?: Date): Agreement | undefined {
  const ga = shapeGroup(a);
  const gb = shapeGroup(b);
  if (!ga || !gb || ga.length !== gb.length || ga.fitted.length !== gb.fitted.length || ga.cut || gb.cut) {
    return undefined;
  }
  const options = { correct: "document-type" as const, ...(today ? { today } : {}) };
  let report: MrzReport;
  let other: MrzReport;
  try {
    report = parseMrz(
      ga.fitted.map((l) => l.text),
      options,
    );
    other = parseMrz(
      gb.fitted.map((l) => l.text),
      options,
    );
  } catch (err) {
    if (err instanceof MrzFormatError) return undefined;
    throw err;
  }
  // A document type that does not fit the shape (a passport's P in a 36-character read) is a band cut short.
  const field = (name: string) => report.fields.find((f) => f.name === name);
  const raw = (name: string) => field(name)?.raw ?? "";
  if (!documentTypeFits(report.format, raw("documentCode"))) return undefined;
  const doubts = secondReadDoubts(
    report,
    other.lines.map((text) => ({ text, confidences: [] })),
    "all",
  );
  if (doubts.some((d) => field(d.field)?.state !== "unchecked")) return undefined;
  // Recognitions that differ somewhere must at least have read a document: its issuer a known code and some field's
  // own check digit holding. Garbage they partly share (a capture too small to read) is neither. (Every character
  // seen alike is what is printed, a national layout's included.)
  const document =
    isKnownCountryCode(raw("issuingState")) && report.checks.some((c) => c.field !== "composite" && c.valid);
  if (doubts.length > 0 && !document) return undefined;
  return {
    report,
    confidences: ga.fitted.map((l, i) => l.confidences.map((c, k) => Math.min(c, gb.fitted[i]?.confidences[k] ?? 0))),
    doubts,
  };
}

/** A character weaker than this (the numbers' confidence floor) makes the second opinion read the whole band. */
const FULL_SECOND_READ_BELOW = 0.9;
/** So do capitals captured smaller than this (pixels): scaled up, their misreads come in compensating pairs that
 *  pass check digits with sure-looking characters (lowres training photos). */
const FULL_SECOND_READ_CAP_PX = 14;

/**
 * Another recognition of the chosen read's lines. A read that needed corrections, holds a weak character or comes
 * from a small capture gets the whole band in the other mode, and every field is compared: a search satisfied its
 * check digits, which a second pair of eyes can contradict. A read the check digits verified as it stood needs one
 * only where they cannot vouch: its unguarded fields (names, codes, sex) and any number holding a letter its check
 * digit cannot tell from a lookalike (M/W), in doubt when the other read saw the lookalike. It is compared with a
 * recognition already made in the other mode, else the names line and such a number's line are read again on their
 * own, each only as far as it must be (cheaper than the whole band). Each line is fitted and corrected the way the
 * chosen read was, so only what the recogniser saw differently counts. When the other recognition is no MRZ at all,
 * every field compared is in doubt.
 */
async function secondOpinion(readings: BandReadings, read: ValidRead, today?: Date): Promise<SecondReadDoubt[]> {
  const report = read.report;
  const count = report.lines.length;
  const other = otherMode(read.mode);
  const band = readings.image(read.flipped);
  const weakest = Math.min(...read.confidences.flat());
  const small = (readings.band.capHeightPx ?? Number.POSITIVE_INFINITY) < FULL_SECOND_READ_CAP_PX;
  const made = readings.made(other, read.flipped);
  if (small || report.corrections.length > 0 || weakest < FULL_SECOND_READ_BELOW) {
    return compareRecognition(report, await (made ?? readings.read(other, read.flipped)), "all", today);
  }
  const blind = report.fields.filter(holdsBlindLetter);
  if (made || other !== "lines" || band.lineRows.length !== count) {
    const group = shapeGroup(await (made ?? readings.read(other, read.flipped)));
    const lines = group?.fitted.length === count ? group.fitted.map((l) => l.text) : [];
    return [
      ...compareShaped(report, group, "unguarded", today),
      ...blind.flatMap((f) => lookalikeSeen(report, f, lines[f.line] ?? "")),
    ];
  }
  const doubts = await namesOpinion(readings, band, report, today);
  for (const field of blind) doubts.push(...(await numberOpinion(readings, band, report, field)));
  return doubts;
}

/** A number (document number, optional data) holding a letter that no check digit tells from its lookalike. */
function holdsBlindLetter(field: MrzField): boolean {
  return NUMBER_FIELDS.has(field.name) && [...field.raw].some((c) => BLIND_LOOKALIKE_LETTERS[c] !== undefined);
}

/** A number in doubt when another read of its line (`other`) saw one of its blind letters as that letter's lookalike
 *  (W where M was read). Anything else the other read saw differently its check digit has settled. */
function lookalikeSeen(report: MrzReport, field: MrzField, other: string): SecondReadDoubt[] {
  const line = report.lines[field.line] ?? "";
  const aligned = alignedCharacters(line, other);
  for (let c = field.start; c < field.end; c++) {
    const lookalike = BLIND_LOOKALIKE_LETTERS[line.charAt(c)];
    if (lookalike !== undefined && aligned[c] === lookalike) {
      return [{ field: field.name, other: aligned.slice(field.start, field.end).join("") }];
    }
  }
  return [];
}

/** The names line read again up to three cells past its last character before the padding (the padding costs the
 *  recogniser as much as letters do, and a second look at it tells nothing), its unguarded fields compared. */
async function namesOpinion(
  readings: BandReadings,
  band: BandImage,
  report: MrzReport,
  today?: Date,
): Promise<SecondReadDoubt[]> {
  const names = namesLine(report.lines.length);
  const read = report.originalLines[names] ?? "";
  const stretch = lineStretch(band, names, read.length, read.replace(/<+$/, "").length + 3);
  const found = await readings.ocr.readLines(stretch, "line");
  const seen = found.map((l) => l.text).join("");
  if (!seen) return unreadable(report, "unguarded");
  // A stretch cut short of the padding reads without it: the padding is put back, after the last letter seen.
  const text = stretch.width < band.image.width ? seen.replace(/[^A-Z]+$/, "").padEnd(read.length, "<") : seen;
  const joined = { text, confidences: found.flatMap((l) => l.confidences) };
  return compareLines(
    report,
    report.originalLines.map((_, i) => (i === names ? joined : null)),
    "unguarded",
    today,
  );
}

/** A number's line read again up to three cells past the number, its blind letters compared (lookalikeSeen). */
async function numberOpinion(
  readings: BandReadings,
  band: BandImage,
  report: MrzReport,
  field: MrzField,
): Promise<SecondReadDoubt[]> {
  const read = report.lines[field.line] ?? "";
  const stretch = lineStretch(band, field.line, read.length, field.end + 3);
  const seen = (await readings.ocr.readLines(stretch, "line")).map((l) => l.text).join("");
  // The rest of the line was not read again: it stands as first read, so the alignment has nothing to shift into.
  return lookalikeSeen(report, field, seen + read.slice(seen.length));
}

/** Line `index` of the band from its start to the right edge of cell `cells` (of `length`): the whole line when
 *  the text box is not known or the cells reach its end. */
function lineStretch(band: BandImage, index: number, length: number, cells: number): GrayImage {
  const row = band.lineRows[index]!;
  const line = rows(band.image, row.top, row.bottom);
  const span = band.textSpan;
  if (!span || cells >= length) return line;
  const cell = (span.right - span.left) / length;
  const width = Math.min(line.width, Math.max(1, Math.round(span.left + cells * cell)));
  const data = new Uint8Array(width * line.height);
  for (let y = 0; y < line.height; y++) data.set(line.data.subarray(y * line.width, y * line.width + width), y * width);
  return { width, height: line.height, data };
}

/**
 * The same band cut again at another scale (a small capture: the two resamplings misread it differently), read
 * whole the way up the chosen read was, every field compared with it.
 */
export async function rescaledOpinion(
  ocr: Recogniser,
  other: BandImage,
  read: ValidRead,
  today?: Date,
): Promise<SecondReadDoubt[]> {
  return compareRecognition(
    read.report,
    await recognise(ocr, read.flipped ? flipBand(other) : other, "block"),
    "all",
    today,
  );
}

/** Every field compared is in doubt: the other recognition is no MRZ of this shape. */
function unreadable(report: MrzReport, which: "unguarded" | "all"): SecondReadDoubt[] {
  return report.fields
    .filter((f) => which === "all" || f.state === "unchecked")
    .map((f) => ({ field: f.name, other: "" }));
}

/** Another recognition of the whole band, shaped like the chosen read, compared with it. */
function compareRecognition(
  report: MrzReport,
  recognised: OcrLine[],
  which: "unguarded" | "all",
  today?: Date,
): SecondReadDoubt[] {
  return compareShaped(report, shapeGroup(recognised), which, today);
}

/** Another recognition already shaped (shapeGroup) compared with the chosen read: every field compared is in doubt
 *  when it is no MRZ of the chosen read's shape. */
function compareShaped(
  report: MrzReport,
  group: ShapedGroup | null,
  which: "unguarded" | "all",
  today?: Date,
): SecondReadDoubt[] {
  const length = report.lines[0]?.length ?? 0;
  if (!group || group.length !== length || group.fitted.length !== report.lines.length) {
    return unreadable(report, which);
  }
  return compareLines(report, group.fitted, which, today);
}

/** Other lines (null: not read again) fitted and corrected the way the chosen read was (fillers, digits in names,
 *  when they parse at all), so only what the recogniser saw differently counts. */
function compareLines(
  report: MrzReport,
  lines: (OcrLine | null)[],
  which: "unguarded" | "all",
  today?: Date,
): SecondReadDoubt[] {
  const length = report.lines[0]?.length ?? 0;
  const fitted = lines.map((l) => (l && l.text.length !== length ? (fitLineLength(l, length) ?? l) : l));
  let compared: (OcrLine | null)[] = fitted;
  try {
    const again = parseMrz(
      fitted.map((l, i) => l?.text ?? report.originalLines[i] ?? ""),
      today ? { today } : {},
    );
    compared = again.lines.map((t, i) => (fitted[i] ? { text: t, confidences: [] } : null));
  } catch (err) {
    if (!(err instanceof MrzFormatError)) throw err;
  }
  return secondReadDoubts(report, compared, which);
}
