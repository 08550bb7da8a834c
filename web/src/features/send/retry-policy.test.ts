import { describe, expect, it } from "vitest";
import { ApiError } from "../../lib/api-error";
import { MAX_RETRIES, retryDelay, shouldRetry } from "./retry-policy";

const api = (status: number, code: string, retryAfter?: number) => new ApiError(status, code, code, false, retryAfter);

describe("shouldRetry", () => {
  it("retries transient failures up to the bound", () => {
    for (const e of [
      api(0, "network_error"),
      api(503, "engine_busy"),
      api(502, "upstream_unavailable"),
      api(504, "upstream_timeout"),
    ]) {
      expect(shouldRetry(1, e)).toBe(true);
      expect(shouldRetry(MAX_RETRIES, e)).toBe(true);
      expect(shouldRetry(MAX_RETRIES + 1, e)).toBe(false);
    }
    expect(shouldRetry(1, api(429, "rate_limited", 2))).toBe(true);
  });

  it("never retries 4xx answers, cancels, unknown errors or long Retry-After", () => {
    for (const e of [
      api(400, "mrz_not_found"),
      api(413, "payload_too_large"),
      api(415, "unsupported_media_type"),
      api(422, "mrz_unreadable"),
    ]) {
      expect(shouldRetry(1, e)).toBe(false);
    }
    expect(shouldRetry(1, api(500, "internal_error"))).toBe(false);
    expect(shouldRetry(1, api(503, "upstream_account_unavailable"))).toBe(false);
    expect(shouldRetry(1, api(503, "engine_unavailable"))).toBe(false);
    expect(shouldRetry(1, new DOMException("Cancelled", "AbortError"))).toBe(false);
    expect(shouldRetry(1, new Error("boom"))).toBe(false);
    expect(shouldRetry(1, api(429, "rate_limited", 120))).toBe(false);
  });
});

describe("retryDelay", () => {
  it("honours Retry-After", () => {
    expect(retryDelay(1, api(503, "engine_busy", 4))).toBe(4000);
  });
  it("backs off exponentially with bounded jitter", () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4].map((n) => retryDelay(n, api(0, "network_error"), mid))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelay(1, api(0, "network_error"), () => 0)).toBe(750);
    expect(retryDelay(1, api(0, "network_error"), () => 1)).toBe(1250);
    expect(retryDelay(10, api(0, "network_error"), mid)).toBe(30_000);
  });
});
