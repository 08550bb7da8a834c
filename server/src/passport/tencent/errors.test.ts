import { ERROR_CATALOGUE } from "contract/error-catalogue";
import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { mapTencentError, TENCENT_ERRORS, tencentError, transportError } from "./errors";

/** What a person gets for a Tencent code: our code, with its status and retake flag from the catalogue. */
function classOf(code: string) {
  const mapping = mapTencentError(code);
  const { status, retake } = ERROR_CATALOGUE[mapping.code];
  return { status, code: mapping.code, retake, transient: mapping.transient };
}

/** Every code listed in /work/shared/notes/tencent-mlidpassportocr.md, with the class we expect. */
const documented: Array<[code: string, status: number, ourCode: string, retake: boolean, transient: boolean]> = [
  ["FailedOperation.DownLoadError", 502, "upstream_image_download_failed", false, false],
  ["FailedOperation.FieldException", 422, "passport_fields_unreadable", true, false],
  ["FailedOperation.ImageDecodeFailed", 422, "image_decode_failed", true, false],
  ["FailedOperation.InconsistencyBetweenMRZAndVRZ", 422, "mrz_visual_inconsistent", true, false],
  ["FailedOperation.NoPassport", 422, "no_passport", true, false],
  ["FailedOperation.OcrFailed", 422, "ocr_failed", true, false],
  ["FailedOperation.UnKnowError", 502, "upstream_unknown_error", false, false],
  ["FailedOperation.UnOpenError", 503, "upstream_not_enabled", false, false],
  ["FailedOperation.WarningServiceFailed", 502, "upstream_warning_service_failed", false, false],
  ["InvalidParameterValue.InvalidParameterValueLimit", 422, "image_rejected", true, false],
  ["LimitExceeded.TooLargeFileError", 413, "image_too_large", true, false],
  ["ResourceUnavailable.InArrears", 503, "upstream_account_in_arrears", false, false],
  ["ResourceUnavailable.ResourcePackageRunOut", 503, "upstream_quota_exhausted", false, false],
  ["ResourcesSoldOut.ChargeStatusException", 503, "upstream_billing_error", false, false],
  ["AuthFailure.SignatureExpire", 503, "upstream_clock_skew", false, false],
  ["AuthFailure.SignatureFailure", 503, "upstream_auth_failed", false, false],
  ["AuthFailure.SecretIdNotFound", 503, "upstream_auth_failed", false, false],
  ["AuthFailure.InvalidSecretId", 503, "upstream_auth_failed", false, false],
  ["AuthFailure.InvalidAuthorization", 503, "upstream_auth_failed", false, false],
  ["AuthFailure.TokenFailure", 503, "upstream_token_invalid", false, false],
  ["AuthFailure.UnauthorizedOperation", 503, "upstream_unauthorized", false, false],
  ["RequestLimitExceeded", 429, "upstream_rate_limited", false, true],
  ["RequestLimitExceeded.UinLimitExceeded", 429, "upstream_rate_limited", false, true],
  ["RequestLimitExceeded.IPLimitExceeded", 429, "upstream_rate_limited", false, true],
  ["RequestLimitExceeded.GlobalRegionUinLimitExceeded", 429, "upstream_rate_limited", false, true],
  ["RequestSizeLimitExceeded", 413, "image_too_large", true, false],
  ["InternalError", 502, "upstream_internal_error", false, true],
  ["ServiceUnavailable", 503, "upstream_unavailable", false, true],
  ["InvalidParameter", 502, "upstream_rejected_request", false, false],
  ["MissingParameter", 502, "upstream_rejected_request", false, false],
  ["UnknownParameter", 502, "upstream_rejected_request", false, false],
  ["UnsupportedRegion", 503, "upstream_region_unsupported", false, false],
];

describe("Tencent error mapping", () => {
  it("has an explicit row for every documented code and nothing undocumented", () => {
    expect(Object.keys(TENCENT_ERRORS).sort()).toEqual(documented.map(([code]) => code).sort());
  });

  it.each(documented)("%s -> %i %s (retake %s, transient %s)", (code, status, ourCode, retake, transient) => {
    expect(classOf(code)).toEqual({ status, code: ourCode, retake, transient });
  });

  it("only ever retries rate limits, outages and transport failures", () => {
    const transient = documented.filter(([, , , , t]) => t).map(([code]) => code);
    expect(transient).toEqual([
      "RequestLimitExceeded",
      "RequestLimitExceeded.UinLimitExceeded",
      "RequestLimitExceeded.IPLimitExceeded",
      "RequestLimitExceeded.GlobalRegionUinLimitExceeded",
      "InternalError",
      "ServiceUnavailable",
    ]);
    expect(documented.filter(([, , , retake, t]) => retake && t)).toEqual([]);
  });

  it.each([
    ["FailedOperation.SomethingNew", 422, "recognition_failed", true, false],
    ["AuthFailure.MFAFailure", 503, "upstream_auth_failed", false, false],
    ["RequestLimitExceeded.AccountLimitExceeded", 429, "upstream_rate_limited", false, true],
    ["InternalError.DbError", 502, "upstream_internal_error", false, true],
    ["ServiceUnavailable.Maintenance", 503, "upstream_unavailable", false, true],
    ["InvalidParameterValue.ImageSizeTooSmall", 422, "image_rejected", true, false],
    ["InvalidParameter.ImageFormat", 502, "upstream_rejected_request", false, false],
    ["InvalidAction", 502, "upstream_rejected_request", false, false],
    ["NoSuchVersion", 502, "upstream_rejected_request", false, false],
    ["ResourceUnavailable.Frozen", 503, "upstream_account_unavailable", false, false],
    ["LimitExceeded.Quota", 503, "upstream_limit_exceeded", false, false],
    ["UnauthorizedOperation.NoPolicy", 503, "upstream_unauthorized", false, false],
    ["TotallyNew", 502, "upstream_error", false, false],
    ["FailedOperationX", 502, "upstream_error", false, false],
  ])("maps unknown code %s by prefix to %i %s", (code, status, ourCode, retake, transient) => {
    expect(classOf(code)).toEqual({ status, code: ourCode, retake, transient });
  });

  it("builds an AppError with the upstream RequestId and keeps Tencent's message out of ours", () => {
    const secretish = "SecretId AKIDsecret123 is not found";
    const error = tencentError("AuthFailure.SecretIdNotFound", "req-1", secretish);
    expect(error).toBeInstanceOf(AppError);
    expect(error.toBody()).toEqual({
      error: {
        code: "upstream_auth_failed",
        message: ERROR_CATALOGUE.upstream_auth_failed.message,
        retake: false,
        upstreamRequestId: "req-1",
      },
    });
    expect(error.message).not.toContain("AKIDsecret123");
    expect(JSON.stringify(error.toBody())).not.toContain("AKIDsecret123");
    expect(error.transient).toBe(false);
  });

  it("adds Retry-After for rate limits and marks them transient", () => {
    const error = tencentError("RequestLimitExceeded", "req-2");
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(1);
    expect(error.transient).toBe(true);
  });

  it("maps unreadable answers to 502 with clear codes", () => {
    expect(transportError("invalidJson").toBody().error.code).toBe("upstream_invalid_response");
    expect(transportError("wrongShape", { upstreamRequestId: "r" }).toBody()).toMatchObject({
      error: { code: "upstream_unexpected_response", upstreamRequestId: "r" },
    });
    expect(transportError("invalidJson").status).toBe(502);
    expect(transportError("timeout")).toMatchObject({ status: 504, transient: true });
  });
});
