import type { Warning, WarningSeverity, WarningSource } from "./warning";

/** One entry of the catalogue: how bad, where from, what it means and what a person should do next. */
export interface CatalogueEntry {
  severity: WarningSeverity;
  source: WarningSource;
  /** Plain-language statement of the finding. */
  message: string;
  /** The plain next step for a person, e.g. "Retake without glare". */
  action: string;
}

/**
 * The one catalogue of warnings. Codes are stable snake_case identifiers: the web app maps them to words
 * (and translations), logs and tests refer to them. Add codes, never rename or reuse one.
 */
export const WARNING_CATALOGUE = {
  // --- Tencent MLIDPassportOCR: Warn (legacy) and WarnCardInfos ---
  tencent_border_incomplete: {
    severity: "warning",
    source: "tencent",
    message: "The document's border is covered or cut off (Tencent -9101).",
    action: "Retake with the whole document inside the frame",
  },
  tencent_photocopy: {
    severity: "critical",
    source: "tencent",
    message: "The image looks like a photocopy of the document (Tencent -9102).",
    action: "Photograph the original document, not a copy",
  },
  tencent_recapture: {
    severity: "critical",
    source: "tencent",
    message: "The image looks like a photo of a screen or of a printed photo (Tencent -9103).",
    action: "Photograph the original document directly, not a screen or a print",
  },
  tencent_edited: {
    severity: "critical",
    source: "tencent",
    message: "The image shows signs of digital editing (Tencent -9104).",
    action: "Use an unedited photo taken straight from the camera",
  },
  tencent_covered_inside: {
    severity: "warning",
    source: "tencent",
    message: "Something covers part of the document's content (Tencent -9105).",
    action: "Retake with nothing (fingers, stickers) over the document",
  },
  tencent_covered: {
    severity: "warning",
    source: "tencent",
    message: "Part of the document is covered (Tencent -9106).",
    action: "Retake with nothing (fingers, stickers) over the document",
  },
  tencent_reflection: {
    severity: "warning",
    source: "tencent",
    message: "Light reflects off the document (Tencent -9107).",
    action: "Retake without glare: tilt the document or move away from the light",
  },
  tencent_blur: {
    severity: "warning",
    source: "tencent",
    message: "The image is blurred (Tencent -9108).",
    action: "Hold still and retake once the camera has focused",
  },
  tencent_warnings_not_enabled: {
    severity: "info",
    source: "tencent",
    message: "Tencent's forgery and quality warnings are not enabled for this account (Tencent -9109).",
    action: "Ask the operator to enable Tencent's card warning feature; check the photo by eye meanwhile",
  },
  tencent_unknown_warning: {
    severity: "warning",
    source: "tencent",
    message: "Tencent returned a warning code this app does not know.",
    action: "Check the photo by eye; report the code to the operator",
  },

  // --- Capture quality measured by the offline engine ---
  blur: {
    severity: "warning",
    source: "quality",
    message: "The photo is blurred.",
    action: "Hold still and retake once the camera has focused",
  },
  glare_mrz: {
    severity: "warning",
    source: "quality",
    message: "Glare covers part of the machine readable zone (the two lines of <<< at the bottom).",
    action: "Retake without glare: tilt the document or move away from the light",
  },
  glare_portrait: {
    severity: "warning",
    source: "quality",
    message: "Glare covers part of the portrait photo.",
    action: "Retake without glare: tilt the document or move away from the light",
  },
  photocopy_grayscale: {
    severity: "warning",
    source: "quality",
    message: "The image has almost no colour; it may be a grayscale photocopy.",
    action: "Photograph the original document in colour",
  },
  screen_recapture: {
    severity: "warning",
    source: "quality",
    message: "The image shows a moire pattern typical of photographing a screen.",
    action: "Photograph the original document directly, not a screen",
  },
  mrz_too_small: {
    severity: "warning",
    source: "quality",
    message: "The machine readable zone is too small in the photo to read reliably.",
    action: "Move the camera closer so the document fills the frame",
  },
  document_too_small: {
    severity: "warning",
    source: "quality",
    message: "The document fills too little of the photo.",
    action: "Move the camera closer so the document fills at least two thirds of the frame",
  },

  // --- MRZ engine ---
  check_digit_failed_document_number: {
    severity: "critical",
    source: "mrz",
    message: "The document number does not match its check digit: it was misread or altered.",
    action: "Retake the photo with the machine readable zone sharp, or compare the number with the document",
  },
  check_digit_failed_birth_date: {
    severity: "critical",
    source: "mrz",
    message: "The date of birth does not match its check digit: it was misread or altered.",
    action: "Retake the photo with the machine readable zone sharp, or compare the date with the document",
  },
  check_digit_failed_expiry_date: {
    severity: "critical",
    source: "mrz",
    message: "The expiry date does not match its check digit: it was misread or altered.",
    action: "Retake the photo with the machine readable zone sharp, or compare the date with the document",
  },
  check_digit_failed_optional_data: {
    severity: "critical",
    source: "mrz",
    message: "The optional data (personal number) does not match its check digit: it was misread or altered.",
    action: "Retake the photo with the machine readable zone sharp",
  },
  composite_failed: {
    severity: "critical",
    source: "mrz",
    message:
      "The composite check digit over the machine readable zone does not hold: something was misread or altered.",
    action: "Retake the photo with the machine readable zone sharp and free of glare",
  },
  mrz_unverifiable: {
    severity: "critical",
    source: "mrz",
    message: "The machine readable zone could not be made consistent with its check digits.",
    action: "Retake the photo; if it persists, check the document by hand",
  },
  mrz_unreadable: {
    severity: "critical",
    source: "mrz",
    message: "No machine readable zone in a known format was found.",
    action: "Retake with the two (or three) lines of <<< at the bottom fully visible and sharp",
  },
  mrz_corrected: {
    severity: "info",
    source: "mrz",
    message: "Misread characters in the machine readable zone were corrected using its check digits.",
    action: "No action needed; the corrected values are verified by their check digits",
  },
  mrz_correction_uncertain: {
    severity: "warning",
    source: "mrz",
    message:
      "Misread characters were corrected, but the check digits would also accept another reading: the likeliest one was chosen.",
    action: "Compare the corrected field with the document by eye, or retake the photo",
  },
  mrz_lookalike_ambiguous: {
    severity: "warning",
    source: "mrz",
    message:
      "The check digit holds, but it cannot tell some letters from digits (S/8, G/6, L/1, U/0), and one of them here would give the number a more usual shape.",
    action: "Compare the number with the document by eye",
  },
  mrz_normalised: {
    severity: "info",
    source: "mrz",
    message: "The machine readable zone was read with spaces or lowercase letters, which were normalised.",
    action: "No action needed",
  },
  name_corrected: {
    severity: "warning",
    source: "mrz",
    message: "A character in the name looked misread (e.g. a digit in a name) and has no check digit to confirm it.",
    action: "Compare the name with the printed page",
  },
  name_irregular: {
    severity: "warning",
    source: "mrz",
    message: "A name holds a run of fillers (<) where names have none: letters may have been read as fillers.",
    action: "Compare the name with the printed page",
  },
  country_code_corrected: {
    severity: "warning",
    source: "mrz",
    message: "A country code in the machine readable zone looked misread and was corrected to a code on the ICAO list.",
    action: "Compare the country with the printed page",
  },
  mrz_field_invalid: {
    severity: "critical",
    source: "mrz",
    message: "A field of the machine readable zone holds characters it cannot hold.",
    action: "Retake the photo with the machine readable zone sharp",
  },
  name_truncated: {
    severity: "info",
    source: "mrz",
    message: "The name fills the whole field and may be cut short in the machine readable zone.",
    action: "Take the full name from the printed page",
  },
  unknown_country_code: {
    severity: "warning",
    source: "mrz",
    message: "A country code is not on the ICAO 9303 list; it may be misread.",
    action: "Compare the country with the printed page",
  },
  specimen_document: {
    severity: "critical",
    source: "mrz",
    message: "This is a specimen document (country code UTO or XXX), not a real one.",
    action: "Use a real travel document",
  },
  invalid_date: {
    severity: "critical",
    source: "mrz",
    message: "A date in the machine readable zone is not a real calendar date.",
    action: "Retake the photo, or compare the date with the printed page",
  },
  birth_date_unknown_part: {
    severity: "info",
    source: "mrz",
    message: "Day or month of birth is not known (written as filler in the machine readable zone).",
    action: "No action needed unless your process needs the full date",
  },
  expired: {
    severity: "critical",
    source: "mrz",
    message: "The document has expired.",
    action: "Use a document that is still valid",
  },
  expiring_soon: {
    severity: "warning",
    source: "mrz",
    message: "The document expires soon.",
    action: "Consider asking for a document that stays valid longer",
  },
  under_18: {
    severity: "warning",
    source: "mrz",
    message: "The holder is under 18 years old.",
    action: "Follow your process for minors",
  },
  low_confidence: {
    severity: "warning",
    source: "mrz",
    message: "Some characters were read with low confidence.",
    action: "Compare the highlighted fields with the document, or retake the photo",
  },

  // --- Cross-checks ---
  mrz_provider_mismatch: {
    severity: "critical",
    source: "crosscheck",
    message: "The recognised field differs from the machine readable zone.",
    action: "Compare the field with the document by eye",
  },
  mrz_visual_mismatch: {
    severity: "critical",
    source: "crosscheck",
    message: "The printed page and the machine readable zone disagree on this field.",
    action: "Compare the printed page with the machine readable zone; a mismatch can mean tampering",
  },
} as const satisfies Record<string, CatalogueEntry>;

