import type { MrzField, MrzFieldState } from "contract/mrz/types";
import type { PassportResult, VisualZone } from "contract/result";
import {
  isDocumentField,
  MRZ_NAME_OF,
  REVIEW_FIELDS,
  type ReviewFieldKey,
  reviewFieldOfWarning,
} from "contract/review/review-fields";
import type { Warning } from "contract/warning";

/** Upstream confidence below this is flagged for a closer look. */
export const LOW_CONFIDENCE = 0.8;

/** Warnings saying the check digits could not vouch for a field's reading (a person should compare). */
const DOUBT_CODES: ReadonlySet<string> = new Set(["mrz_lookalike_ambiguous", "low_confidence"]);

export type FieldSource = "mrz" | "printed" | "both";

/** What a reviewer needs to know about one field; a field can be in several states at once. */
export type FieldFlag = "mismatch" | "low-confidence";

export interface FieldMismatch {
  against: "printed" | "provider";
  mrz: string | null;
  other: string | null;
}

export interface FieldRow {
  key: ReviewFieldKey;
  /** The value the provider settled on (document field, else MRZ, else printed zone). */
  value: string | null;
  source: FieldSource | null;
  /** Upstream confidence 0..1 when given. */
  confidence: number | null;
  /** State of the MRZ field behind it; null when the MRZ did not carry it. */
  mrzState: MrzFieldState | null;
  /** The MRZ characters before correction, when a correction changed them. */
  original: string | null;
  /** Both sides of each disagreement the server's cross-check found: MRZ against the printed page or against the
   *  provider's own reading of the field. */
  mismatches: FieldMismatch[];
  flags: FieldFlag[];
  /** Codes of the warnings about this field. */
  warningCodes: string[];
}

const VISUAL_KEY: Partial<Record<ReviewFieldKey, keyof VisualZone>> = {
  surname: "surname",
  givenNames: "givenNames",
  number: "number",
  nationality: "nationality",
  birthDate: "birthDate",
  sex: "sex",
  expiryDate: "expiryDate",
  issuingCountry: "issuingCountry",
  type: "type",
};

function nonEmpty(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  return value.trim() === "" ? null : value;
}

function detailString(details: Warning["details"], names: readonly string[]): string | null {
  if (!details) return null;
  for (const name of names) {
    const value = details[name];
    if (typeof value === "string" || typeof value === "number") return String(value);
  }
  return null;
}

/** Builds one row per field the read produced (empty optional-data fields are left out). */
export function buildFieldRows(result: PassportResult): FieldRow[] {
  const mrzFields = new Map<string, MrzField>((result.mrz?.fields ?? []).map((field) => [field.name, field]));
  const rows: FieldRow[] = [];
  for (const key of REVIEW_FIELDS) {
    const mrzField = mrzFields.get(MRZ_NAME_OF[key]) ?? null;
    const mrzValue = nonEmpty(mrzField?.value);
    const visualKey = VISUAL_KEY[key];
    const printed = visualKey ? nonEmpty(result.visualZone?.[visualKey]) : null;
    const documentValue = isDocumentField(key) ? nonEmpty(result.document[key]) : null;
    if (!isDocumentField(key) && mrzValue === null) continue;

    const fieldWarnings = result.warnings.filter((warning) => reviewFieldOfWarning(warning.field) === key);
    const mismatches = fieldWarnings
      .filter((warning) => warning.source === "crosscheck")
      .map((warning): FieldMismatch => {
        const against = warning.code === "mrz_provider_mismatch" ? "provider" : "printed";
        const mrz = detailString(warning.details, ["mrz"]) ?? mrzValue;
        const other =
          against === "provider"
            ? (detailString(warning.details, ["provider"]) ?? documentValue)
            : (detailString(warning.details, ["visualZone", "printed", "visual"]) ?? printed);
        return { against, mrz, other };
      });
    const confidence = isDocumentField(key) ? (result.confidence[key] ?? null) : null;
    const flags: FieldFlag[] = [];
    if (mismatches.length > 0) flags.push("mismatch");
    const doubted = fieldWarnings.some((warning) => DOUBT_CODES.has(warning.code));
    if (doubted || (confidence !== null && confidence < LOW_CONFIDENCE)) flags.push("low-confidence");

    rows.push({
      key,
      value: documentValue ?? mrzValue ?? printed,
      source:
        mrzValue !== null && printed !== null
          ? "both"
          : mrzValue !== null
            ? "mrz"
            : printed !== null
              ? "printed"
              : null,
      confidence,
      mrzState: mrzField?.state ?? null,
      original: mrzField?.original ?? null,
      mismatches,
      flags,
      warningCodes: fieldWarnings.map((warning) => warning.code),
    });
  }
  return rows;
}
