import { MAX_BASE64_CHARS, megabytes } from "./image-limits";

/** The HTTP statuses the API answers errors with. */
export const ERROR_STATUSES = [400, 401, 403, 404, 408, 409, 410, 413, 415, 422, 429, 500, 502, 503, 504] as const;
export type ErrorStatus = (typeof ERROR_STATUSES)[number];

/**
 * What the person should do next: take the photo again, try again later (the only step the client retries by
 * itself), ask the service's operator, or choose another file.
 */
export type NextStep = "retake" | "later" | "operator" | "other-file";

/** One entry of the catalogue: how the API answers it and what a person should do next. */
export interface ErrorEntry {
  status: ErrorStatus;
  /** Sent as `retake` in the error body: taking the photo again is the way forward. */
  retake: boolean;
  nextStep: NextStep;
  /** The default plain-English message of the API response; a call site may replace it to name specifics. */
  message: string;
  /**
   * The code and message describe the operator's setup (credentials, account, billing, configuration): they go to the
   * log and the operator's view, and every other caller gets `service_unavailable` instead. The web bundle holds the
   * catalogue, so no message names a configuration variable.
   */
  operatorOnly?: true;
}

const OPERATOR = "The passport service is not set up correctly; the operator has to fix it. Please try again later.";

/**
 * The one catalogue of errors the server can send, as `{ error: { code, message, retake } }` with `status`. Codes
 * are stable snake_case identifiers: the web app maps them to words (and translations). Add codes, never rename or
 * reuse one.
 */
