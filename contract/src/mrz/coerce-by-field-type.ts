import { DIGIT_TO_LETTERS, FILLER_LOOKALIKES_IN_DATA, FILLER_LOOKALIKES_IN_NAMES, LETTER_TO_DIGIT } from "./confusions";
import { isKnownCountryCode } from "./country-codes";
import { type FieldSpec, type LayoutSpec, type Range, resolveFields } from "./mrz-layout";
import type { MrzCorrection } from "./types";

type Grid = string[][];
type CorrectionField = MrzCorrection["field"];

function set(grid: Grid, line: number, column: number, to: string, field: CorrectionField, out: MrzCorrection[]) {
  const row = grid[line];
  const from = row?.[column];
  if (row === undefined || from === undefined || from === to) return;
  row[column] = to;
  out.push({ field, line, column, from, to });
}

const isDigit = (c: string) => c >= "0" && c <= "9";
const isLetter = (c: string) => c >= "A" && c <= "Z";

/** The digit a misread letter most likely was (digits-only places: dates, check digits). */
const toDigit = (ch: string): string | undefined => LETTER_TO_DIGIT[ch];
/** The letter a misread digit most likely was (letters-only places: the document code). */
const toLetter = (ch: string): string | undefined => DIGIT_TO_LETTERS[ch]?.[0];

/** An L where a document type letter belongs is the I it resembles. */
const toDocumentLetter = (ch: string): string | undefined => (ch === "L" ? "I" : undefined);

/**
 * The document type, the code's first character, is one of A, C, I, P or V in every format (ICAO 9303 parts 4-7):
 * an L there is the I it resembles. (The second character is at the issuing state's discretion.)
 */
export function coerceDocumentType(layout: LayoutSpec, grid: Grid, out: MrzCorrection[]): void {
  const spec = layout.fields.find((f) => f.kind === "code");
  if (spec) coerceRange(grid, spec.line, spec.start, spec.start + 1, spec.name, out, toDocumentLetter);
}

/** Replaces each character in [start, end) of a line that `likely` maps to what it most likely was. */
function coerceRange(
  grid: Grid,
  line: number,
  start: number,
  end: number,
  field: CorrectionField,
  out: MrzCorrection[],
  likely: (ch: string) => string | undefined,
) {
  const row = grid[line] ?? [];
  for (let c = start; c < end; c++) {
    const to = likely(row[c] ?? "");
    if (to !== undefined) set(grid, line, c, to, field, out);
  }
}

const LETTER_LOOKALIKES: Readonly<Record<string, readonly string[]>> = {
  O: ["D", "Q"],
  D: ["O"],
  Q: ["O"],
  I: ["L"],
  L: ["I"],
  K: ["<"],
  X: ["<"],
  "<": ["K", "X"],
};

/**
 * A country code that is not on the list is repaired only when exactly one code on the list is reachable with the
 * fewest confusable substitutions (digits to letters, O/D/Q, I/L, K/X to filler); otherwise it stays as read and
 * is flagged later as unknown. Every change is reported.
 */
function coerceCountry(grid: Grid, spec: FieldSpec, out: MrzCorrection[]) {
  const row = grid[spec.line] ?? [];
  const read = row.slice(spec.start, spec.end);
  // An empty code ("<<<": some cards leave the nationality blank) is kept as printed, not made into XXX.
  if (isKnownCountryCode(read.join("")) || read.every((c) => c === "<")) return;
  const options = read.map((ch, i) => {
    const alts = isDigit(ch) ? (DIGIT_TO_LETTERS[ch] ?? []) : (LETTER_LOOKALIKES[ch] ?? []);
    // A filler only pads the end of a short code ("D<<"): never in the first place.
    return [ch, ...alts.filter((a) => a !== "<" || i > 0)];
  });
  const search = { best: null as string[] | null, bestChanges: Number.POSITIVE_INFINITY, ties: 0 };
  const walk = (i: number, acc: string[], changes: number) => {
    if (changes > search.bestChanges) return;
    if (i === options.length) {
      if (!isKnownCountryCode(acc.join("")) || /^<|<[A-Z]/.test(acc.join(""))) return;
      if (changes < search.bestChanges) {
        search.best = [...acc];
        search.bestChanges = changes;
        search.ties = 0;
      } else search.ties++;
      return;
    }
    for (const [k, opt] of (options[i] ?? []).entries()) {
      acc.push(opt);
      walk(i + 1, acc, changes + (k === 0 ? 0 : 1));
      acc.pop();
    }
  };
  walk(0, [], 0);
  const chosen = search.best;
  if (chosen !== null && search.ties === 0 && search.bestChanges > 0) {
    for (const [i, ch] of chosen.entries()) set(grid, spec.line, spec.start + i, ch, spec.name, out);
  }
  // Otherwise the code stays as read (digits included) and is reported as unknown or invalid: between two listed
  // codes ("A1A": AIA or ALA) nothing may be guessed.
}

