/**
 * Tencent Cloud error codes -> what we answer. Every code documented for MLIDPassportOCR and every common code has an
 * explicit row; anything else is mapped by its prefix. Messages speak to the person holding the passport, or say plainly
 * that the operator must act; they never repeat Tencent's own message (it may name credentials).
 */
import { AppError, type ErrorStatus } from "../../errors";

export interface TencentErrorMapping {
  status: ErrorStatus;
  /** Our error code, snake_case. */
  code: string;
  message: string;
  /** Taking the photo again is the way forward. */
  retake: boolean;
  /** Worth retrying automatically (rate limits, upstream outages). */
  transient: boolean;
}

const row = (
  status: ErrorStatus,
  code: string,
  message: string,
  flags: { retake?: boolean; transient?: boolean } = {},
): TencentErrorMapping => ({
  status,
  code,
  message,
  retake: flags.retake ?? false,
  transient: flags.transient ?? false,
});

const OPERATOR = "The passport service is not set up correctly; the operator has to fix it. Please try again later.";
const authFailed = row(
  503,
  "upstream_auth_failed",
  `${OPERATOR} (Tencent Cloud rejected the credentials: check TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY.)`,
);
const rateLimited = row(
  429,
  "upstream_rate_limited",
  "The recognition service is busy right now. Please wait a moment and send the photo again.",
  { transient: true },
);
const badRequest = row(
  502,
  "upstream_rejected_request",
  "The recognition service did not accept our request. This is a fault on our side; please try again later.",
);
const tooLarge = row(
  413,
  "image_too_large",
  "The photo is too large for the recognition service. Take it again at a lower resolution or send a JPEG.",
  { retake: true },
);

/** Explicit rows: every code in the MLIDPassportOCR documentation plus the common codes. */
export const TENCENT_ERRORS: Readonly<Record<string, TencentErrorMapping>> = {
  // This API.
  "FailedOperation.DownLoadError": row(
    502,
    "upstream_image_download_failed",
    "The recognition service could not load the image. Please send the photo again.",
  ),
  "FailedOperation.FieldException": row(
    422,
    "passport_fields_unreadable",
    "Some passport fields could not be read. Retake the photo with the whole data page flat, sharp and evenly lit.",
    { retake: true },
  ),
  "FailedOperation.ImageDecodeFailed": row(
    422,
    "image_decode_failed",
    "The photo could not be decoded. Take a new photo and send it as JPEG, PNG or BMP.",
    { retake: true },
  ),
  "FailedOperation.InconsistencyBetweenMRZAndVRZ": row(
    422,
    "mrz_visual_inconsistent",
    "The machine-readable lines and the printed details do not match. Retake the photo with the whole data page sharp and free of glare.",
    { retake: true },
  ),
  "FailedOperation.NoPassport": row(
    422,
    "no_passport",
    "No passport was found in the photo. Photograph the passport's photo page so that it fills most of the frame.",
    { retake: true },
  ),
  "FailedOperation.OcrFailed": row(
    422,
    "ocr_failed",
    "The passport could not be read. Retake the photo in good light, without glare, with the two lines at the bottom sharp.",
    { retake: true },
  ),
  "FailedOperation.UnKnowError": row(
    502,
    "upstream_unknown_error",
    "The recognition service failed for an unknown reason. Please send the photo again in a moment.",
  ),
  "FailedOperation.UnOpenError": row(
    503,
    "upstream_not_enabled",
    `${OPERATOR} (The MLIDPassportOCR service is not activated for this Tencent Cloud account.)`,
  ),
  "FailedOperation.WarningServiceFailed": row(
    502,
    "upstream_warning_service_failed",
    "The recognition service could not run its document checks. Please send the photo again in a moment.",
  ),
  "InvalidParameterValue.InvalidParameterValueLimit": row(
    422,
    "image_rejected",
    "The recognition service rejected this photo. Take a new photo of the passport's photo page (at least 500x800 pixels).",
    { retake: true },
  ),
  "LimitExceeded.TooLargeFileError": tooLarge,
  "ResourceUnavailable.InArrears": row(
    503,
    "upstream_account_in_arrears",
    `${OPERATOR} (The Tencent Cloud account is in arrears.)`,
  ),
  "ResourceUnavailable.ResourcePackageRunOut": row(
    503,
    "upstream_quota_exhausted",
    `${OPERATOR} (The Tencent Cloud OCR resource package is used up.)`,
  ),
  "ResourcesSoldOut.ChargeStatusException": row(
    503,
    "upstream_billing_error",
    `${OPERATOR} (Tencent Cloud reports a billing status problem for this account.)`,
  ),

  // Common codes.
  "AuthFailure.SignatureExpire": row(
    503,
    "upstream_clock_skew",
    `${OPERATOR} (Tencent Cloud says the request signature expired: the server clock is more than 5 minutes off.)`,
  ),
  "AuthFailure.SignatureFailure": authFailed,
  "AuthFailure.SecretIdNotFound": authFailed,
  "AuthFailure.InvalidSecretId": authFailed,
  "AuthFailure.InvalidAuthorization": authFailed,
  "AuthFailure.TokenFailure": row(
    503,
    "upstream_token_invalid",
    `${OPERATOR} (The temporary credential in TENCENTCLOUD_SESSION_TOKEN is invalid or expired.)`,
  ),
  "AuthFailure.UnauthorizedOperation": row(
    503,
    "upstream_unauthorized",
    `${OPERATOR} (These Tencent Cloud credentials may not call MLIDPassportOCR: check the CAM policy.)`,
  ),
  RequestLimitExceeded: rateLimited,
  "RequestLimitExceeded.UinLimitExceeded": rateLimited,
  "RequestLimitExceeded.IPLimitExceeded": rateLimited,
  "RequestLimitExceeded.GlobalRegionUinLimitExceeded": rateLimited,
  RequestSizeLimitExceeded: tooLarge,
  InternalError: row(
    502,
    "upstream_internal_error",
    "The recognition service had an internal error. Please send the photo again in a moment.",
    { transient: true },
  ),
  ServiceUnavailable: row(
    503,
    "upstream_unavailable",
    "The recognition service is unavailable right now. Please try again in a few minutes.",
    { transient: true },
  ),
  InvalidParameter: badRequest,
  MissingParameter: badRequest,
  UnknownParameter: badRequest,
  UnsupportedRegion: row(
    503,
    "upstream_region_unsupported",
    `${OPERATOR} (MLIDPassportOCR is not offered in the configured TENCENTCLOUD_REGION.)`,
  ),
};