export const ERROR_CATALOGUE = {
  // --- The request and the image ---
  payload_too_large: {
    status: 413,
    retake: true,
    nextStep: "retake",
    message: `The upload is larger than the ${megabytes(MAX_BASE64_CHARS)} limit. Compress or resize the photo and try again.`,
  },
  unsupported_content_type: {
    status: 415,
    retake: false,
    nextStep: "operator",
    message: 'Send the image as multipart/form-data (field \'image\') or as JSON { "imageBase64": "..." }.',
  },
  malformed_multipart: {
    status: 400,
    retake: false,
    nextStep: "retake",
    message: "The upload could not be read. Please send the photo again.",
  },
  image_missing: {
    status: 400,
    retake: false,
    nextStep: "retake",
    message: "No image was attached: send the photo in the form field 'image'.",
  },
  malformed_json: {
    status: 400,
    retake: false,
    nextStep: "operator",
    message: "The request body is not valid JSON.",
  },
  invalid_body: {
    status: 400,
    retake: false,
    nextStep: "operator",
    message: "The request body is not what was expected.",
  },
  invalid_base64: {
    status: 400,
    retake: false,
    nextStep: "operator",
    message: "imageBase64 is not valid base64.",
  },
  image_empty: {
    status: 400,
    retake: true,
    nextStep: "retake",
    message: "The image is empty (0 bytes).",
  },
  image_too_large: {
    status: 413,
    retake: true,
    nextStep: "retake",
    message: "The photo is too large for the recognition service. Take it again at a lower resolution or send a JPEG.",
  },
  image_too_large_pixels: {
    status: 413,
    retake: true,
    nextStep: "retake",
    message: "The image has too many pixels. Send a smaller photo.",
  },
  unsupported_media_type: {
    status: 415,
    retake: true,
    nextStep: "other-file",
    message: "This is not a PNG, JPEG or BMP image. Send a PNG, JPEG or BMP photo of the passport.",
  },
  image_undecodable: {
    status: 422,
    retake: true,
    nextStep: "other-file",
    message: "The image could not be decoded. Send a PNG, JPEG or BMP photo.",
  },
  origin_not_allowed: {
    status: 403,
    retake: false,
    nextStep: "operator",
    message: "Requests from this website are not allowed.",
  },
  not_found: {
    status: 404,
    retake: false,
    nextStep: "operator",
    message: "There is no such API endpoint.",
  },
  host_not_allowed: {
    status: 400,
    retake: false,
    nextStep: "operator",
    message: "This server does not answer to that host name.",
  },
  request_timeout: {
    status: 408,
    retake: false,
    nextStep: "later",
    message: "The upload took too long to arrive. Check the connection and send the photo again.",
  },
  image_too_small_for_provider: {
    status: 422,
    retake: true,
    nextStep: "retake",
    message:
      "The photo is too small to read the passport: it needs at least 800 x 500 pixels. Take it again closer or at a higher resolution.",
  },

  // --- Reading the passport (offline engine) ---
  mrz_not_found: {
    status: 422,
    retake: true,
    nextStep: "retake",
    message:
      "No machine readable zone (the two lines of <<< at the bottom of the photo page) was found. Hold the passport page flat, closer, fully in the frame.",
  },
  mrz_unreadable: {
    status: 422,
    retake: true,
    nextStep: "retake",
    message:
      "The machine readable zone was found but could not be read consistently. Retake closer, hold still, and avoid glare on the two lines of <<<.",
  },

  // --- Verification sessions: the integrator API (/api/v1) and the customer's link ---
  unauthorized: {
    status: 401,
    retake: false,
    nextStep: "operator",
    message: "Send your API key as Authorization: Bearer pk_...",
  },
  invalid_request: {
    status: 400,
    retake: false,
    nextStep: "operator",
    message: "The request is not valid.",
  },
  session_required: {
    status: 401,
    retake: false,
    nextStep: "operator",
    message: "Open your verification link to take the photo.",
  },
  session_token_missing: {
    status: 401,
    retake: false,
    nextStep: "operator",
    message: "Send the session's token in X-Session-Token.",
  },
  session_not_found: {
    status: 404,
    retake: false,
    nextStep: "operator",
    message: "This verification link is not valid. Ask for a new link.",
  },
  session_expired: {
    status: 410,
    retake: false,
    nextStep: "operator",
    message: "This verification link has expired. Ask for a new link.",
  },
  session_erased: {
    status: 410,
    retake: false,
    nextStep: "operator",
    message: "This verification has been closed and its data erased.",
  },
  session_already_submitted: {
    status: 409,
    retake: false,
    nextStep: "operator",
    message: "This verification has been submitted already.",
  },
  session_read_limit: {
    status: 429,
    retake: false,
    nextStep: "operator",
    message: "This verification has used all the photo reads it allows. Ask for a new link.",
  },
  capture_not_found: {
    status: 404,
    retake: true,
    nextStep: "retake",
    message: "That photo is not part of this verification. Take it again.",
  },
  image_not_found: {
    status: 404,
    retake: false,
    nextStep: "operator",
    message: "This session has no submitted photo, or it was erased.",
  },

  // --- The operator's document policy, checked when the customer submits (contract/src/document-policy.ts) ---
  document_expired: {
    status: 422,
    retake: false,
    nextStep: "operator",
    message: "This passport has expired, and this service accepts only valid passports.",
  },
  holder_under_age: {
    status: 422,
    retake: false,
    nextStep: "operator",
    message: "The passport holder is younger than this service allows.",
  },
  nationality_not_accepted: {
    status: 422,
    retake: false,
    nextStep: "operator",
    message: "This service does not accept passports of this nationality.",
  },
  retake_required: {
    status: 422,
    retake: true,
    nextStep: "retake",
    message: "This photo has a problem the service does not accept: take the photo again.",
  },

  // --- The desk: agents' sign-in and reviews ---
  not_signed_in: {
    status: 401,
    retake: false,
    nextStep: "operator",
    message: "Sign in to use the desk.",
  },
  sign_in_failed: {
    status: 401,
    retake: false,
    nextStep: "operator",
    message: "The email or password is wrong.",
  },
  sign_in_locked: {
    status: 429,
    retake: false,
    nextStep: "later",
    message: "Too many wrong passwords for this account: it is locked for a while.",
  },
  sign_in_rate_limited: {
    status: 429,
    retake: false,
    nextStep: "later",
    message: "Too many failed sign-ins from this address. Try again later.",
  },
  csrf_failed: {
    status: 403,
    retake: false,
    nextStep: "operator",
    message: "The request did not carry this page's security token. Reload the page and try again.",
  },
  password_change_required: {
    status: 403,
    retake: false,
    nextStep: "operator",
    message: "Choose a new password before using the desk.",
  },
  password_rejected: {
    status: 400,
    retake: false,
    nextStep: "operator",
    message: "The new password is not acceptable.",
  },
  role_required: {
    status: 403,
    retake: false,
    nextStep: "operator",
    message: "Only a supervisor can do this.",
  },
  claim_required: {
    status: 409,
    retake: false,
    nextStep: "operator",
    message: "Claim this session before changing its review.",
  },
  review_conflict: {
    status: 409,
    retake: false,
    nextStep: "operator",
    message: "Someone else changed this review meanwhile. Reload it and try again.",
  },
  approval_blocked: {
    status: 409,
    retake: false,
    nextStep: "operator",
    message: "Acknowledge every critical warning, with a reason, before approving.",
  },
  second_reviewer_required: {
    status: 409,
    retake: false,
    nextStep: "operator",
    message: "A second reviewer, not you, has to approve this session.",
  },
  session_not_reviewable: {
    status: 409,
    retake: false,
    nextStep: "operator",
    message: "This session is not waiting for a review.",
  },
  agent_not_found: {
    status: 404,
    retake: false,
    nextStep: "operator",
    message: "There is no such agent.",
  },

  // --- Capacity and availability ---
  rate_limited: {
    status: 429,
    retake: false,
    nextStep: "later",
    message: "Too many attempts. Please wait a moment and try again.",
  },
  server_busy: {
    status: 503,
    retake: false,
    nextStep: "later",
    message: "The service is busy right now. Please try again in a moment.",
  },
  request_aborted: {
    status: 408,
    retake: false,
    nextStep: "later",
    message: "The request was cancelled before the passport was read.",
  },
  engine_busy: {
    status: 503,
    retake: false,
    nextStep: "later",
    message: "The offline engine is busy. Please try again in a moment.",
  },
  engine_unavailable: {
    status: 503,
    retake: false,
    nextStep: "operator",
    message: "The offline engine is shutting down.",
    operatorOnly: true,
  },
  engine_crashed: {
    status: 500,
    retake: false,
    nextStep: "later",
    message: "The offline engine failed on this photo. Please try again.",
  },
  engine_timeout: {
    status: 504,
    retake: true,
    nextStep: "retake",
    message: "The offline engine took too long on this photo. Please try again.",
  },
  provider_not_configured: {
    status: 503,
    retake: false,
    nextStep: "operator",
    message: "The passport service is not set up: Tencent Cloud credentials are missing. The operator has to set them.",
    operatorOnly: true,
  },
  budget_exhausted: {
    status: 503,
    retake: false,
    nextStep: "later",
    message: "The passport service has reached its limit of reads for now. Please try again later.",
  },
  upstream_circuit_open: {
    status: 503,
    retake: false,
    nextStep: "later",
    message: "The recognition service is failing right now, so calls to it are paused. Please try again in a minute.",
  },
  service_unavailable: {
    status: 503,
    retake: false,
    nextStep: "operator",
    message: "The passport service is unavailable right now. Please try again later.",
  },
  internal_error: {
    status: 500,
    retake: false,
    nextStep: "later",
    message: "Something went wrong on our side. Please try again.",
  },

  // --- Tencent Cloud MLIDPassportOCR: its error codes as server/src/passport/tencent/errors.ts maps them ---
  upstream_image_download_failed: {
    status: 502,
    retake: false,
    nextStep: "retake",
    message: "The recognition service could not load the image. Please send the photo again.",
  },
  passport_fields_unreadable: {
    status: 422,
    retake: true,
    nextStep: "retake",
    message:
      "Some passport fields could not be read. Retake the photo with the whole data page flat, sharp and evenly lit.",
  },
  image_decode_failed: {
    status: 422,
    retake: true,
    nextStep: "other-file",
    message: "The photo could not be decoded. Take a new photo and send it as JPEG, PNG or BMP.",
  },
  mrz_visual_inconsistent: {
    status: 422,
    retake: true,
    nextStep: "retake",
    message:
      "The machine-readable lines and the printed details do not match. Retake the photo with the whole data page sharp and free of glare.",
  },
  no_passport: {
    status: 422,
    retake: true,
    nextStep: "retake",
    message:
      "No passport was found in the photo. Photograph the passport's photo page so that it fills most of the frame.",
  },
  ocr_failed: {
    status: 422,
    retake: true,
    nextStep: "retake",
    message:
      "The passport could not be read. Retake the photo in good light, without glare, with the two lines at the bottom sharp.",
  },
  recognition_failed: {
    status: 422,
    retake: true,
    nextStep: "retake",
    message: "The passport could not be recognised. Retake the photo of the photo page in good light, without glare.",
  },
  image_rejected: {
    status: 422,
    retake: true,
    nextStep: "retake",
    message:
      "The recognition service rejected this photo. Take a new photo of the passport's photo page (at least 500x800 pixels).",
  },
  upstream_warning_service_failed: {
    status: 502,
    retake: false,
    nextStep: "retake",
    message: "The recognition service could not run its document checks. Please send the photo again in a moment.",
  },
  upstream_unknown_error: {
    status: 502,
    retake: false,
    nextStep: "later",
    message: "The recognition service failed for an unknown reason. Please send the photo again in a moment.",
  },
  upstream_internal_error: {
    status: 502,
    retake: false,
    nextStep: "later",
    message: "The recognition service had an internal error. Please send the photo again in a moment.",
  },
  upstream_unavailable: {
    status: 503,
    retake: false,
    nextStep: "later",
    message: "The recognition service is unavailable right now. Please try again in a few minutes.",
  },
  upstream_rate_limited: {
    status: 429,
    retake: false,
    nextStep: "later",
    message: "The recognition service is busy right now. Please wait a moment and send the photo again.",
  },
  upstream_error: {
    status: 502,
    retake: false,
    nextStep: "later",
    message: "The recognition service answered with an error we do not know. Please try again later.",
  },
  upstream_invalid_response: {
    status: 502,
    retake: false,
    nextStep: "later",
    message: "The recognition service sent an answer that is not valid JSON. Please try again later.",
  },
  upstream_unexpected_response: {
    status: 502,
    retake: false,
    nextStep: "later",
    message: "The recognition service sent an answer in an unexpected format. Please try again later.",
  },
  upstream_http_error: {
    status: 502,
    retake: false,
    nextStep: "later",
    message:
      "The recognition service could not be reached properly (it answered with an HTTP error). Please try again in a moment.",
  },
  upstream_unreachable: {
    status: 502,
    retake: false,
    nextStep: "later",
    message: "The recognition service cannot be reached right now. Please try again in a moment.",
  },
  upstream_timeout: {
    status: 504,
    retake: false,
    nextStep: "later",
    message: "The recognition service took too long to answer. Please send the photo again.",
  },
  upstream_rejected_request: {
    status: 502,
    retake: false,
    nextStep: "operator",
    message: "The recognition service did not accept our request. This is a fault on our side; please try again later.",
    operatorOnly: true,
  },
  upstream_auth_failed: {
    status: 503,
    retake: false,
    nextStep: "operator",
    message: `${OPERATOR} (Tencent Cloud rejected the credentials: check the SecretId and SecretKey the server is given.)`,
    operatorOnly: true,
  },
  upstream_token_invalid: {
    status: 503,
    retake: false,
    nextStep: "operator",
    message: `${OPERATOR} (The temporary session token the server is given is invalid or expired.)`,
    operatorOnly: true,
  },
  upstream_unauthorized: {
    status: 503,
    retake: false,
    nextStep: "operator",
    message: `${OPERATOR} (These Tencent Cloud credentials may not call MLIDPassportOCR: check the CAM policy.)`,
    operatorOnly: true,
  },
  upstream_clock_skew: {
    status: 503,
    retake: false,
    nextStep: "operator",
    message: `${OPERATOR} (Tencent Cloud says the request signature expired: the server clock is more than 5 minutes off.)`,
    operatorOnly: true,
  },
  upstream_not_enabled: {
    status: 503,
    retake: false,
    nextStep: "operator",
    message: `${OPERATOR} (The MLIDPassportOCR service is not activated for this Tencent Cloud account.)`,
    operatorOnly: true,
  },
  upstream_region_unsupported: {
    status: 503,
    retake: false,
    nextStep: "operator",
    message: `${OPERATOR} (MLIDPassportOCR is not offered in the configured region.)`,
    operatorOnly: true,
  },
  upstream_account_in_arrears: {
    status: 503,
    retake: false,
    nextStep: "operator",
    message: `${OPERATOR} (The Tencent Cloud account is in arrears.)`,
    operatorOnly: true,
  },
  upstream_quota_exhausted: {
    status: 503,
    retake: false,
    nextStep: "operator",
    message: `${OPERATOR} (The Tencent Cloud OCR resource package is used up.)`,
    operatorOnly: true,
  },
  upstream_billing_error: {
    status: 503,
    retake: false,
    nextStep: "operator",
    message: `${OPERATOR} (Tencent Cloud reports a billing status problem for this account.)`,
    operatorOnly: true,
  },
  upstream_limit_exceeded: {
    status: 503,
    retake: false,
    nextStep: "operator",
    message: `${OPERATOR} (A Tencent Cloud account limit was reached.)`,
    operatorOnly: true,
  },
  upstream_account_unavailable: {
    status: 503,
    retake: false,
    nextStep: "operator",
    message: `${OPERATOR} (The Tencent Cloud OCR resource is unavailable.)`,
    operatorOnly: true,
  },
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Every code the server can send, in catalogue order. */
export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CATALOGUE, code);
}

/** Whether a code describes the operator's setup and is answered to everyone else as `service_unavailable`. */
export function isOperatorOnly(code: ErrorCode): boolean {
  return (ERROR_CATALOGUE[code] as ErrorEntry).operatorOnly === true;
}

/**
 * Errors only the client produces (it never sends them and the server never answers them): a failed connection,
 * and the checks and conversions the browser does before sending a photo.
 */
export const CLIENT_ERROR_CATALOGUE = {
  network_error: { nextStep: "later" },
  image_too_small: { nextStep: "retake" },
  image_unreadable: { nextStep: "other-file" },
  heic_failed: { nextStep: "other-file" },
  camera_still_failed: { nextStep: "retake" },
} as const satisfies Record<string, { nextStep: NextStep }>;

export type ClientErrorCode = keyof typeof CLIENT_ERROR_CATALOGUE;

export const CLIENT_ERROR_CODES = Object.keys(CLIENT_ERROR_CATALOGUE) as ClientErrorCode[];

export function isClientErrorCode(code: string): code is ClientErrorCode {
  return Object.hasOwn(CLIENT_ERROR_CATALOGUE, code);
}
