import { ERROR_CATALOGUE } from "contract/error-catalogue";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { startFakeTencent } from "../../../test/fake-tencent";
import { rgbPng, tinyPng } from "../../../test/tiny-png";
import { useFakeTencent } from "../../../test/use-fake-tencent";
import { createApp } from "../../app";
import { AppError } from "../../errors";
import { encodeBase64 } from "../base64";
import type { RecognizeInput } from "../provider";
import { TENCENT_ERRORS } from "./errors";
import { createTencentProvider, type TencentProviderConfig } from "./provider";

const SECRET_ID = "AKIDproviderTest";
const SECRET_KEY = "provider-test-key-p3n6";
const png = tinyPng(800, 500);

const fake = useFakeTencent({ secrets: { [SECRET_ID]: SECRET_KEY } });

function provider(overrides: Partial<TencentProviderConfig> = {}) {
  return createTencentProvider({
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    endpoint: fake().url,
    timeoutMs: 2_000,
    backoffBaseMs: 10,
    ...overrides,
  });
}

function input(overrides: Partial<RecognizeInput> = {}): RecognizeInput {
  return {
    image: png,
    mediaType: "image/png",
    portrait: false,
    requestId: "req-provider-1",
    client: "192.0.2.1",
    signal: new AbortController().signal,
    ...overrides,
  };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => new Error("expected a failure"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("Tencent provider over HTTP against the fake upstream", () => {
  it("reads the specimen into a normalized result with a valid MRZ", async () => {
    const result = await provider().recognize(input());
    expect(result).toMatchObject({
      provider: "tencent",
      requestId: "req-provider-1",
      upstreamRequestId: fake().requests()[0]?.upstreamRequestId,
      document: {
        type: "P",
        number: "L898902C3",
        surname: "ERIKSSON",
        givenNames: "ANNA MARIA",
        nationality: "UTO",
        issuingCountry: "UTO",
        birthDate: "1974-08-12",
        expiryDate: "2012-04-15",
        sex: "F",
      },
      portrait: null,
    });
    expect(result.mrz?.valid).toBe(true);
    expect(result.confidence.number).toBe(0.99);
    const [request] = fake().requests();
    expect(request).toMatchObject({ signatureOk: true, retImage: false, imageBase64Length: encodeBase64(png).length });
  });

  it("asks for and returns the portrait when requested", async () => {
    const result = await provider().recognize(input({ portrait: true }));
    expect(fake().requests()[0]?.retImage).toBe(true);
    expect(result.portrait?.mediaType).toBe("image/png");
    expect(
      Buffer.from(result.portrait?.base64 ?? "", "base64")
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
  });

  it("reads a scripted person (as e2e scripts it) and sends region and token headers", async () => {
    const withToken = await startFakeTencent({
      secrets: { [SECRET_ID]: SECRET_KEY },
      sessionTokens: { [SECRET_ID]: "sts-tok" },
    });
    try {
      withToken.script([
        {
          type: "success",
          person: { documentNumber: "C01X00T47", surname: "Mustermann", givenNames: "Erika", expiryDate: "2031-08-01" },
        },
      ]);
      const result = await createTencentProvider({
        secretId: SECRET_ID,
        secretKey: SECRET_KEY,
        sessionToken: "sts-tok",
        region: "ap-hongkong",
        endpoint: withToken.url,
        timeoutMs: 2_000,
      }).recognize(input());
      expect(result.document).toMatchObject({ number: "C01X00T47", surname: "MUSTERMANN", givenNames: "ERIKA" });
      expect(result.mrz?.valid).toBe(true);
      expect(withToken.requests()[0]).toMatchObject({ token: "sts-tok", region: "ap-hongkong", signatureOk: true });
    } finally {
      await withToken.close();
    }
  });

  it.each([
    ["a business error", { type: "error", code: "FailedOperation.NoPassport" }, 422, "no_passport", true, 1],
    [
      "an operator error",
      { type: "error", code: "ResourceUnavailable.ResourcePackageRunOut" },
      503,
      "upstream_quota_exhausted",
      false,
      1,
    ],
    [
      "a persistent rate limit",
      { type: "error", code: "RequestLimitExceeded" },
      429,
      "upstream_rate_limited",
      false,
      3,
    ],
    [
      "a 502 gateway page",
      { type: "http", status: 502, body: "bad gateway", contentType: "text/plain" },
      502,
      "upstream_http_error",
      false,
      3,
    ],
    ["invalid JSON", { type: "http", status: 200, body: "]" }, 502, "upstream_invalid_response", false, 1],
    [
      "wrong-shaped JSON",
      { type: "success", response: { Warn: "oops" } },
      502,
      "upstream_unexpected_response",
      false,
      1,
    ],
  ] as const)(
    "answers %s with %i %s (retake %s) after %i attempt(s)",
    async (_label, scripted, status, code, retake, attempts) => {
      fake().script([scripted]);
      const error = await failure(provider().recognize(input()));
      expect(error.toBody().error).toMatchObject({ code, retake });
      expect(error.status).toBe(status);
      expect(fake().requests()).toHaveLength(attempts);
      expect(error.upstreamRequestId === undefined || typeof error.upstreamRequestId === "string").toBe(true);
    },
  );

  it("maps every documented error code answered over HTTP, retrying only the transient ones", async () => {
    for (const [code, mapping] of Object.entries(TENCENT_ERRORS)) {
      fake().reset();
      fake().script([{ type: "error", code, message: `upstream says ${code}` }]);
      const error = await failure(provider({ backoffBaseMs: 1 }).recognize(input()));
      expect({ code, status: error.status, ours: error.code, retake: error.retake }).toEqual({
        code,
        status: ERROR_CATALOGUE[mapping.code].status,
        ours: mapping.code,
        retake: ERROR_CATALOGUE[mapping.code].retake,
      });
      expect(fake().requests()).toHaveLength(mapping.transient ? 3 : 1);
      expect(error.upstreamRequestId).toBe(fake().requests().at(-1)?.upstreamRequestId);
      expect(error.message).not.toContain("upstream says");
    }
  });

  it("times out a slow upstream with 504", async () => {
    fake().script([{ type: "success", delayMs: 1_000 }]);
    const error = await failure(provider({ timeoutMs: 100, maxRetries: 1 }).recognize(input()));
    expect(error).toMatchObject({ status: 504, code: "upstream_timeout" });
    expect(fake().requests()).toHaveLength(2);
  });

  it("refuses an image over 7 MB once encoded without calling upstream", async () => {
    const big = new Uint8Array(5.3 * 1024 * 1024);
    big.set(png.subarray(0, 8));
    const error = await failure(provider().recognize(input({ image: big })));
    expect(error).toMatchObject({ status: 413, code: "image_too_large", retake: true });
    expect(error.message).toMatch(/7 MB/);
    expect(fake().requests()).toHaveLength(0);
  });

  it("never leaks the secret key in errors", async () => {
    const error = await failure(provider({ secretKey: "wrong-p3n6-key" }).recognize(input()));
    expect(error.code).toBe("upstream_auth_failed");
    expect(JSON.stringify(error.toBody()) + error.message).not.toMatch(/p3n6/);
  });
});

describe("Tencent provider health", () => {
  it("is ready when configured and never calls upstream for it", async () => {
    let calls = 0;
    const health = await provider({
      region: "ap-singapore",
      fetch: async () => {
        calls++;
        throw new Error("no network in health");
      },
    }).health();
    expect(health).toEqual({
      provider: "tencent",
      ready: true,
      detail: `Tencent Cloud MLIDPassportOCR via 127.0.0.1:${fake().port} (region ap-singapore)`,
      figures: { circuit: { state: "closed", consecutiveFailures: 0, retryAt: null } },
    });
    expect(JSON.stringify(health)).not.toMatch(/p3n6|AKIDproviderTest/);
    expect(calls).toBe(0);
  });

  it("is not ready without credentials and refuses to recognize", async () => {
    const unconfigured = provider({ secretId: "", secretKey: "" });
    expect(await unconfigured.health()).toMatchObject({ provider: "tencent", ready: false });
    expect(await failure(unconfigured.recognize(input()))).toMatchObject({
      status: 503,
      code: "provider_not_configured",
    });
  });
});

/** The whole app in front of a Tencent provider, its client address given by X-Test-Peer. */
function appWith(overrides: Partial<TencentProviderConfig> = {}) {
  return createApp({
    provider: provider(overrides),
    rateLimit: { max: 1_000, windowMs: 60_000 },
    remoteAddress: (c) => c.req.header("x-test-peer") ?? "192.0.2.1",
  });
}

function send(app: ReturnType<typeof appWith>, image: Uint8Array, peer = "192.0.2.1") {
  const body = new FormData();
  body.set("image", new Blob([image as BlobPart]), "photo");
  return app.request("http://127.0.0.1/api/passport", { method: "POST", body, headers: { "x-test-peer": peer } });
}

const answer = async (res: Response) => {
  const { error } = (await res.json()) as { error?: { code: string; message: string } };
  return [res.status, error?.code, res.headers.get("retry-after")];
};

describe("nothing is paid for that cannot be read (issue 17, item 3)", () => {
  it("refuses junk that only starts like an image, too small a photo and a cut-off one, before any call", async () => {
    const app = appWith();
    const jpeg = new Uint8Array(
      await sharp({ create: { width: 1000, height: 700, channels: 3, background: "#808080" } })
        .jpeg()
        .toBuffer(),
    );
    const junk: [string, Uint8Array, string][] = [
      ["4 bytes", new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), "image_undecodable"],
      [
        "a 68-byte fake PNG",
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array(60).fill(7)]),
        "image_undecodable",
      ],
      ["a 1x1 PNG", tinyPng(1, 1), "image_too_small_for_provider"],
      ["799x500", tinyPng(799, 500), "image_too_small_for_provider"],
      ["800x499", tinyPng(800, 499), "image_too_small_for_provider"],
      ["a PNG missing its data", rgbPng(800, 500, new Uint8Array(0)).subarray(0, 40), "image_undecodable"],
      ...[0.1, 0.3, 0.5, 0.7, 0.9, 0.99].map(
        (share) =>
          [`a JPEG cut at ${share}`, jpeg.subarray(0, Math.floor(jpeg.length * share)), "image_undecodable"] as [
            string,
            Uint8Array,
            string,
          ],
      ),
    ];
    for (const [label, bytes, code] of junk) {
      const res = await send(app, bytes);
      expect([label, res.status, ((await res.json()) as { error: { code: string; retake: boolean } }).error]).toEqual([
        label,
        422,
        expect.objectContaining({ code, retake: true }),
      ]);
    }
    expect(fake().requests()).toHaveLength(0);
    expect((await send(app, jpeg)).status).toBe(200);
    expect((await send(app, tinyPng(500, 800))).status).toBe(200);
    expect(fake().requests()).toHaveLength(2);
  });

  it("names the size found and the size needed", async () => {
    const res = await send(appWith(), tinyPng(640, 400));
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      "The photo is 640 x 400 pixels; at least 800 x 500 are needed to read the passport. Take it again closer or at a higher resolution.",
    );
  });
});