/** Fallbacks for codes without a row, longest prefix first. */
const PREFIXES: ReadonlyArray<readonly [string, TencentErrorMapping]> = [
  ["RequestLimitExceeded", rateLimited],
  ["AuthFailure", authFailed],
  ["InternalError", TENCENT_ERRORS.InternalError as TencentErrorMapping],
  ["ServiceUnavailable", TENCENT_ERRORS.ServiceUnavailable as TencentErrorMapping],
  [
    "FailedOperation",
    row(
      422,
      "recognition_failed",
      "The passport could not be recognised. Retake the photo of the photo page in good light, without glare.",
      { retake: true },
    ),
  ],
  ["InvalidParameterValue", TENCENT_ERRORS["InvalidParameterValue.InvalidParameterValueLimit"] as TencentErrorMapping],
  ["InvalidParameter", badRequest],
  ["MissingParameter", badRequest],
  ["UnknownParameter", badRequest],
  ["InvalidAction", badRequest],
  ["NoSuchVersion", badRequest],
  ["UnsupportedOperation", badRequest],
  ["LimitExceeded", row(503, "upstream_limit_exceeded", `${OPERATOR} (A Tencent Cloud account limit was reached.)`)],
  [
    "ResourceUnavailable",
    row(503, "upstream_account_unavailable", `${OPERATOR} (The Tencent Cloud OCR resource is unavailable.)`),
  ],
  [
    "ResourcesSoldOut",
    row(503, "upstream_account_unavailable", `${OPERATOR} (The Tencent Cloud OCR resource is unavailable.)`),
  ],
  [
    "ResourceInsufficient",
    row(503, "upstream_account_unavailable", `${OPERATOR} (The Tencent Cloud OCR resource is unavailable.)`),
  ],
  ["UnauthorizedOperation", TENCENT_ERRORS["AuthFailure.UnauthorizedOperation"] as TencentErrorMapping],
];

const UNKNOWN = row(
  502,
  "upstream_error",
  "The recognition service answered with an error we do not know. Please try again later.",
);

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
  const error = new AppError(mapping.status, mapping.code, mapping.message, {
    retake: mapping.retake,
    ...(mapping.status === 429 ? { retryAfterSeconds: 1 } : {}),
    ...(upstreamRequestId ? { upstreamRequestId } : {}),
    cause: { upstreamCode: code, upstreamMessage },
  });
  return Object.assign(error, { transient: mapping.transient });
}

/** Failures that are not Tencent error codes: transport problems and answers we cannot read. */
export const TRANSPORT_ERRORS = {
  invalidJson: row(
    502,
    "upstream_invalid_response",
    "The recognition service sent an answer that is not valid JSON. Please try again later.",
  ),
  wrongShape: row(
    502,
    "upstream_unexpected_response",
    "The recognition service sent an answer in an unexpected format. Please try again later.",
  ),
  httpError: row(
    502,
    "upstream_http_error",
    "The recognition service could not be reached properly (it answered with an HTTP error). Please try again in a moment.",
    { transient: true },
  ),
  network: row(
    502,
    "upstream_unreachable",
    "The recognition service cannot be reached right now. Please try again in a moment.",
    { transient: true },
  ),
  timeout: row(
    504,
    "upstream_timeout",
    "The recognition service took too long to answer. Please send the photo again.",
    { transient: true },
  ),
  aborted: row(408, "request_aborted", "The request was cancelled before the passport was read."),
} as const satisfies Record<string, TencentErrorMapping>;

export function transportError(
  kind: keyof typeof TRANSPORT_ERRORS,
  options: { upstreamRequestId?: string; cause?: unknown } = {},
): AppError & { transient: boolean } {
  const mapping = TRANSPORT_ERRORS[kind];
  const error = new AppError(mapping.status, mapping.code, mapping.message, {
    retake: mapping.retake,
    ...(options.upstreamRequestId ? { upstreamRequestId: options.upstreamRequestId } : {}),
    cause: options.cause,
  });
  return Object.assign(error, { transient: mapping.transient });
}