/**
 * Names: digits become letters (flagged later: names have no check digit), and misread fillers after the end of
 * the name ("<<<" read as "KLK") become fillers again. Only the padding after the given names is touched.
 */
function coerceNames(grid: Grid, names: Range, out: MrzCorrection[], digitsAllowed: boolean) {
  const row = grid[names.line] ?? [];
  let text = row.slice(names.start, names.end).join("");
  if (!digitsAllowed && /[0-9]/.test(text)) {
    const surnameEnd = text.indexOf("<<");
    for (let i = 0; i < text.length; i++) {
      const letter = DIGIT_TO_LETTERS[text.charAt(i)]?.[0];
      if (letter === undefined) continue;
      const field = surnameEnd >= 0 && i >= surnameEnd ? "givenNames" : "surname";
      set(grid, names.line, names.start + i, letter, field, out);
    }
    text = row.slice(names.start, names.end).join("");
  }
  const separator = text.indexOf("<<");
  if (separator < 0) return;
  const padding = text.indexOf("<<", separator + 2);
  if (padding < 0 || !onlyFillersFrom(text, padding, FILLER_LOOKALIKES_IN_NAMES)) return;
  for (let i = padding; i < text.length; i++) {
    if (text.charAt(i) !== "<") set(grid, names.line, names.start + i, "<", "filler", out);
  }
}

/**
 * Russian internal passports (document code PN, issuer RUS) write names in their own transliteration, where digits
 * stand for Cyrillic letters (2 Ё, 3 Ч, 4 Ш, 6 Э, 7 Ю, 8 Я, 9 Ь): their digits are as printed.
 */
export function namesHoldDigits(firstLine: string): boolean {
  return firstLine.startsWith("PNRUS");
}

/** True when text[from..] holds only fillers and filler lookalikes. */
function onlyFillersFrom(text: string, from: number, lookalikes: ReadonlySet<string>): boolean {
  for (let i = from; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch !== "<" && !lookalikes.has(ch)) return false;
  }
  return true;
}

/**
 * Letters-and-digits fields are left-aligned and padded with fillers. Padding is a run of fillers, K and X to the
 * end of the field that starts with two fillers (or one, at the field's start); the K and X in it are misread
 * fillers. After a single filler ("1<X<<"), the filler may as well be a misread X: the check digits decide that.
 */
function coerceDataPadding(grid: Grid, spec: FieldSpec, out: MrzCorrection[]) {
  const row = grid[spec.line] ?? [];
  const text = row.slice(spec.start, spec.end).join("");
  let padding = -1;
  for (let i = text.length - 1; i >= 0; i--) {
    const ch = text.charAt(i);
    if (ch === "<" && (i === 0 || text.charAt(i + 1) === "<")) padding = i;
    else if (ch !== "<" && !FILLER_LOOKALIKES_IN_DATA.has(ch)) break;
  }
  if (padding < 0) return;
  for (let i = padding; i < text.length; i++) {
    if (text.charAt(i) !== "<") set(grid, spec.line, spec.start + i, "<", "filler", out);
  }
}