describe("a ceiling on spend (issue 17, item 4)", () => {
  it("stops at the per-minute budget for the whole server, whoever asks, until the minute ends", async () => {
    // The clock also signs requests, so it stays within the fake's five minutes of real time.
    const clock = { now: Math.floor(Date.now() / 60_000) * 60_000 + 15_000 };
    const app = appWith({ budget: { perMinute: 3, perDay: 100 }, now: () => clock.now });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await send(app, png, `198.51.100.${i + 1}`)).status);
    expect(statuses).toEqual([200, 200, 200, 503, 503]);
    expect(fake().requests()).toHaveLength(3);
    expect(await answer(await send(app, png))).toEqual([503, "budget_exhausted", "45"]);
    clock.now += 45_000;
    expect((await send(app, png)).status).toBe(200);
  });

  it("stops at the daily budget until midnight UTC, retries included", async () => {
    const clock = { now: Date.now() };
    const app = appWith({ budget: { perMinute: 100, perDay: 3 }, now: () => clock.now, backoffBaseMs: 1 });
    fake().script([{ type: "http", status: 503, body: "" }, { type: "success" }]);
    expect((await send(app, png)).status).toBe(200);
    expect((await send(app, png)).status).toBe(200);
    const untilMidnight = Math.ceil((Math.floor(clock.now / 86_400_000 + 1) * 86_400_000 - clock.now) / 1000);
    expect(await answer(await send(app, png))).toEqual([503, "budget_exhausted", String(untilMidnight)]);
    // The first read took two calls (a 503, then the retry): both were paid for.
    expect(
      fake()
        .requests()
        .map((r) => r.answer),
    ).toEqual(["http 503", "success", "success"]);
  });

  it("opens the circuit after five failed calls in a row, stops calling, then lets one probe through", async () => {
    const clock = { now: Date.now() };
    const app = appWith({ now: () => clock.now, maxRetries: 0 });
    fake().script([{ type: "http", status: 500, body: "down" }]);
    for (let i = 0; i < 5; i++) expect((await send(app, png)).status).toBe(502);
    expect(await answer(await send(app, png))).toEqual([503, "upstream_circuit_open", "30"]);
    expect(fake().requests()).toHaveLength(5);
    clock.now += 30_000;
    fake().script([{ type: "success" }]);
    expect((await send(app, png)).status).toBe(200);
    expect((await send(app, png)).status).toBe(200);
    expect(fake().requests()).toHaveLength(7);
  });

  it("counts answers about the photo, and being told to slow down, as a working upstream", async () => {
    const app = appWith({ maxRetries: 0 });
    fake().script([{ type: "error", code: "FailedOperation.NoPassport" }]);
    for (let i = 0; i < 8; i++) expect((await send(app, png)).status).toBe(422);
    expect(fake().requests()).toHaveLength(8);
    fake().script([{ type: "error", code: "RequestLimitExceeded.UinLimitExceeded" }]);
    for (let i = 0; i < 8; i++) expect((await send(app, png)).status).toBe(429);
    expect(fake().requests()).toHaveLength(16);
  });
});
