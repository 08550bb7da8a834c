import { charValue, checkDigit, weightAt } from "./check-digit";
import { type DisputedPlace, type SearchOptions, searchWithCheckDigits } from "./check-digit-search";
import { coerceByFieldType, coerceDocumentType, namesHoldDigits } from "./coerce-by-field-type";
import { resolveMrzDate } from "./mrz-date";
import { type FieldSpec, guardedColumns, type LayoutSpec, resolveFields } from "./mrz-layout";
import { detectLayout, normaliseMrzLines } from "./normalise-mrz-lines";
import type { MrzCheck, MrzCorrection, MrzField, MrzFieldState, MrzReport } from "./types";

export interface ParseMrzOptions {
  /** Correct OCR confusions by field type and check digits (default true). Every change is reported.
   *  "document-type": the characters are as printed (two recognitions agree on them) but for the document type
   *  letter, which the format fixes (an L there is an I). */
  correct?: boolean | "document-type";
  /** The day two-digit years are resolved against (default: now). */
  today?: Date;
  /** Most substitutions the check-digit search may combine (default 3). */
  maxEdits?: number;
  /** Places another recognition of the same lines read differently, with what it saw: the search may take any digit
   *  there (or what it saw) as the read's one guessed change, when the field's check digit and the composite agree. */
  disputed?: readonly DisputedPlace[];
}

/**
 * Parses, verifies and (by default) corrects an ICAO 9303 MRZ: TD1, TD2, TD3, MRV-A or MRV-B, detected from the
 * line count and lengths. Throws MrzFormatError when the lines are no MRZ of a known shape. A read that cannot be
 * made consistent comes back with valid=false and the failing fields in state "failed".
 */
export function parseMrz(lines: string[], options: ParseMrzOptions = {}): MrzReport {
  const originalLines = Array.isArray(lines) ? [...lines] : [];
  const normalised = normaliseMrzLines(lines);
  const layout = detectLayout(normalised.lines);
  const read =
    options.correct === false || options.correct === "document-type"
      ? asPrinted(layout, normalised.lines, options.correct === "document-type")
      : correct(layout, normalised.lines, {
          maxEdits: options.maxEdits ?? 3,
          today: options.today ?? new Date(),
          disputed: options.disputed,
        });
  const { grid, corrections, gap } = read;
  const fields = resolveFields(layout, grid);
  const finalLines = grid.map((row) => row.join(""));
  const checks = computeChecks(layout, fields, finalLines);
  const report: MrzReport = {
    format: layout.format,
    lines: finalLines,
    originalLines,
    valid: checks.every((c) => c.valid),
    fields: buildFields(layout, fields, finalLines, normalised.lines, checks, corrections, options.today ?? new Date()),
    checks,
    corrections,
  };
  if (normalised.changed) report.normalised = true;
  if (gap !== null) report.correctionGap = gap;
  return report;
}

interface Corrected {
  grid: string[][];
  corrections: MrzCorrection[];
  gap: number | null;
}

/** The lines as read, with the document type letter coerced when asked. */
function asPrinted(layout: LayoutSpec, lines: readonly string[], documentType: boolean): Corrected {
  const grid = lines.map((l) => l.split(""));
  const corrections: MrzCorrection[] = [];
  if (documentType) coerceDocumentType(layout, grid, corrections);
  return { grid, corrections, gap: null };
}

/** Field-type coercion, then the check-digit search, on a copy of `lines`. */
function correctAs(
  layout: LayoutSpec,
  lines: readonly string[],
  search: SearchOptions,
  first?: MrzCorrection,
): Corrected {
  const grid = lines.map((l) => l.split(""));
  const corrections: MrzCorrection[] = [];
  if (first) {
    const row = grid[first.line];
    if (row) row[first.column] = first.to;
    corrections.push(first);
  }
  coerceByFieldType(layout, grid, corrections);
  const gap = searchWithCheckDigits(layout, resolveFields(layout, grid), grid, corrections, search).gap;
  return { grid, corrections, gap };
}

