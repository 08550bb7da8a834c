import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { MAX_BASE64_CHARS } from "contract/image-limits";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app";
import type { AccessLogEntry } from "./http/access-log";
import { recordingProvider } from "./passport/recording-provider";
import { JPEG } from "./passport/tiny-images";

// Bad input over real HTTP: each case gets its own specific 4xx and the server keeps serving.
const { provider, calls } = recordingProvider();
const log: AccessLogEntry[] = [];
const app = createApp({
  provider,
  rateLimit: { max: 10_000, windowMs: 60_000 },
  accessLog: (e) => log.push(e),
});
let server: ReturnType<typeof serve>;
let base = "";

beforeAll(async () => {
  server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const upload = (bytes: Uint8Array, name = "photo") => {
  const form = new FormData();
  form.set("image", new Blob([bytes as BlobPart]), name);
  return fetch(`${base}/api/passport`, { method: "POST", body: form });
};
const json = (body: string) =>
  fetch(`${base}/api/passport`, { method: "POST", body, headers: { "content-type": "application/json" } });
const codeOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
const text = (s: string) => new TextEncoder().encode(s);

describe("bad input over HTTP", () => {
  it("zero bytes", async () => {
    const res = await upload(new Uint8Array());
    expect([res.status, await codeOf(res)]).toEqual([400, "image_empty"]);
    const empty = await json("");
    expect([empty.status, await codeOf(empty)]).toEqual([400, "malformed_json"]);
  });

  it("one byte", async () => {
    const res = await upload(new Uint8Array([0xff]));
    expect([res.status, await codeOf(res)]).toEqual([415, "unsupported_media_type"]);
  });

  it("a file that is both HTML and an image", async () => {
    const res = await upload(new Uint8Array([...text("<html><img src=x>"), ...JPEG]));
    expect([res.status, await codeOf(res)]).toEqual([415, "unsupported_media_type"]);
  });

  it("SVG, GIF and WebP are refused by name", async () => {
    const cases: [Uint8Array, string][] = [
      [text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), "SVG"],
      [new Uint8Array([...text("GIF89a"), 1, 0, 1, 0, 0, 0, 0]), "GIF"],
      [new Uint8Array([...text("RIFF"), 0, 0, 0, 0, ...text("WEBPVP8 "), 0, 0]), "WebP"],
    ];
    for (const [bytes, name] of cases) {
      const res = await upload(bytes);
      expect(res.status, name).toBe(415);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(name);
    }
  });

  it("base64 one character over 7 MB", async () => {
    const res = await json(JSON.stringify({ imageBase64: "A".repeat(MAX_BASE64_CHARS + 1) }));
    expect([res.status, await codeOf(res)]).toEqual([413, "image_too_large"]);
  });

  it("a multipart image whose base64 would exceed 7 MB", async () => {
    const bytes = new Uint8Array(Math.ceil((MAX_BASE64_CHARS * 3) / 4) + 3);
    bytes.set(JPEG);
    const res = await upload(bytes);
    expect([res.status, await codeOf(res)]).toEqual([413, "image_too_large"]);
  });

  it("a 50 MB body is refused before it is buffered", async () => {
    const before = process.memoryUsage().arrayBuffers;
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${base}/api/passport`, {
        method: "POST",
        headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      });
      req.on("response", (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      let sent = 0;
      const pump = () => {
        while (sent < 50 && !req.destroyed) {
          sent++;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        req.end();
      };
      pump();
    });
    expect(status).toBe(413);
    const grown = process.memoryUsage().arrayBuffers - before;
    expect(grown).toBeLessThan(30 * 1024 * 1024);
  });

  it("a declared 50 MB body is refused from its Content-Length", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${base}/api/passport`, {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(50 * 1024 * 1024) },
      });
      req.on("response", (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on("error", (err) => (req.destroyed ? undefined : reject(err)));
      req.write("{");
    });
    expect(status).toBe(413);
  });

  it("a wrong content type", async () => {
    const res = await fetch(`${base}/api/passport`, {
      method: "POST",
      body: JPEG,
      headers: { "content-type": "image/jpeg" },
    });
    expect([res.status, await codeOf(res)]).toEqual([415, "unsupported_content_type"]);
  });

  it("malformed multipart", async () => {
    const res = await fetch(`${base}/api/passport`, {
      method: "POST",
      body: "--b\r\nContent-Disposition: form-data; name=image; filename=x\r\n\r\n\xff\xd8\xff",
      headers: { "content-type": "multipart/form-data; boundary=b" },
    });
    expect([res.status, await codeOf(res)]).toEqual([400, "malformed_multipart"]);
  });

  it("JSON with wrong types and with a huge field", async () => {
    const wrong = await json(JSON.stringify({ imageBase64: ["a"], portrait: 1 }));
    expect([wrong.status, await codeOf(wrong)]).toEqual([400, "invalid_body"]);
    const huge = await json(JSON.stringify({ imageBase64: "AAAA", note: "x".repeat(8 * 1024 * 1024) }));
    expect([huge.status, await codeOf(huge)]).toEqual([413, "payload_too_large"]);
  });

  it("keeps serving, never reached the provider, and logged no image content", async () => {
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(calls).toHaveLength(0);
    const logged = JSON.stringify(log);
    expect(log.length).toBeGreaterThan(10);
    expect(logged).not.toMatch(/AAAAAAAA|svg|GIF89a|RIFF/);
  });
});
