import { ERROR_CATALOGUE, ERROR_CODES } from "contract/error-catalogue";
import { describe, expect, it } from "vitest";
import { isKnownErrorCode, knownNextStep, nextStepFor } from "./error-catalogue";

describe("nextStepFor", () => {
  it("follows the catalogue for every code the server can send, whatever the status and flag", () => {
    for (const code of ERROR_CODES) {
      expect(nextStepFor(code, 599, !ERROR_CATALOGUE[code].retake), code).toBe(ERROR_CATALOGUE[code].nextStep);
    }
    expect(nextStepFor("mrz_not_found", 422, false)).toBe("retake");
    expect(nextStepFor("upstream_account_unavailable", 503, false)).toBe("operator");
    expect(nextStepFor("unsupported_media_type", 415, true)).toBe("other-file");
  });

  it("knows the client's own codes", () => {
    expect(nextStepFor("network_error", 0, false)).toBe("later");
    expect(nextStepFor("image_too_small", undefined, false)).toBe("retake");
    expect(nextStepFor("heic_failed", undefined, false)).toBe("other-file");
    expect(nextStepFor("camera_still_failed", undefined, false)).toBe("retake");
  });

  it("falls back by retake flag, then status, for codes it does not know", () => {
    expect(nextStepFor("something_new", 422, true)).toBe("retake");
    expect(nextStepFor("something_new", 503, false)).toBe("later");
    expect(nextStepFor("something_new", 0, false)).toBe("later");
    expect(nextStepFor("something_new", 409, false)).toBe("operator");
    expect(nextStepFor("something_new", 500, false)).toBe("later");
    expect(nextStepFor("something_new", undefined, false)).toBe("later");
  });

  it("treats the codes the server no longer sends as unknown", () => {
    for (const stale of ["image_too_large_base64", "deadline_exceeded", "toString"]) {
      expect(isKnownErrorCode(stale), stale).toBe(false);
      expect(knownNextStep(stale), stale).toBeUndefined();
    }
    expect(nextStepFor("deadline_exceeded", 400, false)).toBe("operator");
  });
});
