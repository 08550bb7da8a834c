import { charValue, checkDigit, weightAt } from "./check-digit";
import { searchWithCheckDigits } from "./check-digit-search";
import { coerceByFieldType } from "./coerce-by-field-type";
import { resolveMrzDate } from "./mrz-date";
import { type FieldSpec, guardedColumns, type LayoutSpec, resolveFields } from "./mrz-layout";
import { detectLayout, normaliseMrzLines } from "./normalise-mrz-lines";
import type { MrzCheck, MrzCorrection, MrzField, MrzFieldState, MrzReport } from "./types";

export interface ReadMrzOptions {
  /** Correct OCR confusions by field type and check digits (default true). Every change is reported. */
  correct?: boolean;
  /** The day two-digit years are resolved against (default: now). */
  today?: Date;
  /** Most substitutions the check-digit search may combine (default 3). */
  maxEdits?: number;
}

/**
 * Parses, verifies and (by default) corrects an ICAO 9303 MRZ: TD1, TD2, TD3, MRV-A or MRV-B, detected from the
 * line count and lengths. Throws MrzFormatError when the lines are no MRZ of a known shape. A read that cannot be
 * made consistent comes back with valid=false and the failing fields in state "failed".
 */
export function readMrz(lines: string[], options: ReadMrzOptions = {}): MrzReport {
  const originalLines = Array.isArray(lines) ? [...lines] : [];
  const normalised = normaliseMrzLines(lines);
  const layout = detectLayout(normalised.lines);
  const grid = normalised.lines.map((l) => l.split(""));
  const corrections: MrzCorrection[] = [];
  if (options.correct !== false) coerceByFieldType(layout, grid, corrections);
  let fields = resolveFields(layout, grid);
  let gap: number | null = null;
  if (options.correct !== false) {
    gap = searchWithCheckDigits(layout, fields, grid, corrections, { maxEdits: options.maxEdits ?? 3 }).gap;
    fields = resolveFields(layout, grid);
  }
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
    if (found === "<" && field.name === "optionalData1" && /^<*$/.test(value)) expected = "<";
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
  const surname = make("surname", line, start, surnameEnd, cleanName(zone.slice(0, surnameEnd - start)), "unchecked");
  const given = make("givenNames", line, givenStart, end, cleanName(zone.slice(givenStart - start)), "unchecked");
  if (!zone.endsWith("<")) (separator < 0 ? surname : given).truncated = true;
  // Names come right after the document code and issuing state in the reading order of line 1 (TD1: line 3).
  const namesAt = layout.format === "TD1" ? out.length : 2;
  out.splice(namesAt, 0, surname, given);
  return out;
}
