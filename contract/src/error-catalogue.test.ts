import { describe, expect, it } from "vitest";
import {
  CLIENT_ERROR_CODES,
  ERROR_CATALOGUE,
  ERROR_CODES,
  ERROR_STATUSES,
  isClientErrorCode,
  isErrorCode,
} from "./error-catalogue";

const RETRYABLE_STATUSES: readonly number[] = [408, 429, 500, 502, 503, 504];

describe("ERROR_CATALOGUE", () => {
  it("has stable snake_case codes, each answered with an error status and a sentence a person can act on", () => {
    expect(ERROR_CODES.length).toBeGreaterThan(50);
    for (const code of ERROR_CODES) {
      expect(code).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      const entry = ERROR_CATALOGUE[code];
      expect(ERROR_STATUSES, code).toContain(entry.status);
      expect(entry.status >= 400 && entry.status < 600, code).toBe(true);
      expect(entry.message.length, code).toBeGreaterThan(25);
      expect(entry.message, code).toMatch(/[.)]$/);
    }
  });

  it("never asks for a retake without pointing at a new photo or file", () => {
    const retakeElsewhere = ERROR_CODES.filter(
      (code) => ERROR_CATALOGUE[code].retake && !["retake", "other-file"].includes(ERROR_CATALOGUE[code].nextStep),
    );
    expect(retakeElsewhere).toEqual([]);
  });

  it("sends a person to try later only for failures that may pass by themselves", () => {
    for (const code of ERROR_CODES.filter((c) => ERROR_CATALOGUE[c].nextStep === "later")) {
      expect(RETRYABLE_STATUSES, code).toContain(ERROR_CATALOGUE[code].status);
      expect(ERROR_CATALOGUE[code].retake, code).toBe(false);
    }
  });

  it("leaves the request's own faults to the operator, never to waiting", () => {
    expect(ERROR_CATALOGUE.invalid_body).toMatchObject({ status: 400, nextStep: "operator" });
    expect(ERROR_CATALOGUE.upstream_auth_failed).toMatchObject({ status: 503, retake: false, nextStep: "operator" });
    expect(ERROR_CATALOGUE.mrz_not_found).toMatchObject({ status: 422, retake: true, nextStep: "retake" });
    expect(ERROR_CATALOGUE.unsupported_media_type).toMatchObject({ status: 415, retake: true, nextStep: "other-file" });
  });

  it("names the upload limit in the payload message", () => {
    expect(ERROR_CATALOGUE.payload_too_large.message).toContain("7.0 MB");
  });
});

describe("error code guards", () => {
  it("tell server codes, client codes and anything else apart", () => {
    expect(isErrorCode("mrz_not_found")).toBe(true);
    expect(isErrorCode("network_error")).toBe(false);
    expect(isClientErrorCode("network_error")).toBe(true);
    expect(isClientErrorCode("mrz_not_found")).toBe(false);
    for (const stale of ["image_too_large_base64", "deadline_exceeded", "toString", "constructor"]) {
      expect(isErrorCode(stale), stale).toBe(false);
      expect(isClientErrorCode(stale), stale).toBe(false);
    }
  });

  it("keeps the client's codes apart from the server's", () => {
    expect(CLIENT_ERROR_CODES.filter((code) => isErrorCode(code))).toEqual([]);
  });
});
