/**
 * Tencent Cloud error codes -> our catalogued errors (contract/error-catalogue.ts gives each its status, retake flag
 * and message). Every code documented for MLIDPassportOCR and every common code has an explicit row; anything else is
 * mapped by its prefix. Our messages speak to the person holding the passport, or say plainly that the operator must
 * act; they never repeat Tencent's own message (it may name credentials).
 */
import type { ErrorCode } from "contract/error-catalogue";
import { AppError } from "../../errors";

export interface TencentErrorMapping {
  /** Our catalogued error. */
  code: ErrorCode;
  /** Worth retrying automatically (rate limits, upstream outages). */
  transient: boolean;
}

const row = (code: ErrorCode, flags: { transient?: boolean } = {}): TencentErrorMapping => ({
  code,
  transient: flags.transient ?? false,
});

const authFailed = row("upstream_auth_failed");
const rateLimited = row("upstream_rate_limited", { transient: true });
const badRequest = row("upstream_rejected_request");
const tooLarge = row("image_too_large");
const unauthorized = row("upstream_unauthorized");
const internalError = row("upstream_internal_error", { transient: true });
const unavailable = row("upstream_unavailable", { transient: true });
const imageRejected = row("image_rejected");
const accountUnavailable = row("upstream_account_unavailable");

/** Explicit rows: every code in the MLIDPassportOCR documentation plus the common codes. */
export const TENCENT_ERRORS: Readonly<Record<string, TencentErrorMapping>> = {
  // This API.
  "FailedOperation.DownLoadError": row("upstream_image_download_failed"),
  "FailedOperation.FieldException": row("passport_fields_unreadable"),
  "FailedOperation.ImageDecodeFailed": row("image_decode_failed"),
  "FailedOperation.InconsistencyBetweenMRZAndVRZ": row("mrz_visual_inconsistent"),
  "FailedOperation.NoPassport": row("no_passport"),
  "FailedOperation.OcrFailed": row("ocr_failed"),
  "FailedOperation.UnKnowError": row("upstream_unknown_error"),
  "FailedOperation.UnOpenError": row("upstream_not_enabled"),
  "FailedOperation.WarningServiceFailed": row("upstream_warning_service_failed"),
  "InvalidParameterValue.InvalidParameterValueLimit": imageRejected,
  "LimitExceeded.TooLargeFileError": tooLarge,
  "ResourceUnavailable.InArrears": row("upstream_account_in_arrears"),
  "ResourceUnavailable.ResourcePackageRunOut": row("upstream_quota_exhausted"),
  "ResourcesSoldOut.ChargeStatusException": row("upstream_billing_error"),

  // Common codes.
  "AuthFailure.SignatureExpire": row("upstream_clock_skew"),
  "AuthFailure.SignatureFailure": authFailed,
  "AuthFailure.SecretIdNotFound": authFailed,
  "AuthFailure.InvalidSecretId": authFailed,
  "AuthFailure.InvalidAuthorization": authFailed,
  "AuthFailure.TokenFailure": row("upstream_token_invalid"),
  "AuthFailure.UnauthorizedOperation": unauthorized,
  RequestLimitExceeded: rateLimited,
  "RequestLimitExceeded.UinLimitExceeded": rateLimited,
  "RequestLimitExceeded.IPLimitExceeded": rateLimited,
  "RequestLimitExceeded.GlobalRegionUinLimitExceeded": rateLimited,
  RequestSizeLimitExceeded: tooLarge,
  InternalError: internalError,
  ServiceUnavailable: unavailable,
  InvalidParameter: badRequest,
  MissingParameter: badRequest,
  UnknownParameter: badRequest,
  UnsupportedRegion: row("upstream_region_unsupported"),
};

/** Fallbacks for codes without a row, longest prefix first. */
const PREFIXES: ReadonlyArray<readonly [string, TencentErrorMapping]> = [
  ["RequestLimitExceeded", rateLimited],
  ["AuthFailure", authFailed],
  ["InternalError", internalError],
  ["ServiceUnavailable", unavailable],
  ["FailedOperation", row("recognition_failed")],
  ["InvalidParameterValue", imageRejected],
  ["InvalidParameter", badRequest],
  ["MissingParameter", badRequest],
  ["UnknownParameter", badRequest],
  ["InvalidAction", badRequest],
  ["NoSuchVersion", badRequest],
  ["UnsupportedOperation", badRequest],
  ["LimitExceeded", row("upstream_limit_exceeded")],
  ["ResourceUnavailable", accountUnavailable],
  ["ResourcesSoldOut", accountUnavailable],
  ["ResourceInsufficient", accountUnavailable],
  ["UnauthorizedOperation", unauthorized],
];

const UNKNOWN = row("upstream_error");

/** The mapping for a Tencent error code: its own row, else its prefix's, else a generic upstream error. */
export function mapTencentError(code: string): TencentErrorMapping {
  const exact = TENCENT_ERRORS[code];
  if (exact) return exact;
  for (const [prefix, mapping] of PREFIXES) {
    if (code === prefix || code.startsWith(`${prefix}.`)) return mapping;
  }
  return UNKNOWN;
}

/** The AppError for an error Tencent answered. Tencent's own message stays in `cause` (for operators), never in ours. */
export function tencentError(
  code: string,
  upstreamRequestId: string | undefined,
  upstreamMessage?: string,
): AppError & { transient: boolean } {
  const mapping = mapTencentError(code);
  const error = new AppError(mapping.code, {
    ...(mapping.code === "upstream_rate_limited" ? { retryAfterSeconds: 1 } : {}),
    ...(upstreamRequestId ? { upstreamRequestId } : {}),
    cause: { upstreamCode: code, upstreamMessage },
  });
  return Object.assign(error, { transient: mapping.transient });
}

/** Failures that are not Tencent error codes: transport problems and answers we cannot read. */
export const TRANSPORT_ERRORS = {
  invalidJson: row("upstream_invalid_response"),
  wrongShape: row("upstream_unexpected_response"),
  httpError: row("upstream_http_error", { transient: true }),
  network: row("upstream_unreachable", { transient: true }),
  timeout: row("upstream_timeout", { transient: true }),
  aborted: row("request_aborted"),
} as const satisfies Record<string, TencentErrorMapping>;

export function transportError(
  kind: keyof typeof TRANSPORT_ERRORS,
  options: { upstreamRequestId?: string; cause?: unknown } = {},
): AppError & { transient: boolean } {
  const mapping = TRANSPORT_ERRORS[kind];
  const error = new AppError(mapping.code, {
    ...(options.upstreamRequestId ? { upstreamRequestId: options.upstreamRequestId } : {}),
    cause: options.cause,
  });
  return Object.assign(error, { transient: mapping.transient });
}
