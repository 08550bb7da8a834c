import { describe, expect, it } from "vitest";
import {
  CLIENT_ERROR_CODES,
  ERROR_CATALOGUE,
  ERROR_CODES,
  ERROR_STATUSES,
  isClientErrorCode,
  isErrorCode,
  isOperatorOnly,
} from "./error-catalogue";

const RETRYABLE_STATUSES: readonly number[] = [408, 429, 500, 502, 503, 504];

describe("ERROR_CATALOGUE", () => {
  it("answers every code with an error status and a sentence a person can act on", () => {
    for (const [code, { status, message }] of Object.entries(ERROR_CATALOGUE)) {
      expect([ERROR_STATUSES.includes(status), status >= 400 && status < 600], code).toEqual([true, true]);
      expect(message, code).toMatch(/^\S.{20,}[.)]$/);
    }
  });

  it("has stable snake_case codes, the server's and the client's apart", () => {
    const codes = [...ERROR_CODES, ...CLIENT_ERROR_CODES];
    expect(codes.filter((code) => !/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(code))).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
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

  it("keeps the operator's setup to the operator: every server fault they must fix is operator-only", () => {
    const operatorFaults = ERROR_CODES.filter(
      (code) => ERROR_CATALOGUE[code].status >= 500 && ERROR_CATALOGUE[code].nextStep === "operator",
    );
    expect(operatorFaults.filter((code) => !isOperatorOnly(code))).toEqual(["service_unavailable"]);
    expect(ERROR_CODES.filter((code) => isOperatorOnly(code) && ERROR_CATALOGUE[code].status < 500)).toEqual([]);
    expect(ERROR_CATALOGUE.service_unavailable.message).not.toMatch(/TENCENTCLOUD|Tencent|account|credential/i);
    // The web bundle ships the catalogue: no message may name the server's configuration (e2e security-secrets).
    expect(ERROR_CODES.filter((code) => /TENCENTCLOUD_/.test(ERROR_CATALOGUE[code].message))).toEqual([]);
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
});
