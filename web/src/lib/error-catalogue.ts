/** What the person should do next. Every error maps to exactly one. */
export type NextStep = "retake" | "later" | "operator" | "other-file";

/**
 * Every error code the app can meet — the server's own, the upstream (Tencent) codes as the server maps them
 * (server/src/passport/tencent/errors.ts), the offline engine's, and the client's — with the next step.
 * "later" codes are the only ones the sender retries. Unknown codes fall back in nextStepFor().
 */
export const ERROR_NEXT_STEP: Readonly<Record<string, NextStep>> = {
  // The request or the image.
  image_missing: "retake",
  image_empty: "retake",
  image_too_large: "retake",
  image_too_large_base64: "retake",
  image_too_large_pixels: "retake",
  payload_too_large: "retake",
  unsupported_media_type: "other-file",
  image_undecodable: "other-file",
  image_decode_failed: "other-file",
  image_rejected: "retake",
  malformed_multipart: "retake",
  unsupported_content_type: "operator",
  invalid_base64: "operator",
  invalid_body: "operator",
  malformed_json: "operator",
  origin_not_allowed: "operator",
  not_found: "operator",
  // Reading the passport.
  mrz_not_found: "retake",
  mrz_unreadable: "retake",
  mrz_too_small: "retake",
  mrz_visual_inconsistent: "retake",
  no_passport: "retake",
  ocr_failed: "retake",
  passport_fields_unreadable: "retake",
  recognition_failed: "retake",
  // Capacity and availability.
  rate_limited: "later",
  engine_busy: "later",
  engine_unavailable: "operator",
  engine_crashed: "later",
  engine_timeout: "retake",
  server_busy: "later",
  request_aborted: "later",
  deadline_exceeded: "later",
  provider_not_configured: "operator",
  internal_error: "later",
  network_error: "later",
  // Upstream (Tencent).
  upstream_timeout: "later",
  upstream_unreachable: "later",
  upstream_unavailable: "later",
  upstream_internal_error: "later",
  upstream_rate_limited: "later",
  upstream_error: "later",
  upstream_unknown_error: "later",
  upstream_http_error: "later",
  upstream_invalid_response: "later",
  upstream_unexpected_response: "later",
  upstream_image_download_failed: "retake",
  upstream_warning_service_failed: "retake",
  upstream_rejected_request: "operator",
  upstream_auth_failed: "operator",
  upstream_token_invalid: "operator",
  upstream_unauthorized: "operator",
  upstream_clock_skew: "operator",
  upstream_not_enabled: "operator",
  upstream_region_unsupported: "operator",
  upstream_account_in_arrears: "operator",
  upstream_account_unavailable: "operator",
  upstream_quota_exhausted: "operator",
  upstream_billing_error: "operator",
  upstream_limit_exceeded: "operator",
  // The app's own checks before sending.
  image_too_small: "retake",
  image_unreadable: "other-file",
  heic_failed: "other-file",
  camera_still_failed: "retake",
};

const LATER_STATUSES = new Set([0, 408, 429, 502, 503, 504]);

/** The next step for a code; unknown codes go by the server's retake flag, then by HTTP status. */
export function nextStepFor(code: string, status: number | undefined, retake: boolean): NextStep {
  const known = ERROR_NEXT_STEP[code];
  if (known) return known;
  if (retake) return "retake";
  if (status !== undefined && LATER_STATUSES.has(status)) return "later";
  if (status !== undefined && status >= 400 && status < 500) return "operator";
  return "later";
}
