import { Agent } from "node:http";
import type { LookupFunction } from "node:net";
import SdkSign from "tencentcloud-sdk-nodejs-common/tencentcloud/common/sign";
import { ocr } from "tencentcloud-sdk-nodejs-ocr";
import { describe, expect, it } from "vitest";
import { FAKE_MAX_BODY_BYTES, type FakeTencent, startFakeTencent } from "./fake-tencent";
import { ICAO_SPECIMEN, td3Lines } from "./tencent-bodies";
import { tinyPng } from "./tiny-png";
import { useFakeTencent } from "./use-fake-tencent";

const SECRET_ID = "AKIDfakeTencentTest";
const SECRET_KEY = "fake-tencent-test-key";
const image = Buffer.from(tinyPng()).toString("base64");

const fake = useFakeTencent({
  secrets: { [SECRET_ID]: SECRET_KEY },
  sessionTokens: { AKIDtemporary: "sts-token-1" },
});

/** Resolves every host name to the fake, so the SDK signs a real Tencent host name and connects locally. */
const toLoopback = ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
  if (options.all) callback(null, [{ address: "127.0.0.1", family: 4 }]);
  else callback(null, "127.0.0.1", 4);
}) as unknown as LookupFunction;

function sdkClient(credential: { secretId: string; secretKey: string; token?: string }, region = "ap-singapore") {
  return new ocr.v20181119.Client({
    credential,
    region,
    profile: {
      httpProfile: {
        protocol: "http://",
        endpoint: `ocr.intl.tencentcloudapi.com:${fake().port}`,
        agent: new Agent({ lookup: toLoopback }),
        reqTimeout: 10,
      },
    },
  });
}

/** A raw request signed by the SDK's own signer (not ours), with any header or body tweak. */
async function rawRequest(options: {
  body?: string;
  headers?: Record<string, string>;
  timestamp?: number;
  secretKey?: string;
  target?: FakeTencent;
}): Promise<{ status: number; text: string; json: { Response: Record<string, unknown> } }> {
  const body = options.body ?? JSON.stringify({ ImageBase64: image });
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const authorization = SdkSign.sign3({
    method: "POST",
    url: `http://127.0.0.1:${fake().port}/`,
    payload: Buffer.from(body),
    timestamp,
    service: "ocr",
    secretId: SECRET_ID,
    secretKey: options.secretKey ?? SECRET_KEY,
    multipart: false,
    boundary: "",
    headers: { "Content-Type": "application/json" },
  });
  const res = await fetch(`${(options.target ?? fake()).url}/`, {
    method: "POST",
    headers: {
      Authorization: authorization,
      "Content-Type": "application/json",
      "X-TC-Action": "MLIDPassportOCR",
      "X-TC-Version": "2018-11-19",
      "X-TC-Timestamp": String(timestamp),
      ...options.headers,
    },
    body,
  });
  const text = await res.text();
  let json: { Response: Record<string, unknown> } = { Response: {} };
  try {
    json = JSON.parse(text);
  } catch {
    // Non-JSON answers (gateway pages) are checked through `text`.
  }
  return { status: res.status, text, json };
}

const errorCode = (json: { Response: Record<string, unknown> }) => (json.Response.Error as { Code?: string })?.Code;