function holds(layout: LayoutSpec, read: Corrected): boolean {
  const lines = read.grid.map((row) => row.join(""));
  return computeChecks(layout, resolveFields(layout, read.grid), lines).every((c) => c.valid);
}

/**
 * Corrects a read. A TD1 long document number ends at the first filler after column 15, so a misread filler there
 * (K or X after a digit) moves where the number, its check digit and the optional data are taken from: each such
 * reading is tried too. When more than one reading holds, the one with the fewest changes wins and is reported as
 * uncertain (gap 0).
 */
function correct(layout: LayoutSpec, lines: readonly string[], search: SearchOptions): Corrected {
  const asRead = correctAs(layout, lines, search);
  if (!layout.longDocumentNumber) return asRead;
  const number = resolveFields(
    layout,
    lines.map((l) => l.split("")),
  ).find((f) => f.name === "documentNumber");
  if (number?.gap === undefined || number.check === undefined) return asRead;
  if (asRead.corrections.length === 0 && holds(layout, asRead)) return asRead;
  const line = lines[number.line] ?? "";
  const readings = [asRead];
  for (let c = number.gap + 2; c <= number.check; c++) {
    const from = line.charAt(c);
    if ((from !== "K" && from !== "X") || !/[0-9]/.test(line.charAt(c - 1))) continue;
    readings.push(correctAs(layout, lines, search, { field: "filler", line: number.line, column: c, from, to: "<" }));
  }
  // Stable sort: on a tie the reading as the lines stand comes first.
  const holding = readings.filter((r) => holds(layout, r)).sort((a, b) => a.corrections.length - b.corrections.length);
  const best = holding[0];
  if (best === undefined) return asRead;
  return holding.length === 1 ? best : { ...best, gap: 0 };
}

function guardedValue(line: string, field: FieldSpec): string {
  let s = "";
  for (const c of guardedColumns(field)) s += line.charAt(c);
  return s;
}

function computeChecks(layout: LayoutSpec, fields: readonly FieldSpec[], lines: readonly string[]): MrzCheck[] {
  const checks: MrzCheck[] = [];
  for (const field of fields) {
    if (field.check === undefined) continue;
    const line = lines[field.line] ?? "";
    const value = guardedValue(line, field);
    const found = line.charAt(field.check);
    let expected = String(checkDigit(value));
    // TD1 long number: issuers differ on whether the filler at column 15 counts (ICAO's own example holds both
    // ways); the other reading is accepted when it is the one that holds.
    if (field.gap !== undefined && found !== expected) {
      const withFiller = String(checkDigit(line.slice(field.start, field.end)));
      if (withFiller === found) expected = withFiller;
    }
    // An unused optional-data field may carry a filler instead of its check digit (ICAO 9303-4, 4.2.2.1).
    // So may a date left unknown (all fillers: Russian internal passports have no expiry date).
    if (found === "<" && (field.name === "optionalData1" || field.kind === "date") && /^<*$/.test(value)) {
      expected = "<";
    }
    checks.push({
      field: field.name,
      line: field.line,
      column: field.check,
      expected,
      found,
      valid: expected === found,
    });
  }
  if (layout.composite) {
    const { line, column, ranges } = layout.composite;
    let sum = 0;
    let index = 0;
    for (const r of ranges) {
      const text = lines[r.line] ?? "";
      for (let c = r.start; c < r.end; c++) sum += charValue(text.charAt(c)) * weightAt(index++);
    }
    const expected = String(sum % 10);
    const found = (lines[line] ?? "").charAt(column);
    checks.push({ field: "composite", line, column, expected, found, valid: expected === found });
  }
  return checks;
}

const DOCUMENT_CODE_START: Record<MrzReport["format"], RegExp> = {
  TD3: /^P/,
  TD2: /^[ACI]/,
  TD1: /^[ACI]/,
  MRVA: /^V/,
  MRVB: /^V/,
};

/** Whether a document code's type letter (its first character) is one the format's documents carry. */
export function documentTypeFits(format: MrzReport["format"], code: string): boolean {
  return DOCUMENT_CODE_START[format].test(code);
}