/**
 * An optional-data field whose check place holds a filler is unused (ICAO 9303-4, 4.2.2.1). When the field and its
 * check place hold nothing but fillers and filler lookalikes (K and X are no digits), the lookalikes are misread
 * fillers.
 */
function coerceUnusedOptionalData(grid: Grid, spec: FieldSpec, out: MrzCorrection[]) {
  const row = grid[spec.line] ?? [];
  if (spec.name !== "optionalData1" || spec.check === undefined) return;
  const text = row.slice(spec.start, spec.check + 1).join("");
  if (!onlyFillersFrom(text, 0, FILLER_LOOKALIKES_IN_DATA)) return;
  for (let i = 0; i < text.length; i++) {
    if (text.charAt(i) !== "<") set(grid, spec.line, spec.start + i, "<", "filler", out);
  }
}

/**
 * Where a check digit's place legitimately holds a filler: after an unused optional-data field, and in TD1's
 * document number check place when the number continues in the optional data.
 */
function fillerExpectedAt(layout: LayoutSpec, spec: FieldSpec, row: readonly string[]): boolean {
  if (spec.name === "optionalData1") return row.slice(spec.start, spec.end).every((c) => c === "<");
  if (spec.name === "documentNumber" && layout.longDocumentNumber && spec.check !== undefined) {
    const next = row[spec.check + 1];
    return next !== undefined && next !== "<";
  }
  return false;
}

/**
 * TD1 long document number: its check digit is the last character before the next filler, so it must be a digit.
 * A K or X there after a digit is the first filler misread; any other letter is a misread digit.
 */
function coerceLongNumberCheck(layout: LayoutSpec, grid: Grid, out: MrzCorrection[]) {
  const spec = resolveFields(layout, grid).find((f) => f.name === "documentNumber");
  if (spec?.gap === undefined || spec.check === undefined) return;
  const row = grid[spec.line] ?? [];
  const ch = row[spec.check] ?? "";
  if (FILLER_LOOKALIKES_IN_DATA.has(ch) && isDigit(row[spec.check - 1] ?? "")) {
    set(grid, spec.line, spec.check, "<", "filler", out);
  } else if (isLetter(ch)) coerceRange(grid, spec.line, spec.check, spec.check + 1, spec.name, out, toDigit);
}

/** Applies every correction that follows from the field types alone; appends each change to `out`. */
export function coerceByFieldType(layout: LayoutSpec, grid: Grid, out: MrzCorrection[]): void {
  for (const spec of layout.fields) {
    switch (spec.kind) {
      case "date":
        coerceRange(grid, spec.line, spec.start, spec.end, spec.name, out, toDigit);
        break;
      case "code":
        coerceRange(grid, spec.line, spec.start, spec.end, spec.name, out, toLetter);
        coerceDocumentType(layout, grid, out);
        break;
      case "country":
        coerceCountry(grid, spec, out);
        break;
      case "alnum":
      case "sex":
        break;
    }
    if (spec.check !== undefined) {
      const row = grid[spec.line] ?? [];
      const ch = row[spec.check] ?? "";
      if (FILLER_LOOKALIKES_IN_DATA.has(ch) && fillerExpectedAt(layout, spec, row)) {
        set(grid, spec.line, spec.check, "<", "filler", out);
      } else if (isLetter(ch)) coerceRange(grid, spec.line, spec.check, spec.check + 1, spec.name, out, toDigit);
    }
  }
  if (layout.longDocumentNumber) coerceLongNumberCheck(layout, grid, out);
  for (const spec of resolveFields(layout, grid)) {
    // A long document number runs up to its check digit: it has no padding.
    if (spec.kind !== "alnum" || spec.gap !== undefined) continue;
    coerceUnusedOptionalData(grid, spec, out);
    coerceDataPadding(grid, spec, out);
  }
  if (layout.composite) {
    const { line, column } = layout.composite;
    coerceRange(grid, line, column, column + 1, "composite", out, toDigit);
  }
  coerceNames(grid, layout.names, out, namesHoldDigits((grid[0] ?? []).join("")));
}