describe("fake Tencent accepts exactly what the official SDK sends", () => {
  it("answers the SDK's MLIDPassportOCR call with the specimen and records a valid signature", async () => {
    const result = await sdkClient({ secretId: SECRET_ID, secretKey: SECRET_KEY }).MLIDPassportOCR({
      ImageBase64: image,
      RetImage: true,
    });
    const [line1, line2] = td3Lines(ICAO_SPECIMEN);
    expect(result.ID).toBe("L898902C3");
    expect(result.CodeSet).toBe(line1);
    expect(result.CodeCrc).toBe(line2);
    expect(result.Image?.startsWith("iVBORw0KGgo")).toBe(true);
    expect(result.RequestId).toMatch(/^[0-9a-f-]{36}$/);

    const [request] = fake().requests();
    expect(request).toMatchObject({
      action: "MLIDPassportOCR",
      version: "2018-11-19",
      region: "ap-singapore",
      token: null,
      signatureOk: true,
      signedHeaders: "content-type;host",
      retImage: true,
      imageBase64Length: image.length,
      answer: "success",
    });
    expect(request?.headers.host).toBe(`ocr.intl.tencentcloudapi.com:${fake().port}`);
    expect(JSON.stringify(fake().requests())).not.toContain(image);
  });

  it("accepts the SDK's temporary credentials with X-TC-Token and rejects a wrong token", async () => {
    const ok = await sdkClient({ secretId: "AKIDtemporary", secretKey: SECRET_KEY, token: "sts-token-1" })
      .MLIDPassportOCR({ ImageBase64: image })
      .catch((e: unknown) => e);
    // AKIDtemporary has no secret key configured: proves the token check comes after the SecretId lookup.
    expect((ok as { code?: string }).code).toBe("AuthFailure.SecretIdNotFound");

    const withKey = await startFakeTencent({
      secrets: { AKIDtemporary: SECRET_KEY },
      sessionTokens: { AKIDtemporary: "sts-token-1" },
    });
    try {
      const client = (token: string) =>
        new ocr.v20181119.Client({
          credential: { secretId: "AKIDtemporary", secretKey: SECRET_KEY, token },
          region: "ap-singapore",
          profile: {
            httpProfile: {
              protocol: "http://",
              endpoint: `ocr.tencentcloudapi.com:${withKey.port}`,
              agent: new Agent({ lookup: toLoopback }),
            },
          },
        });
      const result = await client("sts-token-1").MLIDPassportOCR({ ImageBase64: image });
      expect(result.ID).toBe("L898902C3");
      expect(withKey.requests()[0]?.token).toBe("sts-token-1");
      const wrong = await client("sts-token-2")
        .MLIDPassportOCR({ ImageBase64: image })
        .catch((e: unknown) => e);
      expect((wrong as { code?: string }).code).toBe("AuthFailure.TokenFailure");
    } finally {
      await withKey.close();
    }
  });

  it("rejects the SDK's call signed with a wrong key as AuthFailure.SignatureFailure", async () => {
    const error = await sdkClient({ secretId: SECRET_ID, secretKey: "not-the-key" })
      .MLIDPassportOCR({ ImageBase64: image })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "AuthFailure.SignatureFailure" });
    expect(fake().requests()[0]?.signatureOk).toBe(false);
  });

  it("passes a scripted business error through to the SDK unchanged", async () => {
    fake().script([{ type: "error", code: "FailedOperation.NoPassport", message: "no passport found" }]);
    const error = await sdkClient({ secretId: SECRET_ID, secretKey: SECRET_KEY })
      .MLIDPassportOCR({ ImageBase64: image })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "FailedOperation.NoPassport", message: "no passport found" });
  });
});