function cleanData(raw: string): string | null {
  const v = raw.replace(/<+$/, "").replace(/<+/g, " ").trim();
  return v === "" ? null : v;
}

function cleanName(raw: string): string | null {
  const v = raw.replace(/<+/g, " ").trim();
  return v === "" ? null : v;
}

function buildFields(
  layout: LayoutSpec,
  specs: readonly FieldSpec[],
  lines: readonly string[],
  readLines: readonly string[],
  checks: readonly MrzCheck[],
  corrections: readonly MrzCorrection[],
  today: Date,
): MrzField[] {
  const composite = checks.find((c) => c.field === "composite");
  const byField = new Map(checks.map((c) => [c.field, c]));
  const touched = (line: number, start: number, end: number) =>
    corrections.length > 0 && corrections.some((c) => c.line === line && c.column >= start && c.column < end);
  const make = (
    name: MrzField["name"],
    line: number,
    start: number,
    end: number,
    value: string | null,
    state: MrzFieldState,
  ): MrzField => {
    const field: MrzField = { name, line, start, end, raw: (lines[line] ?? "").slice(start, end), value, state };
    if (touched(line, start, end)) field.original = (readLines[line] ?? "").slice(start, end);
    return field;
  };

  const out: MrzField[] = [];
  for (const spec of specs) {
    const raw = (lines[spec.line] ?? "").slice(spec.start, spec.end);
    const changed = touched(spec.line, spec.start, spec.end);
    const own = byField.get(spec.name);
    let state: MrzFieldState = "unchecked";
    if (own) state = own.valid ? (changed ? "corrected" : "verified") : "failed";
    let value: string | null = null;
    switch (spec.kind) {
      case "code":
      case "country":
        value = raw.replace(/<+$/, "") || null;
        if (value !== null && !/^[A-Z]+(<[A-Z]+)?$/.test(value)) state = "failed";
        // Document codes start with P in passports (TD3), V in visas, A, C or I in cards (ICAO 9303 parts 4-7).
        if (spec.kind === "code" && !documentTypeFits(layout.format, raw)) state = "failed";
        break;
      case "alnum":
        value = spec.name === "documentNumber" ? raw.replace(/</g, "") || null : cleanData(raw);
        if (!own && composite && spec.name !== "documentNumber") {
          // Guarded by the composite only: trusted when it holds.
          if (composite.valid) state = changed ? "corrected" : "verified";
        }
        break;
      case "date": {
        const role = spec.name === "birthDate" ? "birth" : "expiry";
        value = resolveMrzDate(raw, role, today).iso;
        break;
      }
      case "sex":
        value = raw === "M" || raw === "F" || raw === "X" ? raw : null;
        if (raw !== "<" && value === null) state = "failed";
        break;
    }
    out.push(make(spec.name, spec.line, spec.start, spec.end, value, state));
  }

  const { line, start, end } = layout.names;
  const zone = (lines[line] ?? "").slice(start, end);
  const separator = zone.indexOf("<<");
  const surnameEnd = separator < 0 ? end : start + separator;
  const givenStart = separator < 0 ? end : start + separator + 2;
  // A digit no letter looks like (3, 4, 7, 9) stays in a name after the coercion: the name is misread, not printed so.
  const nameState = (text: string): MrzFieldState =>
    /[0-9]/.test(text) && !namesHoldDigits(lines[0] ?? "") ? "failed" : "unchecked";
  const surnameZone = zone.slice(0, surnameEnd - start);
  const givenZone = zone.slice(givenStart - start);
  const surname = make("surname", line, start, surnameEnd, cleanName(surnameZone), nameState(surnameZone));
  const given = make("givenNames", line, givenStart, end, cleanName(givenZone), nameState(givenZone));
  if (!zone.endsWith("<")) (separator < 0 ? surname : given).truncated = true;
  // Names come right after the document code and issuing state in the reading order of line 1 (TD1: line 3).
  const namesAt = layout.format === "TD1" ? out.length : 2;
  out.splice(namesAt, 0, surname, given);
  return out;
}
