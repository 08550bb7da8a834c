import { describe, expect, it } from "vitest";
import { tinyPng } from "../../../test/tiny-png";
import { useFakeTencent } from "../../../test/use-fake-tencent";
import { AppError } from "../../errors";
import { backoffDelay, createTencentClient, interpretAnswer, type TencentClientConfig } from "./client";

const SECRET_ID = "AKIDclientTest";
const SECRET_KEY = "client-test-key-q8z3";
const TOKEN_ID = "AKIDtemporaryClient";
const TOKEN = "sts-session-token-xyz";
const image = tinyPng();

const fake = useFakeTencent({
  secrets: { [SECRET_ID]: SECRET_KEY, [TOKEN_ID]: SECRET_KEY },
  sessionTokens: { [TOKEN_ID]: TOKEN },
});

function client(overrides: Partial<TencentClientConfig> = {}) {
  return createTencentClient({
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    endpoint: fake().url,
    timeoutMs: 2_000,
    backoffBaseMs: 10,
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("Tencent client against the fake upstream over HTTP", () => {
  it("signs a request the fake verifies independently and returns the Response", async () => {
    const result = await client({ region: "ap-singapore" }).mlidPassportOcr({ image, retImage: true });
    expect(result.attempts).toBe(1);
    expect(result.response.ID).toBe("L898902C3");
    expect(String(result.response.Image)).toMatch(/^iVBORw0KGgo/);
    const [request] = fake().requests();
    expect(request).toMatchObject({
      action: "MLIDPassportOCR",
      version: "2018-11-19",
      region: "ap-singapore",
      token: null,
      signatureOk: true,
      signedHeaders: "content-type;host",
      retImage: true,
    });
    expect(request?.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(request?.headers["x-tc-language"]).toBe("en-US");
    expect(result.upstreamRequestId).toBe(request?.upstreamRequestId);
  });

  it("omits X-TC-Region when no region is configured", async () => {
    await client().mlidPassportOcr({ image });
    expect(fake().requests()[0]?.region).toBeNull();
    expect(fake().requests()[0]?.headers).not.toHaveProperty("x-tc-region");
  });

  it("sends the session token as X-TC-Token", async () => {
    const result = await client({ secretId: TOKEN_ID, sessionToken: TOKEN }).mlidPassportOcr({ image });
    expect(result.response.ID).toBe("L898902C3");
    expect(fake().requests()[0]?.token).toBe(TOKEN);
  });

  it("maps a business error without retrying and passes the upstream RequestId", async () => {
    fake().script([{ type: "error", code: "FailedOperation.NoPassport" }]);
    const error = await failure(client().mlidPassportOcr({ image }));
    expect(error.toBody()).toEqual({
      error: {
        code: "no_passport",
        message: expect.stringContaining("No passport was found"),
        retake: true,
        upstreamRequestId: fake().requests()[0]?.upstreamRequestId,
      },
    });
    expect(error.status).toBe(422);
    expect(fake().requests()).toHaveLength(1);
  });

  it.each([
    "FailedOperation.OcrFailed",
    "FailedOperation.UnKnowError",
    "ResourceUnavailable.InArrears",
    "InvalidParameter",
  ])("never retries %s", async (code) => {
    fake().script([{ type: "error", code }]);
    await failure(client().mlidPassportOcr({ image }));
    expect(fake().requests()).toHaveLength(1);
  });

  it("retries a rate limit and succeeds on the second attempt", async () => {
    fake().script([{ type: "error", code: "RequestLimitExceeded.UinLimitExceeded" }, { type: "success" }]);
    const result = await client().mlidPassportOcr({ image });
    expect(result.attempts).toBe(2);
    expect(
      fake()
        .requests()
        .map((r) => r.answer),
    ).toEqual(["RequestLimitExceeded.UinLimitExceeded", "success"]);
  });

  it("gives up after two retries (three attempts) on persistent InternalError", async () => {
    fake().script([{ type: "error", code: "InternalError" }]);
    const error = await failure(client().mlidPassportOcr({ image }));
    expect(error).toMatchObject({ status: 502, code: "upstream_internal_error" });
    expect(fake().requests()).toHaveLength(3);
  });

  it("honours maxRetries 0", async () => {
    fake().script([{ type: "error", code: "ServiceUnavailable" }]);
    const error = await failure(client({ maxRetries: 0 }).mlidPassportOcr({ image }));
    expect(error).toMatchObject({ status: 503, code: "upstream_unavailable" });
    expect(fake().requests()).toHaveLength(1);
  });

  it("retries a gateway 503 page and a connection reset, then succeeds", async () => {
    fake().script([
      { type: "http", status: 503, body: "<html>busy</html>", contentType: "text/html" },
      { type: "reset" },
      { type: "success" },
    ]);
    const result = await client().mlidPassportOcr({ image });
    expect(result.attempts).toBe(3);
    expect(
      fake()
        .requests()
        .map((r) => r.answer),
    ).toEqual(["http 503", "reset", "success"]);
  });

  it("reports persistent connection resets as upstream_unreachable", async () => {
    fake().script([{ type: "reset" }]);
    const error = await failure(client().mlidPassportOcr({ image }));
    expect(error).toMatchObject({ status: 502, code: "upstream_unreachable" });
    expect(fake().requests()).toHaveLength(3);
  });

  it("times out slow headers per attempt and stops after three attempts", async () => {
    fake().script([{ type: "success", delayMs: 1_000 }]);
    const started = performance.now();
    const error = await failure(client({ timeoutMs: 150, deadlineMs: 5_000 }).mlidPassportOcr({ image }));
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ status: 504, code: "upstream_timeout" });
    expect(fake().requests()).toHaveLength(3);
    expect(elapsed).toBeGreaterThanOrEqual(3 * 150 - 20);
    // Without per-attempt timeouts this would take 3 x 1000 ms; the margin absorbs a loaded machine.
    expect(elapsed).toBeLessThan(2_000);
  });

  it("times out a body that trickles past the attempt timeout", async () => {
    fake().script([{ type: "success", trickleMs: 40, trickleBytes: 50 }]);
    const error = await failure(client({ timeoutMs: 200, maxRetries: 0 }).mlidPassportOcr({ image }));
    expect(error).toMatchObject({ status: 504, code: "upstream_timeout" });
  });

  it("bounds the whole call by its deadline", async () => {
    fake().script([{ type: "success", delayMs: 2_000 }]);
    const started = performance.now();
    const error = await failure(client({ timeoutMs: 250, deadlineMs: 300 }).mlidPassportOcr({ image }));
    const elapsed = performance.now() - started;
    expect(error.code).toBe("upstream_timeout");
    // Three attempts of 250 ms would take over 750 ms.
    expect(elapsed).toBeLessThan(650);
    expect(fake().requests().length).toBeLessThanOrEqual(2);
  });

  it("stops at once when the caller aborts, without retrying", async () => {
    fake().script([{ type: "success", delayMs: 1_000 }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("client went away")), 50);
    const started = performance.now();
    const error = await failure(client().mlidPassportOcr({ image }, controller.signal));
    expect(error).toMatchObject({ status: 408, code: "request_aborted" });
    expect(performance.now() - started).toBeLessThan(800);
    expect(fake().requests()).toHaveLength(1);
  });

  it("treats the caller's own deadline (a TimeoutError abort) as a 504 timeout, without retrying", async () => {
    fake().script([{ type: "success", delayMs: 1_000 }]);
    const error = await failure(client().mlidPassportOcr({ image }, AbortSignal.timeout(80)));
    expect(error).toMatchObject({ status: 504, code: "upstream_timeout" });
    expect(fake().requests()).toHaveLength(1);
  });

  it("reports invalid JSON and wrong-shaped JSON as 502 without retrying", async () => {
    fake().script([{ type: "http", status: 200, body: "{oops" }]);
    expect(await failure(client().mlidPassportOcr({ image }))).toMatchObject({
      status: 502,
      code: "upstream_invalid_response",
    });
    fake().reset();
    fake().script([{ type: "http", status: 200, body: '{"Result":{"ID":"1"}}' }]);
    expect(await failure(client().mlidPassportOcr({ image }))).toMatchObject({
      status: 502,
      code: "upstream_unexpected_response",
    });
    expect(fake().requests()).toHaveLength(1);
  });

  it("surfaces a clock more than five minutes off as upstream_clock_skew", async () => {
    const error = await failure(client({ now: () => Date.now() - 10 * 60_000 }).mlidPassportOcr({ image }));
    expect(error).toMatchObject({ status: 503, code: "upstream_clock_skew" });
    expect(fake().requests()).toHaveLength(1);
  });

  it("never puts the secret key or session token into an error", async () => {
    const errors = [
      await failure(client({ secretKey: "wrong-key-k7w2" }).mlidPassportOcr({ image })),
      await failure(client({ secretId: TOKEN_ID, sessionToken: "bad-token-m4v9" }).mlidPassportOcr({ image })),
    ];
    expect(errors.map((e) => e.code)).toEqual(["upstream_auth_failed", "upstream_token_invalid"]);
    for (const error of errors) {
      const visible = `${error.message} ${JSON.stringify(error.toBody())} ${String(error.stack)}`;
      expect(visible).not.toMatch(/q8z3|k7w2|m4v9/);
    }
  });

  it("rejects a non-http endpoint at construction", () => {
    expect(() => client({ endpoint: "ftp://ocr.tencentcloudapi.com" })).toThrow(/http\(s\) URL/);
  });
});

describe("Tencent client backoff", () => {
  /** Times between attempts when every attempt fails with a network error. */
  async function gaps(random: () => number): Promise<number[]> {
    const times: number[] = [];
    const failing = createTencentClient({
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
      endpoint: "https://ocr.tencentcloudapi.com",
      timeoutMs: 1_000,
      deadlineMs: 5_000,
      backoffBaseMs: 80,
      random,
      fetch: async () => {
        times.push(performance.now());
        throw new TypeError("fetch failed");
      },
    });
    const error = await failure(failing.mlidPassportOcr({ image }));
    expect(error.code).toBe("upstream_unreachable");
    expect(times).toHaveLength(3);
    return [(times[1] ?? 0) - (times[0] ?? 0), (times[2] ?? 0) - (times[1] ?? 0)];
  }

  it("waits half the exponential step plus a random half (equal jitter)", async () => {
    expect([1, 2, 3].map((n) => backoffDelay(n, 250, 0))).toEqual([125, 250, 500]);
    expect([1, 2, 3].map((n) => backoffDelay(n, 250, 0.5))).toEqual([188, 375, 750]);
    expect(backoffDelay(2, 250, 0.999)).toBe(500);
    // Measured between real attempts (lower bounds only: a loaded machine may fire timers late).
    const [low1, low2] = await gaps(() => 0);
    expect(low1).toBeGreaterThanOrEqual(38);
    expect(low2).toBeGreaterThanOrEqual(78);
    const [high1, high2] = await gaps(() => 0.999);
    expect(high1).toBeGreaterThanOrEqual(78);
    expect(high2).toBeGreaterThanOrEqual(158);
  });

  it("skips a retry whose backoff would cross the deadline", async () => {
    let calls = 0;
    const failing = createTencentClient({
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
      endpoint: "https://ocr.tencentcloudapi.com",
      timeoutMs: 1_000,
      deadlineMs: 100,
      backoffBaseMs: 400,
      fetch: async () => {
        calls++;
        throw new TypeError("fetch failed");
      },
    });
    const started = performance.now();
    await failure(failing.mlidPassportOcr({ image }));
    expect(calls).toBe(1);
    expect(performance.now() - started).toBeLessThan(190);
  });
});

describe("interpretAnswer", () => {
  it("treats an error envelope as an error whatever the HTTP status", () => {
    const body = JSON.stringify({
      Response: { Error: { Code: "FailedOperation.OcrFailed", Message: "x" }, RequestId: "r" },
    });
    for (const status of [200, 400, 500]) {
      expect(interpretAnswer(status, body)).toMatchObject({ code: "ocr_failed", upstreamRequestId: "r" });
    }
  });

  it("marks non-JSON 5xx and 429 transient, non-JSON 4xx not", () => {
    expect(interpretAnswer(502, "<html>")).toMatchObject({ code: "upstream_http_error", transient: true });
    expect(interpretAnswer(429, "slow down")).toMatchObject({ code: "upstream_http_error", transient: true });
    expect(interpretAnswer(404, "not found")).toMatchObject({ code: "upstream_http_error", transient: false });
  });

  it("rejects an Error without a string Code as wrong-shaped", () => {
    expect(interpretAnswer(200, '{"Response":{"Error":{"Code":5},"RequestId":"r"}}')).toMatchObject({
      code: "upstream_unexpected_response",
      upstreamRequestId: "r",
    });
  });
});
