import { MAX_BASE64_CHARS } from "contract/image-limits";
import type { PassportResult } from "contract/result";
import { describe, expect, it } from "vitest";
import { createApp } from "./app";
import type { AccessLogEntry } from "./http/access-log";
import { recordingProvider } from "./passport/recording-provider";
import { JPEG, PNG } from "./passport/tiny-images";

function setup(options: { max?: number; allow?: string[] } = {}) {
  const { provider, calls } = recordingProvider();
  const log: AccessLogEntry[] = [];
  const app = createApp({
    provider,
    corsAllowOrigins: options.allow ?? [],
    allowedHosts: ["app.test"],
    rateLimit: { max: options.max ?? 100, windowMs: 60_000 },
    remoteAddress: (c) => c.req.header("x-test-client") ?? "192.0.2.1",
    accessLog: (entry) => log.push(entry),
  });
  return { app, calls, log };
}

const form = (bytes: Uint8Array, extra: Record<string, string> = {}) => {
  const body = new FormData();
  body.set("image", new Blob([bytes as BlobPart]), "photo");
  for (const [k, v] of Object.entries(extra)) body.set(k, v);
  return body;
};

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://app.test/api/passport", { method: "POST", body, headers });

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe("POST /api/passport", () => {
  it("hands a multipart image to the provider with its sniffed type and returns the result", async () => {
    const { app, calls } = setup();
    const res = await app.request(post(form(JPEG, { portrait: "true" })));
    expect(res.status).toBe(200);
    const body = (await res.json()) as PassportResult;
    expect(body.document.number).toBe("L898902C3");
    expect(body.requestId).toBe(res.headers.get("x-request-id"));
    expect(calls).toHaveLength(1);
    expect(calls[0]?.mediaType).toBe("image/jpeg");
    expect(calls[0]?.portrait).toBe(true);
    expect([...(calls[0]?.image ?? [])]).toEqual([...JPEG]);
  });

  it("accepts JSON base64, with or without a data URL prefix", async () => {
    const { app, calls } = setup();
    const b64 = Buffer.from(PNG).toString("base64");
    for (const imageBase64 of [b64, `data:image/png;base64,${b64}`]) {
      const res = await app.request(
        post(JSON.stringify({ imageBase64, portrait: false }), { "content-type": "application/json" }),
      );
      expect(res.status).toBe(200);
    }
    expect(calls.map((c) => c.mediaType)).toEqual(["image/png", "image/png"]);
    expect([...(calls[1]?.image ?? [])]).toEqual([...PNG]);
  });

  it("refuses types that are not PNG, JPEG or BMP by their bytes, naming what was sent", async () => {
    const { app, calls } = setup();
    const gif = new TextEncoder().encode("GIF89a-not-really");
    const res = await app.request(post(form(gif)));
    expect(res.status).toBe(415);
    expect(await errorOf(res)).toMatchObject({
      code: "unsupported_media_type",
      message: expect.stringContaining("GIF"),
    });
    expect(calls).toHaveLength(0);
  });

  it("refuses an empty image and a missing field", async () => {
    const { app } = setup();
    const empty = await app.request(post(form(new Uint8Array())));
    expect(empty.status).toBe(400);
    expect((await errorOf(empty)).code).toBe("image_empty");
    const missing = new FormData();
    missing.set("photo", "x");
    const res = await app.request(post(missing));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("image_missing");
  });

  it("says what is wrong with malformed JSON, wrong types and bad base64", async () => {
    const { app } = setup();
    const json = { "content-type": "application/json" };
    const cases: [string, string][] = [
      ["{not json", "malformed_json"],
      [JSON.stringify({ imageBase64: 42 }), "invalid_body"],
      [JSON.stringify({ imageBase64: "abc", portrait: "yes" }), "invalid_body"],
      [JSON.stringify({ imageBase64: "!!!!" }), "invalid_base64"],
    ];
    for (const [body, code] of cases) {
      const res = await app.request(post(body, json));
      expect(res.status, body).toBe(400);
      expect((await errorOf(res)).code, body).toBe(code);
    }
  });

  it("refuses a base64 image one character over 7 MB with a clear message", async () => {
    const { app, calls } = setup();
    const imageBase64 = "A".repeat(MAX_BASE64_CHARS + 1);
    const res = await app.request(post(JSON.stringify({ imageBase64 }), { "content-type": "application/json" }));
    expect(res.status).toBe(413);
    const error = await errorOf(res);
    expect(error.code).toBe("image_too_large");
    expect(error.message).toContain("7.0 MB");
    expect(calls).toHaveLength(0);
  });

  it("refuses an oversized body from its Content-Length and while streaming without one", async () => {
    const { app } = setup();
    const declared = await app.request(
      post("x", { "content-type": "application/json", "content-length": String(50 * 1024 * 1024) }),
    );
    expect(declared.status).toBe(413);
    expect((await errorOf(declared)).code).toBe("payload_too_large");

    let pulled = 0;
    const chunk = new Uint8Array(1024 * 1024);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 50) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = await app.request(
      new Request("http://app.test/api/passport", {
        method: "POST",
        body: stream,
        headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
        duplex: "half",
      } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    expect(pulled).toBeLessThan(12); // stopped reading a little past 7 MB, not at 50
  });

  it("asks for a supported content type", async () => {
    const { app } = setup();
    const res = await app.request(post("hello", { "content-type": "text/plain" }));
    expect(res.status).toBe(415);
    expect((await errorOf(res)).code).toBe("unsupported_content_type");
  });

  it("answers malformed multipart with 400", async () => {
    const { app } = setup();
    const res = await app.request(
      post('--xyz\r\nContent-Disposition: form-data; name="image"\r\n\r\nbroken', {
        "content-type": "multipart/form-data; boundary=xyz",
      }),
    );
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("malformed_multipart");
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After over the limit, and other clients are unaffected", async () => {
    const { app, calls } = setup({ max: 2 });
    const send = (client: string) => app.request(post(form(JPEG), { "x-test-client": client }));
    expect((await send("198.51.100.1")).status).toBe(200);
    expect((await send("198.51.100.1")).status).toBe(200);
    const limited = await send("198.51.100.1");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await errorOf(limited)).code).toBe("rate_limited");
    expect((await send("198.51.100.2")).status).toBe(200);
    expect(calls).toHaveLength(3);
  });
});

