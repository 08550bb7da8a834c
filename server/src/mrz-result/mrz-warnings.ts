import { isKnownCountryCode, SPECIMEN_CODES } from "contract/mrz/country-codes";
import { lookalikeDoubts } from "contract/mrz/lookalike-doubt";
import { resolveMrzDate } from "contract/mrz/mrz-date";
import type { MrzField, MrzFieldName, MrzReport } from "contract/mrz/types";
import type { Warning } from "contract/warning";
import { makeWarning, type WarningCode } from "contract/warning-catalogue";

export interface MrzWarningOptions {
  /** The day expiry and age are judged against (default: now). */
  today?: Date;
  /** "Expiring soon" threshold in days (default 90). */
  expiringSoonDays?: number;
}

const CHECK_CODES: Partial<Record<MrzFieldName, WarningCode>> = {
  documentNumber: "check_digit_failed_document_number",
  birthDate: "check_digit_failed_birth_date",
  expiryDate: "check_digit_failed_expiry_date",
  optionalData1: "check_digit_failed_optional_data",
  optionalData2: "check_digit_failed_optional_data",
};

const DAY_MS = 86_400_000;

/**
 * A correction whose next-best alternative costs less than two more substitution units was decided by the
 * likelihood of the characters, not by the check digits alone (measured: below this all wrong picks fall).
 */
const UNCERTAIN_BELOW = 2.5;

function utcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** ISO date with possible "XX" parts -> { year, month|null, day|null }. */
function parts(iso: string): { year: number; month: number | null; day: number | null } {
  const [y, m, d] = iso.split("-");
  return { year: Number(y), month: m === "XX" ? null : Number(m), day: d === "XX" ? null : Number(d) };
}

function describe(field: MrzField): string {
  return `line ${String(field.line + 1)}, columns ${String(field.start + 1)}-${String(field.end)}`;
}

