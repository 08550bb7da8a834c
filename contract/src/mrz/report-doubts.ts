import { isKnownCountryCode } from "./country-codes";
import { type LookalikeDoubt, lookalikeDoubts } from "./lookalike-doubt";
import { resolveMrzDate } from "./mrz-date";
import type { MrzCorrection, MrzField, MrzFieldName, MrzReport } from "./types";

/**
 * A correction whose next-best alternative costs less than two more substitution units was decided by the
 * likelihood of the characters, not by the check digits alone (measured: below this all wrong picks fall).
 */
export const UNCERTAIN_BELOW = 2.5;

/** Why a read may be wrong although its check digits hold (or why a field holds no valid value), from the report. */
export type ReportDoubt =
  /** The check-digit search chose between readings that cost nearly the same (`gap` below UNCERTAIN_BELOW). */
  | { kind: "correction_uncertain"; fields: MrzCorrection["field"][]; gap: number }
  /** A number holds a letter or digit that its look-alike would fit better (see lookalike-doubt.ts). */
  | ({ kind: "lookalike" } & LookalikeDoubt)
  /** A name was mended (a digit read in a name): no check digit confirms it. */
  | { kind: "name_corrected"; field: "surname" | "givenNames"; read: string; corrected: string }
  /** A name with fillers where ICAO names have none (a run inside it, or one before it): letters read as fillers. */
  | { kind: "name_irregular"; field: "surname" | "givenNames"; read: string }
  /** A country code was mended to a known one: no check digit confirms it. */
  | { kind: "country_code_corrected"; field: "issuingState" | "nationality"; read: string; corrected: string }
  /** A country code that is not on the ICAO 9303 list. */
  | { kind: "unknown_country_code"; field: "issuingState" | "nationality"; code: string; at: MrzField }
  /** A field whose characters it cannot hold (sex, document code, country code, a name). */
  | { kind: "field_invalid"; field: MrzFieldName; read: string }
  /** A date that is no calendar date. */
  | { kind: "invalid_date"; field: "birthDate" | "expiryDate"; read: string };

export interface ReportDoubtOptions {
  /** The day two-digit years are resolved against (default: now). */
  today?: Date;
}

/** Fields without a check digit of their own, whose corrections are reported by name rather than counted as data. */
const NAMED_CORRECTIONS: readonly string[] = ["surname", "givenNames", "issuingState", "nationality"];

/** The corrections of the data (numbers, dates, optional data, check digits, fillers): all but names and country
 *  codes, which are reported by name. */
export function dataCorrections(report: MrzReport): MrzCorrection[] {
  return report.corrections.filter((c) => !NAMED_CORRECTIONS.includes(c.field));
}

/** Every doubt the report itself supports, in a fixed order: uncertain correction, look-alikes, mended names, irregular
 *  names, country
 *  codes (issuing state, then nationality), invalid fields (in MRZ order), invalid dates (birth, then expiry). */
export function reportDoubts(report: MrzReport, options: ReportDoubtOptions = {}): ReportDoubt[] {
  return [
    ...uncertainCorrection(report),
    ...lookalikeDoubts(report).map((d): ReportDoubt => ({ kind: "lookalike", ...d })),
    ...correctedNames(report),
    ...irregularNames(report),
    ...countryCodes(report),
    ...invalidFields(report),
    ...invalidDates(report, options.today ?? new Date()),
  ];
}

const fieldOf = (report: MrzReport, name: MrzFieldName) => report.fields.find((f) => f.name === name);
const wasCorrected = (report: MrzReport, name: MrzFieldName) => report.corrections.some((c) => c.field === name);

function uncertainCorrection(report: MrzReport): ReportDoubt[] {
  if (report.correctionGap === undefined || report.correctionGap >= UNCERTAIN_BELOW) return [];
  const fields = dataCorrections(report)
    .map((c) => c.field)
    .filter((f) => f !== "filler");
  return [{ kind: "correction_uncertain", fields: [...new Set(fields)], gap: report.correctionGap }];
}

function correctedNames(report: MrzReport): ReportDoubt[] {
  return (["surname", "givenNames"] as const).flatMap((name): ReportDoubt[] => {
    const f = fieldOf(report, name);
    if (f?.original === undefined || !wasCorrected(report, name)) return [];
    return [{ kind: "name_corrected", field: name, read: f.original, corrected: f.raw }];
  });
}

/**
 * ICAO 9303 names: the primary identifier, two fillers, the secondary identifier, each of components joined by one
 * filler, then padding. A run of fillers inside a name, or one before it, is never printed; it is letters the
 * recogniser took for fillers ("FERREIRA<<OLIVIA" read "FERREIR<<<OLIVIA"). (A digit in a name is field_invalid's.)
 */
const WELL_FORMED_NAME = /^(?:[A-Z0-9]+(?:<[A-Z0-9]+)*)?<*$/;

function irregularNames(report: MrzReport): ReportDoubt[] {
  return (["surname", "givenNames"] as const).flatMap((name): ReportDoubt[] => {
    const f = fieldOf(report, name);
    if (!f) return [];
    const read = (report.lines[f.line] ?? "").slice(f.start, f.end);
    return WELL_FORMED_NAME.test(read) ? [] : [{ kind: "name_irregular", field: name, read }];
  });
}

function countryCodes(report: MrzReport): ReportDoubt[] {
  return (["issuingState", "nationality"] as const).flatMap((name): ReportDoubt[] => {
    const f = fieldOf(report, name);
    if (!f) return [];
    const out: ReportDoubt[] = [];
    if (f.original !== undefined && wasCorrected(report, name)) {
      out.push({ kind: "country_code_corrected", field: name, read: f.original, corrected: f.raw });
    }
    if (f.value === null || !isKnownCountryCode(f.value)) {
      out.push({ kind: "unknown_country_code", field: name, code: f.raw, at: f });
    }
    return out;
  });
}

/** Fields whose invalid content no check digit reports: sex, document code, country codes, names (a digit left in). */
const SHAPED_FIELDS: ReadonlySet<MrzFieldName> = new Set([
  "sex",
  "documentCode",
  "issuingState",
  "nationality",
  "surname",
  "givenNames",
]);

function invalidFields(report: MrzReport): ReportDoubt[] {
  return report.fields
    .filter((f) => f.state === "failed" && SHAPED_FIELDS.has(f.name))
    .map((f) => ({ kind: "field_invalid", field: f.name, read: f.raw }));
}

function invalidDates(report: MrzReport, today: Date): ReportDoubt[] {
  return (["birthDate", "expiryDate"] as const).flatMap((name): ReportDoubt[] => {
    const f = fieldOf(report, name);
    if (!f || f.value !== null || /^<+$/.test(f.raw)) return [];
    const resolved = resolveMrzDate(f.raw, name === "birthDate" ? "birth" : "expiry", today);
    return resolved.invalid ? [{ kind: "invalid_date", field: name, read: f.raw }] : [];
  });
}
