import fc from "fast-check";
import SdkSign from "tencentcloud-sdk-nodejs-common/tencentcloud/common/sign";
import { describe, expect, it } from "vitest";
import { signTc3, tc3Date } from "./sign";

/** The official SDK's signer (node:crypto), used only as a test oracle. */
function sdkSign3(input: {
  host: string;
  contentType: string;
  body: Uint8Array;
  timestamp: number;
  secretId: string;
  secretKey: string;
  service: string;
}): string {
  return SdkSign.sign3({
    method: "POST",
    url: `https://${input.host}/`,
    payload: Buffer.from(input.body),
    timestamp: input.timestamp,
    service: input.service,
    secretId: input.secretId,
    secretKey: input.secretKey,
    multipart: false,
    boundary: "",
    headers: { "Content-Type": input.contentType },
  });
}

describe("signTc3: published vectors", () => {
  it("matches Tencent's Signature v3 document (cvm DescribeInstances)", async () => {
    const result = await signTc3({
      secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
      secretKey: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
      host: "cvm.tencentcloudapi.com",
      contentType: "application/json; charset=utf-8",
      body: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
      timestamp: 1551113065,
      service: "cvm",
    });
    expect(result.payloadHash).toBe("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
    expect(result.hashedCanonicalRequest).toBe("5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");
    expect(result.credentialScope).toBe("2019-02-25/cvm/tc3_request");
    expect(result.signature).toBe("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
    expect(result.authorization).toBe(
      "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
    );
  });

  it("matches the official Node SDK unit test", async () => {
    const result = await signTc3({
      secretId: "test-secret-id",
      secretKey: "test-secret-key",
      host: "cvm.tencentcloudapi.com",
      contentType: "application/json",
      body: JSON.stringify({ Action: "DescribeInstances", Version: "2017-03-12" }),
      timestamp: 1640995200,
      service: "cvm",
    });
    expect(result.authorization).toBe(
      "TC3-HMAC-SHA256 Credential=test-secret-id/2022-01-01/cvm/tc3_request, SignedHeaders=content-type;host, Signature=96473b50fe407833672a5d6d067238d88bb44c8abcc39ef83baa3132afbfadd3",
    );
  });

  it.each([
    ["ocr.tencentcloudapi.com", "851a1f25d9cd35524f3c9ef357ec469e11f405b834b5dd259fd0f3c46b69ec03"],
    ["ocr.intl.tencentcloudapi.com", "ff66d1f3517c6bd050bc7939b6ad6a788d51bf0bb62d624196d455c1ec4229cd"],
  ])("matches the OCR-shaped vector for %s (service defaults to ocr)", async (host, signature) => {
    const result = await signTc3({
      secretId: "AKIDEXAMPLE",
      secretKey: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
      host,
      contentType: "application/json; charset=utf-8",
      body: '{"ImageBase64":"aGVsbG8=","RetImage":true}',
      timestamp: 1700000000,
    });
    expect(result.signature).toBe(signature);
    expect(result.credentialScope).toBe("2023-11-14/ocr/tc3_request");
  });

  it("signs string and byte bodies identically", async () => {
    const base = {
      secretId: "id",
      secretKey: "key",
      host: "ocr.tencentcloudapi.com",
      contentType: "application/json",
      timestamp: 1700000000,
    };
    const body = '{"ImageBase64":"w6k=","name":"Zoë"}';
    const fromString = await signTc3({ ...base, body });
    const fromBytes = await signTc3({ ...base, body: new TextEncoder().encode(body) });
    expect(fromBytes.signature).toBe(fromString.signature);
  });
});

describe("signTc3: input validation", () => {
  const valid = {
    secretId: "id",
    secretKey: "key",
    host: "ocr.tencentcloudapi.com",
    contentType: "application/json",
    body: "{}",
    timestamp: 1700000000,
  };
  it.each([
    ["a fractional timestamp", { timestamp: 1700000000.5 }, /integer timestamp/],
    ["a host with a port", { host: "127.0.0.1:8080" }, /bare host name/],
    ["a host with a scheme", { host: "https://ocr.tencentcloudapi.com" }, /bare host name/],
    ["an empty secret key", { secretKey: "" }, /SecretId and a SecretKey/],
    ["a multi-line content type", { contentType: "application/json\r\nx: y" }, /single header line/],
  ])("rejects %s", async (_label, patch, message) => {
    await expect(signTc3({ ...valid, ...patch })).rejects.toThrow(message);
  });

  it("never puts the secret key into an error message", async () => {
    await expect(signTc3({ ...valid, secretKey: "SUPERSECRET", host: "bad host" })).rejects.not.toThrow(/SUPERSECRET/);
  });
});

describe("signTc3: differential against the official SDK's sign3", () => {
  // Labels start with a letter: the SDK passes the host through WHATWG URL, which rewrites numeric hosts ("0" -> "0.0.0.0").
  const hostLabel = fc.stringMatching(/^[a-z]([a-z0-9-]{0,14}[a-z0-9])?$/);
  const host = fc.oneof(
    fc.constantFrom("ocr.tencentcloudapi.com", "ocr.intl.tencentcloudapi.com", "ocr.ap-singapore.tencentcloudapi.com"),
    fc.array(hostLabel, { minLength: 1, maxLength: 4 }).map((labels) => labels.join(".")),
  );
  const contentType = fc.constantFrom("application/json", "application/json; charset=utf-8");
  const body = fc.oneof(
    fc.uint8Array({ maxLength: 2048 }),
    fc.string({ unit: "binary", maxLength: 512 }).map((s) => new TextEncoder().encode(s)),
    fc
      .record({ ImageBase64: fc.base64String({ maxLength: 512 }), RetImage: fc.boolean() })
      .map((o) => new TextEncoder().encode(JSON.stringify(o))),
  );
  // 1970 .. 2100, covering date boundaries: the credential scope is the UTC date of the timestamp.
  const timestamp = fc.oneof(
    fc.integer({ min: 0, max: 4_102_444_800 }),
    fc.constantFrom(86_399, 86_400, 1_709_251_199),
  );
  const secret = fc.string({ minLength: 1, maxLength: 40, unit: "grapheme-ascii" });

  it("produces the same Authorization header for random bodies, hosts, timestamps and secrets", async () => {
    await fc.assert(
      fc.asyncProperty(
        host,
        contentType,
        body,
        timestamp,
        secret,
        secret,
        async (h, ct, b, ts, secretId, secretKey) => {
          const ours = await signTc3({ host: h, contentType: ct, body: b, timestamp: ts, secretId, secretKey });
          const theirs = sdkSign3({
            host: h,
            contentType: ct,
            body: b,
            timestamp: ts,
            secretId,
            secretKey,
            service: "ocr",
          });
          expect(ours.authorization).toBe(theirs);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("formats the credential date in UTC", () => {
    expect(tc3Date(1_709_251_199)).toBe("2024-02-29");
    expect(tc3Date(1_709_251_200)).toBe("2024-03-01");
  });
});
