import type { Warning } from "contract/warning";
import { FAILED_CHECK_CODES, type WarningCode } from "contract/warning-catalogue";

/** Warnings that doubt what was read in the field they name: a person is asked to compare it with the document. */
export const READ_DOUBTS: ReadonlySet<string> = new Set([
  "low_confidence",
  "mrz_correction_uncertain",
  "mrz_lookalike_ambiguous",
  "mrz_field_invalid",
  "unknown_country_code",
  "country_code_corrected",
  "name_corrected",
  "name_irregular",
  "invalid_date",
  ...FAILED_CHECK_CODES,
] satisfies WarningCode[]);

/** Fields a doubting warning names: its `field`, or the lists in `details.fields` / `details.failedChecks`. */
export function doubtedFields(warnings: readonly Warning[]): Set<string> {
  const out = new Set<string>();
  for (const w of warnings) {
    if (!READ_DOUBTS.has(w.code)) continue;
    if (w.field) out.add(w.field);
    for (const key of ["fields", "failedChecks"]) {
      const listed = w.details?.[key];
      if (typeof listed === "string") for (const f of listed.split(",")) if (f.trim()) out.add(f.trim());
    }
  }
  return out;
}
