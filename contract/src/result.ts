import type { Quad } from "./geometry";
import type { MrzReport } from "./mrz/types";
import type { Warning } from "./warning";

/** The normalized result both providers return and the web app renders. */
export type ProviderName = "tencent" | "local";

export interface DocumentFields {
  /** Document code, e.g. "P". */
  type: string | null;
  number: string | null;
  surname: string | null;
  givenNames: string | null;
  fullName: string | null;
  /** ICAO 3-letter codes. */
  nationality: string | null;
  issuingCountry: string | null;
  /** ISO YYYY-MM-DD. */
  birthDate: string | null;
  expiryDate: string | null;
  sex: "M" | "F" | "X" | null;
}

/** The visual (printed) zone as the provider read it, values as printed. */
export interface VisualZone {
  type?: string;
  issuingCountry?: string;
  number?: string;
  surname?: string;
  givenNames?: string;
  fullName?: string;
  birthPlace?: string;
  nationality?: string;
  birthDate?: string;
  issueDate?: string;
  expiryDate?: string;
  sex?: string;
  signature?: string;
  issuePlace?: string;
  issuingAuthority?: string;
}

export interface PassportResult {
  provider: ProviderName;
  /** Our id for this request (also in the access log and the X-Request-Id header). */
  requestId: string;
  /** Tencent's RequestId, null for the offline engine. */
  upstreamRequestId: string | null;
  document: DocumentFields;
  visualZone: VisualZone | null;
  /** Per-field confidence 0..1 where the provider gives it, keyed like `document`. */
  confidence: Partial<Record<keyof DocumentFields | "mrz", number>>;
  mrz: MrzReport | null;
  /** Corners of the MRZ band in image pixels (top-left, top-right, bottom-right, bottom-left), when located. */
  mrzBand: Quad | null;
  /** Size of the image the coordinates refer to. */
  image: { width: number; height: number } | null;
  warnings: Warning[];
  /** The cropped identity photo, when asked for and available. */
  portrait: { mediaType: "image/jpeg" | "image/png"; base64: string } | null;
}
