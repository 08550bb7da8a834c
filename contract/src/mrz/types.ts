/** ICAO 9303 machine readable zone: the shapes every MRZ consumer (providers, review screen) relies on. */
export type MrzFormat = "TD1" | "TD2" | "TD3" | "MRVA" | "MRVB";

/** verified: guarded by a check digit that holds; corrected: made to hold by a reported substitution;
 *  failed: its check digit does not hold; unchecked: no check digit guards it (names, country codes, sex). */
export type MrzFieldState = "verified" | "corrected" | "failed" | "unchecked";

export type MrzFieldName =
  | "documentCode"
  | "issuingState"
  | "surname"
  | "givenNames"
  | "documentNumber"
  | "nationality"
  | "birthDate"
  | "sex"
  | "expiryDate"
  | "optionalData1"
  | "optionalData2";

export interface MrzCheck {
  /** The field (or "composite") the digit guards. */
  field: MrzFieldName | "composite";
  line: number;
  /** 0-based column of the check digit. */
  column: number;
  expected: string;
  found: string;
  valid: boolean;
}

export interface MrzCorrection {
  field: MrzFieldName | "composite" | "filler";
  line: number;
  column: number;
  from: string;
  to: string;
}

export interface MrzField {
  name: MrzFieldName;
  /** 0-based line index. */
  line: number;
  /** 0-based start column, inclusive. */
  start: number;
  /** 0-based end column, exclusive. */
  end: number;
  /** Characters as read (after correction), fillers kept. */
  raw: string;
  /** Cleaned value: fillers removed; dates as ISO YYYY-MM-DD (unknown parts keep "XX"); null when empty. */
  value: string | null;
  state: MrzFieldState;
  /** What was read before correction, when a correction changed this field. */
  original?: string;
  /** Names only: the name zone is full to its last column, so the name may have been cut short. */
  truncated?: boolean;
}

/** The MRZ engine's full account of one read. */
export interface MrzReport {
  format: MrzFormat;
  /** Lines after correction. */
  lines: string[];
  /** Lines exactly as they were handed in. */
  originalLines: string[];
  /** True when every check digit (and the composite) holds after correction. */
  valid: boolean;
  fields: MrzField[];
  checks: MrzCheck[];
  corrections: MrzCorrection[];
  /** True when the lines had to be normalised (spaces or line breaks removed, lowercase raised, blank lines dropped). */
  normalised?: boolean;
  /**
   * Set when the check-digit search changed letters or digits: how much costlier (in substitution costs, one
   * substitution is about 1) the next read consistent with every check digit would have been; Infinity when none
   * exists within the search budget. Below 1.5 the check digits alone did not decide, and a warning says so.
   */
  correctionGap?: number;
}