/** Every finding the MRZ itself supports: failed checks, corrections, codes, names and dates. */
export function mrzWarnings(report: MrzReport, options: MrzWarningOptions = {}): Warning[] {
  const today = options.today ?? new Date();
  const soonDays = options.expiringSoonDays ?? 90;
  const warnings: Warning[] = [];
  const field = (name: MrzFieldName) => report.fields.find((f) => f.name === name);

  if (report.normalised) {
    warnings.push(makeWarning("mrz_normalised", { details: { lines: report.originalLines.length } }));
  }

  for (const check of report.checks) {
    if (check.valid) continue;
    const code = check.field === "composite" ? "composite_failed" : CHECK_CODES[check.field];
    if (code === undefined) continue;
    warnings.push(
      makeWarning(code, {
        field: check.field,
        details: { expected: check.expected, found: check.found, line: check.line + 1, column: check.column + 1 },
      }),
    );
  }
  if (!report.valid) {
    const failed = report.checks.filter((c) => !c.valid).map((c) => c.field);
    warnings.push(makeWarning("mrz_unverifiable", { details: { failedChecks: failed.join(", ") } }));
  }

  const dataCorrections = report.corrections.filter(
    (c) => !["surname", "givenNames", "issuingState", "nationality"].includes(c.field),
  );
  if (dataCorrections.length > 0) {
    warnings.push(
      makeWarning("mrz_corrected", {
        details: {
          count: dataCorrections.length,
          changes: dataCorrections
            .map((c) => `${c.field} line ${String(c.line + 1)} col ${String(c.column + 1)}: ${c.from}->${c.to}`)
            .join("; "),
        },
      }),
    );
  }
  if (report.correctionGap !== undefined && report.correctionGap < UNCERTAIN_BELOW) {
    const fields = [...new Set(dataCorrections.map((c) => c.field).filter((f) => f !== "filler"))];
    warnings.push(
      makeWarning("mrz_correction_uncertain", {
        ...(fields.length === 1 && fields[0] ? { field: fields[0] } : {}),
        details: { fields: fields.join(", "), gap: Math.round(report.correctionGap * 100) / 100 },
      }),
    );
  }
  for (const doubt of lookalikeDoubts(report)) {
    warnings.push(
      makeWarning("mrz_lookalike_ambiguous", {
        field: doubt.field,
        details: {
          read: doubt.read,
          alternative: doubt.alternative,
          line: doubt.line + 1,
          column: doubt.column + 1,
        },
      }),
    );
  }
  for (const name of ["surname", "givenNames"] as const) {
    const f = field(name);
    if (f?.original !== undefined && report.corrections.some((c) => c.field === name)) {
      warnings.push(makeWarning("name_corrected", { field: name, details: { read: f.original, corrected: f.raw } }));
    }
  }

  for (const name of ["issuingState", "nationality"] as const) {
    const f = field(name);
    if (!f) continue;
    if (f.original !== undefined && report.corrections.some((c) => c.field === name)) {
      warnings.push(
        makeWarning("country_code_corrected", { field: name, details: { read: f.original, corrected: f.raw } }),
      );
    }
    if (f.value === null || !isKnownCountryCode(f.value)) {
      warnings.push(
        makeWarning("unknown_country_code", {
          field: name,
          message: `The country code "${f.raw}" (${describe(f)}) is not on the ICAO 9303 list; it may be misread.`,
          details: { code: f.raw },
        }),
      );
    }
  }
  const specimen = (["issuingState", "nationality"] as const)
    .map((n) => field(n)?.value)
    .find((v) => v != null && SPECIMEN_CODES.has(v));
  if (specimen) warnings.push(makeWarning("specimen_document", { details: { code: specimen } }));

  for (const f of report.fields) {
    if (f.truncated) {
      warnings.push(makeWarning("name_truncated", { field: f.name, details: { read: f.raw } }));
    }
    if (
      f.state === "failed" &&
      (f.name === "sex" || f.name === "documentCode" || f.name === "issuingState" || f.name === "nationality")
    ) {
      warnings.push(makeWarning("mrz_field_invalid", { field: f.name, details: { read: f.raw } }));
    }
  }

  const birth = field("birthDate");
  const expiry = field("expiryDate");
  for (const f of [birth, expiry]) {
    if (f && f.value === null && !/^<+$/.test(f.raw)) {
      const resolved = resolveMrzDate(f.raw, f.name === "birthDate" ? "birth" : "expiry", today);
      if (resolved.invalid) warnings.push(makeWarning("invalid_date", { field: f.name, details: { read: f.raw } }));
    }
  }
  if (birth?.value?.includes("XX")) {
    warnings.push(makeWarning("birth_date_unknown_part", { field: "birthDate", details: { birthDate: birth.value } }));
  }

  const todayMs = utcDay(today);
  const todayIso = new Date(todayMs).toISOString().slice(0, 10);
  if (expiry?.value && expiry.state !== "failed" && !expiry.value.includes("XX")) {
    const { year, month, day } = parts(expiry.value);
    const expiryMs = Date.UTC(year, (month ?? 1) - 1, day ?? 1);
    const daysLeft = Math.round((expiryMs - todayMs) / DAY_MS);
    if (daysLeft < 0) {
      warnings.push(
        makeWarning("expired", {
          field: "expiryDate",
          message: `The document expired on ${expiry.value}.`,
          details: { expiryDate: expiry.value, today: todayIso },
        }),
      );
    } else if (daysLeft <= soonDays) {
      warnings.push(
        makeWarning("expiring_soon", {
          field: "expiryDate",
          message: `The document expires on ${expiry.value}, in ${String(daysLeft)} days.`,
          details: { expiryDate: expiry.value, daysLeft, thresholdDays: soonDays },
        }),
      );
    }
  }
  if (birth?.value && birth.state !== "failed") {
    const { year, month, day } = parts(birth.value);
    // With an unknown month or day, the earliest possible birthday: flagged only when surely under 18.
    const eighteenth = Date.UTC(year + 18, (month ?? 1) - 1, day ?? 1);
    if (eighteenth > todayMs) {
      warnings.push(
        makeWarning("under_18", { field: "birthDate", details: { birthDate: birth.value, today: todayIso } }),
      );
    }
  }
  return warnings;
}