describe("fake Tencent checks requests like Tencent", () => {
  it("answers AuthFailure.SignatureExpire for a timestamp more than 5 minutes off", async () => {
    const { json } = await rawRequest({ timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(errorCode(json)).toBe("AuthFailure.SignatureExpire");
    expect(json.Response.RequestId).toEqual(expect.any(String));
  });

  it("answers SignatureFailure when the body changed after signing", async () => {
    const body = JSON.stringify({ ImageBase64: image });
    const timestamp = Math.floor(Date.now() / 1000);
    const authorization = SdkSign.sign3({
      url: "http://127.0.0.1/",
      payload: Buffer.from(body),
      timestamp,
      service: "ocr",
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
      multipart: false,
      boundary: "",
      headers: { "Content-Type": "application/json" },
    });
    const { json } = await rawRequest({
      body: JSON.stringify({ ImageBase64: image, RetImage: true }),
      headers: { Authorization: authorization },
      timestamp,
    });
    expect(errorCode(json)).toBe("AuthFailure.SignatureFailure");
  });

  it.each([
    [{ "X-TC-Action": "IDCardOCR" }, "InvalidAction"],
    [{ "X-TC-Version": "2017-03-12" }, "NoSuchVersion"],
    [{ Authorization: "Bearer nope" }, "AuthFailure.InvalidAuthorization"],
  ])("rejects headers %o with %s", async (headers, code) => {
    const { json } = await rawRequest({ headers });
    expect(errorCode(json)).toBe(code);
  });

  it.each([
    ["no image", "MissingParameter", () => JSON.stringify({ RetImage: true })],
    [
      "a GIF",
      "FailedOperation.ImageDecodeFailed",
      () => JSON.stringify({ ImageBase64: Buffer.from("GIF89a....").toString("base64") }),
    ],
    [
      "ImageBase64 over 7 MB",
      "LimitExceeded.TooLargeFileError",
      () => JSON.stringify({ ImageBase64: "A".repeat(7 * 1024 * 1024 + 4) }),
    ],
    ["invalid JSON", "InvalidParameter", () => "{not json"],
  ])("rejects a body with %s as %s", async (_label, code, body) => {
    const { json } = await rawRequest({ body: body() });
    expect(errorCode(json)).toBe(code);
  });

  it("enforces the 10 MB body limit and records the size without keeping the bytes", async () => {
    const body = JSON.stringify({ ImageBase64: "A".repeat(FAKE_MAX_BODY_BYTES) });
    const { json } = await rawRequest({ body });
    expect(errorCode(json)).toBe("RequestSizeLimitExceeded");
    expect(fake().requests()[0]?.bodyBytes).toBe(body.length);
  });
});

describe("fake Tencent scripts", () => {
  it("consumes scripted responses in order and repeats the last", async () => {
    fake().script([
      { type: "error", code: "RequestLimitExceeded" },
      { type: "success", body: "example" },
    ]);
    const answers = [];
    for (let i = 0; i < 3; i++) {
      const { json } = await rawRequest({});
      answers.push(errorCode(json) ?? json.Response.ID);
    }
    expect(answers).toEqual(["RequestLimitExceeded", "456712345", "456712345"]);
  });

  it("serves raw HTTP answers, slow headers, a trickling body and connection resets", async () => {
    fake().script([
      { type: "http", status: 503, body: "<html>gateway</html>", contentType: "text/html" },
      { type: "success", delayMs: 150, trickleMs: 5, trickleBytes: 200 },
      { type: "reset" },
    ]);
    const gateway = await fetch(`${fake().url}/`, { method: "POST" }).catch(() => null);
    // An unsigned request is rejected before the script is consulted.
    expect(await gateway?.json()).toMatchObject({ Response: { Error: { Code: "AuthFailure.InvalidAuthorization" } } });

    const first = await rawRequest({});
    expect(first).toMatchObject({ status: 503, text: "<html>gateway</html>" });
    const started = Date.now();
    const slow = await rawRequest({});
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(slow.json.Response.ID).toBe("L898902C3");
    await expect(rawRequest({})).rejects.toThrow();
    expect(
      fake()
        .requests()
        .map((r) => r.answer),
    ).toEqual(["AuthFailure.InvalidAuthorization", "http 503", "success", "reset"]);
  });

  it("is scriptable from another process through the control API", async () => {
    const bad = await fetch(`${fake().url}/__fake/script`, { method: "POST", body: '[{"type":"error"}]' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("script[0]");

    const ok = await fetch(`${fake().url}/__fake/script`, {
      method: "POST",
      body: JSON.stringify([{ type: "success", person: { documentNumber: "X12345678", surname: "Doe" } }]),
    });
    expect(await ok.json()).toEqual({ ok: true, queued: 1 });
    const { json } = await rawRequest({});
    expect(json.Response).toMatchObject({ ID: "X12345678", Surname: "DOE" });

    const requests = (await (await fetch(`${fake().url}/__fake/requests`)).json()) as { answer: string }[];
    expect(requests.map((r) => r.answer)).toEqual(["success"]);
    expect(JSON.stringify(requests)).not.toContain(image);

    await fetch(`${fake().url}/__fake/reset`, { method: "POST" });
    expect(await (await fetch(`${fake().url}/__fake/requests`)).json()).toEqual([]);
    expect(await (await fetch(`${fake().url}/__fake/health`)).text()).toBe("ok");
  });
});

describe("specimen bodies", () => {
  it("reproduce the ICAO Doc 9303 TD3 specimen exactly", () => {
    expect(td3Lines(ICAO_SPECIMEN)).toEqual([
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
      "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    ]);
  });
});

describe("fake Tencent shutdown", () => {
  it("closes promptly even while a slow answer is pending", async () => {
    const slow = await startFakeTencent({ secrets: { [SECRET_ID]: SECRET_KEY } });
    slow.script([{ type: "success", delayMs: 10_000 }]);
    const pending = rawRequest({ target: slow }).catch((e: unknown) => e);
    while (slow.requests().length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 30));
    const started = performance.now();
    await slow.close();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await pending).toBeInstanceOf(Error);
    expect(slow.requests()[0]?.answer).toBe("success");
  });
});