describe("origins", () => {
  it("refuses other origins by default and allows same origin", async () => {
    const { app, calls } = setup();
    const other = await app.request(post(form(JPEG), { origin: "https://evil.example" }));
    expect(other.status).toBe(403);
    expect((await errorOf(other)).code).toBe("origin_not_allowed");
    const same = await app.request(post(form(JPEG), { origin: "http://app.test" }));
    expect(same.status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it("lets allow-listed origins through with CORS headers, preflight included", async () => {
    const { app } = setup({ allow: ["https://partner.example"] });
    const res = await app.request(post(form(JPEG), { origin: "https://partner.example" }));
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("https://partner.example");
    const preflight = await app.request(
      new Request("http://app.test/api/passport", {
        method: "OPTIONS",
        headers: { origin: "https://partner.example", "access-control-request-method": "POST" },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
  });
});

describe("headers, health, logs", () => {
  it("sends a strict CSP and secure headers", async () => {
    const { app } = setup();
    const res = await app.request("http://app.test/api/health");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toContain("'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("permissions-policy")).toContain("camera=(self)");
  });

  it("reports the provider and its readiness", async () => {
    const { app } = setup();
    const res = await app.request("http://app.test/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ provider: "local", ready: true });
  });

  it("answers unknown API paths with a JSON 404", async () => {
    const { app } = setup();
    const res = await app.request("http://app.test/api/nope");
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe("not_found");
  });

  it("writes one access-log line per request with no query, body or address", async () => {
    const { app, log } = setup();
    await app.request(post(form(JPEG), { "x-forwarded-for": "203.0.113.9" }));
    await app.request("http://app.test/api/passport?surname=ERIKSSON", { method: "GET" });
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({ method: "POST", path: "/api/passport", status: 200 });
    expect(log[1]).toMatchObject({ method: "GET", path: "/api/passport", status: 404, error: "not_found" });
    const text = JSON.stringify(log);
    expect(text).not.toContain("ERIKSSON");
    expect(text).not.toContain("203.0.113.9");
  });

  it("hides unexpected errors behind a generic 500", async () => {
    const { provider } = recordingProvider();
    provider.recognize = async () => {
      throw new Error("secret detail /etc/passwd");
    };
    const app = createApp({ provider, allowedHosts: ["app.test"] });
    const original = console.error;
    const printed: string[] = [];
    console.error = (...args: unknown[]) => printed.push(args.join(" "));
    try {
      const res = await app.request(post(form(JPEG)));
      expect(res.status).toBe(500);
      const error = await errorOf(res);
      expect(error.code).toBe("internal_error");
      expect(error.message).not.toContain("passwd");
    } finally {
      console.error = original;
    }
    expect(printed.join("\n")).toContain("secret detail");
  });
});
