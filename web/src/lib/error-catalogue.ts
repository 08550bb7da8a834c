import {
  CLIENT_ERROR_CATALOGUE,
  type ClientErrorCode,
  ERROR_CATALOGUE,
  type ErrorCode,
  isClientErrorCode,
  isErrorCode,
  type NextStep,
} from "contract/error-catalogue";

/** Every error code the app has words for: the server's catalogue and the codes only the client produces. */
export type KnownErrorCode = ErrorCode | ClientErrorCode;

export function isKnownErrorCode(code: string): code is KnownErrorCode {
  return isErrorCode(code) || isClientErrorCode(code);
}

/** The catalogued next step, or undefined for a code the catalogues do not know (e.g. from a newer server). */
export function knownNextStep(code: string): NextStep | undefined {
  if (isErrorCode(code)) return ERROR_CATALOGUE[code].nextStep;
  if (isClientErrorCode(code)) return CLIENT_ERROR_CATALOGUE[code].nextStep;
  return undefined;
}

const LATER_STATUSES = new Set([0, 408, 429, 502, 503, 504]);

/** The next step for a code; unknown codes go by the server's retake flag, then by HTTP status. */
export function nextStepFor(code: string, status: number | undefined, retake: boolean): NextStep {
  const known = knownNextStep(code);
  if (known) return known;
  if (retake) return "retake";
  if (status !== undefined && LATER_STATUSES.has(status)) return "later";
  if (status !== undefined && status >= 400 && status < 500) return "operator";
  return "later";
}
