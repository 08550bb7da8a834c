import { describe, expect, it } from "vitest";
import { ApiError, parseRetryAfter, unwrap } from "./api-error";

describe("unwrap", () => {
  it("returns the JSON body of an OK response", async () => {
    await expect(unwrap(new Response(JSON.stringify({ a: 1 }), { status: 200 }))).resolves.toEqual({ a: 1 });
  });

  it("turns an error body into one ApiError with code, retake and Retry-After", async () => {
    const response = new Response(
      JSON.stringify({ error: { code: "rate_limited", message: "Slow down", retake: false } }),
      {
        status: 429,
        headers: { "Retry-After": "7" },
      },
    );
    const error = await unwrap(response).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 429,
      code: "rate_limited",
      message: "Slow down",
      retake: false,
      retryAfterSeconds: 7,
    });
  });

  it("names a non-JSON failure by its status", async () => {
    const error = await unwrap(
      new Response("<html>bad gateway</html>", { status: 502, statusText: "Bad Gateway" }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 502,
      code: "http_502",
      message: "Bad Gateway",
      retryAfterSeconds: undefined,
    });
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("30", now)).toBe(30);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:12 GMT", now)).toBe(12);
    expect(parseRetryAfter("Wed, 31 Dec 2025 23:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});