export type WarningCode = keyof typeof WARNING_CATALOGUE;

/** Every code, in catalogue order. */
export const WARNING_CODES = Object.keys(WARNING_CATALOGUE) as WarningCode[];

/** The warnings a read whose check digits do not hold carries: each failed check, and the read left unverified. */
export const FAILED_CHECK_CODES: readonly WarningCode[] = [
  "check_digit_failed_document_number",
  "check_digit_failed_birth_date",
  "check_digit_failed_expiry_date",
  "check_digit_failed_optional_data",
  "composite_failed",
  "mrz_unverifiable",
];

export function isWarningCode(code: string): code is WarningCode {
  return Object.hasOwn(WARNING_CATALOGUE, code);
}

export interface WarningExtra {
  field?: string;
  details?: Record<string, string | number | boolean | null>;
  /** Replaces the catalogue message (e.g. to name the values); the code stays the stable key. */
  message?: string;
}

/** Builds a Warning from its catalogue entry. */
export function makeWarning(code: WarningCode, extra: WarningExtra = {}): Warning {
  const entry: CatalogueEntry = WARNING_CATALOGUE[code];
  const warning: Warning = {
    code,
    source: entry.source,
    severity: entry.severity,
    message: extra.message ?? entry.message,
    action: entry.action,
  };
  if (extra.field !== undefined) warning.field = extra.field;
  if (extra.details !== undefined) warning.details = { ...extra.details };
  return warning;
}

/** Tencent's numeric warning codes (Warn and WarnCardInfos) mapped to catalogue codes. */
export const TENCENT_WARNING_CODES: Readonly<Record<number, WarningCode>> = {
  [-9101]: "tencent_border_incomplete",
  [-9102]: "tencent_photocopy",
  [-9103]: "tencent_recapture",
  [-9104]: "tencent_edited",
  [-9105]: "tencent_covered_inside",
  [-9106]: "tencent_covered",
  [-9107]: "tencent_reflection",
  [-9108]: "tencent_blur",
  [-9109]: "tencent_warnings_not_enabled",
};

/** A Warning for one of Tencent's numeric warning codes; an unknown code still yields a warning naming it. */
export function tencentWarning(code: number): Warning {
  const known = TENCENT_WARNING_CODES[code];
  if (known !== undefined) return makeWarning(known, { details: { tencentCode: code } });
  return makeWarning("tencent_unknown_warning", {
    message: `Tencent returned warning code ${String(code)}, which this app does not know.`,
    details: { tencentCode: code },
  });
}
