import { checkDigit } from "../mrz/check-digit";
import type { MrzFieldState, MrzReport } from "../mrz/types";
import { MRZ_NAME_OF, type ReviewFieldKey } from "./review-fields";

/** How an edited date is written in an MRZ: YYMMDD. */
function mrzDate(iso: string): string | null {
  const match = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[1]}${match[2]}${match[3]}` : null;
}

/**
 * The state an edited field has against the MRZ's own check digit: `verified` when the printed check digit holds for
 * the new value, `failed` when it does not (the edit or the read is wrong), `unchecked` for fields no check digit
 * guards (names, codes, sex), and null when there is no MRZ to check against.
 */
export function recheckEditedField(
  report: MrzReport | null,
  field: ReviewFieldKey,
  value: string,
): MrzFieldState | null {
  if (!report) return null;
  const name = MRZ_NAME_OF[field];
  const spec = report.fields.find((f) => f.name === name);
  const check = report.checks.find((c) => c.field === name);
  if (!spec || !check) return "unchecked";
  const width = spec.end - spec.start;
  const upper = value.trim().toUpperCase().replace(/\s+/g, "<");
  const encoded = name === "birthDate" || name === "expiryDate" ? mrzDate(upper) : upper;
  if (encoded === null || encoded.length > width || !/^[A-Z0-9<]*$/.test(encoded)) return "failed";
  return String(checkDigit(encoded.padEnd(width, "<"))) === check.found ? "verified" : "failed";
}
