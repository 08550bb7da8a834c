import type { GrayImage } from "contract/geometry";
import { isKnownCountryCode } from "contract/mrz/country-codes";
import { MrzFormatError } from "contract/mrz/mrz-format-error";
import { parseMrz } from "contract/mrz/parse-mrz";
import { reportDoubts } from "contract/mrz/report-doubts";
import type { MrzReport } from "contract/mrz/types";
import type { OcrLine } from "./ocr-line";
import type { Recogniser } from "./tesseract-recogniser";

/** How the band is handed to the recogniser: whole (tesseract finds the lines) or one crop per located line. */
export type ReadMode = "block" | "lines";

export interface BandImage {
  image: GrayImage;
  lineRows: { top: number; bottom: number }[];
}

/** Line shapes of the ICAO formats: [line count, characters per line]. */
const SHAPES: readonly [number, number][] = [
  [2, 44],
  [2, 36],
  [3, 30],
];

export type BandRead =
  /** Every check digit holds (after the MRZ engine's correction). */
  | { status: "valid"; report: MrzReport; confidences: number[][]; flipped: boolean }
  /** MRZ-shaped text, but it cannot be made consistent: never reported as a read. */
  | { status: "inconsistent"; report: MrzReport; flipped: boolean }
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
  return {
    image: rotate180(band.image),
    lineRows: band.lineRows.map((r) => ({ top: h - r.bottom, bottom: h - r.top })).reverse(),
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
 * first guess for the check digits to judge (realignByCheckDigits tries every deletion when they do not hold).
 * Never for the names line, which no check digit guards.
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

/** The names line of each shape: the last of three (TD1), else the first. */
const namesLine = (count: number) => (count === 3 ? 2 : 0);

/** Recognised lines shorter than this are specks or print beside the band (the shortest MRZ line has 30). */
const MIN_LINE = 8;

function shapeGroup(recognised: OcrLine[]): ShapedGroup | null {
  const lines = recognised.filter((l) => l.text.length >= MIN_LINE);
  for (const [count, length] of SHAPES) {
    for (let start = lines.length - count; start >= 0; start--) {
      const group = lines.slice(start, start + count);
      const raw = group.map((l, i) => {
        const trimmed = i === 0 ? trimLeadingJunk(l, length) : l;
        return i === namesLine(count) ? trimTrailingJunk(trimmed, length) : trimmed;
      });
      const fitted = raw.map(
        (l, i) => fitLineLength(l, length) ?? (i === namesLine(count) ? null : dropLeastConfident(l, length)),
      );
      if (fitted.every((l): l is OcrLine => l !== null)) return { raw, fitted, length };
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

/** One recognised band through the MRZ engine. */
function attempt(lines: OcrLine[], today: Date | undefined): BandRead {
  const group = shapeGroup(lines);
  if (!group) return { status: "none" };
  let report: MrzReport;
  try {
    report = parseMrz(
      group.fitted.map((l) => l.text),
      today ? { today } : {},
    );
  } catch (err) {
    if (err instanceof MrzFormatError) return { status: "none" };
    throw err;
  }
  if (report.valid) {
    return { status: "valid", report, confidences: group.fitted.map((l) => l.confidences), flipped: false };
  }
  return { status: "inconsistent", report, flipped: false };
}

/** A recognised band whose plain read failed, with a line one character long realigned by the check digits. */
function realigned(lines: OcrLine[], today: Date | undefined): Extract<BandRead, { status: "valid" }> | null {
  const group = shapeGroup(lines);
  const found = group ? realignByCheckDigits(group.raw, group.fitted, group.length, today) : null;
  if (!found) return null;
  return { status: "valid", report: found.report, confidences: found.lines.map((l) => l.confidences), flipped: false };
}

const otherMode = (mode: ReadMode): ReadMode => (mode === "block" ? "lines" : "block");

/**
 * Recognises a deskewed band, then the MRZ engine verifies and corrects it by its check digits. When that fails the
 * band is tried upside down (a page held the wrong way round), and an MRZ-shaped but inconsistent read gets a second
 * opinion from the other read mode. A valid read with doubts (reportDoubts: an uncertain correction, a look-alike, a
 * field that is no valid value or was mended to one) gets a second opinion too, kept when it has fewer. Only a read
 * whose check digits all hold is ever returned as valid.
 */
export async function readBand(ocr: Recogniser, band: BandImage, mode: ReadMode, today?: Date): Promise<BandRead> {
  const first = await readOriented(ocr, band, mode, today);
  if (first.status !== "valid" || band.lineRows.length === 0) return first;
  const firstDoubts = reportDoubts(first.report).length;
  if (firstDoubts === 0) return first;
  const second = attempt(await recognise(ocr, first.flipped ? flipBand(band) : band, otherMode(mode)), today);
  if (second.status === "valid" && reportDoubts(second.report).length < firstDoubts)
    return { ...second, flipped: first.flipped };
  return first;
}

async function readOriented(ocr: Recogniser, band: BandImage, mode: ReadMode, today?: Date): Promise<BandRead> {
  const uprightLines = await recognise(ocr, band, mode);
  const upright = attempt(uprightLines, today);
  if (upright.status === "valid") return upright;
  const turned = flipBand(band);
  const flippedLines = await recognise(ocr, turned, mode);
  const flipped = attempt(flippedLines, today);
  if (flipped.status === "valid") return { ...flipped, flipped: true };
  // MRZ-shaped but inconsistent: a second opinion from the other way of cutting the band, same orientation.
  const best =
    upright.status === "inconsistent"
      ? { read: upright, lines: uprightLines }
      : flipped.status === "inconsistent"
        ? { read: { ...flipped, flipped: true }, lines: flippedLines }
        : null;
  if (!best) return { status: "none" };
  const isFlipped = best.read.flipped;
  const readings = [best.lines];
  if (band.lineRows.length > 0) {
    const secondLines = await recognise(ocr, isFlipped ? turned : band, otherMode(mode));
    const second = attempt(secondLines, today);
    if (second.status === "valid") return { ...second, flipped: isFlipped };
    readings.push(secondLines);
  }
  // Last resort, after every plain reading failed: realign a line read one character long by the check digits.
  for (const lines of readings) {
    const read = realigned(lines, today);
    if (read) return { ...read, flipped: isFlipped };
  }
  return best.read;
}
