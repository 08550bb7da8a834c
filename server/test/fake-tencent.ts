/**
 * A fake Tencent Cloud OCR upstream (MLIDPassportOCR) for tests and e2e: a real node:http server.
 *
 * It checks requests the way Tencent does and independently of our signer (TC3 recomputed here with node:crypto),
 * then answers scripted responses. Control API on the same server (for other processes, e.g. Playwright):
 *   POST /__fake/script    JSON array of ScriptedResponse, consumed in order, the last one repeats
 *   GET  /__fake/requests  ReceivedRequest[] (no image bytes)
 *   POST /__fake/reset     forget script and requests
 *   GET  /__fake/health    200 "ok"
 * With no script, every valid request gets `{ type: "success" }` (the ICAO specimen).
 */
import { createHash, createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { exampleResponse, type SpecimenPerson, specimenResponse } from "./tencent-bodies";
import { tinyPng } from "./tiny-png";

export const FAKE_ACTION = "MLIDPassportOCR";
export const FAKE_VERSION = "2018-11-19";
/** Tencent's request body limit. */
export const FAKE_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** MLIDPassportOCR's limit on ImageBase64 (after encoding). */
export const FAKE_MAX_IMAGE_BASE64 = 7 * 1024 * 1024;
/** Allowed distance between X-TC-Timestamp and server time. */
export const FAKE_MAX_SKEW_SECONDS = 300;

interface Timing {
  /** Wait this long before sending the status line and headers (a slow upstream). */
  delayMs?: number;
  /** Send the body in small pieces with this pause between them (a trickling upstream). */
  trickleMs?: number;
  /** Piece size for trickleMs, default 16 bytes. */
  trickleBytes?: number;
}

export type ScriptedResponse = Timing &
  (
    | {
        type: "success";
        /** "specimen" (default): ICAO-valid MRZ built from `person`; "example": Tencent's documented example verbatim. */
        body?: "specimen" | "example";
        person?: Partial<SpecimenPerson>;
        /** Merged over the body's Response object (e.g. { Warn: [-9103], AdvancedInfo: "1" }). */
        response?: Record<string, unknown>;
      }
    | { type: "error"; code: string; message?: string; status?: number }
    /** Any HTTP answer, e.g. a 503 from a gateway, invalid JSON or JSON of the wrong shape. */
    | { type: "http"; status: number; body?: string; contentType?: string }
    /** Destroy the connection without an answer. */
    | { type: "reset" }
  );

export interface ReceivedRequest {
  method: string;
  path: string;
  /** Lower-cased header names; values as received (the fake only ever sees test credentials). */
  headers: Record<string, string>;
  action: string | null;
  version: string | null;
  region: string | null;
  token: string | null;
  timestamp: string | null;
  bodyBytes: number;
  /** Parsed from the body when it was JSON. */
  retImage: boolean | null;
  imageBase64Length: number | null;
  /** Whether the TC3 signature recomputed here matched (null when it was never checked). */
  signatureOk: boolean | null;
  signedHeaders: string | null;
  /** What the fake answered: "success", an error code, "http <status>" or "reset". */
  answer: string;
  upstreamRequestId: string;
}

export interface FakeTencentOptions {
  port?: number;
  host?: string;
  /** SecretId -> SecretKey the fake accepts. */
  secrets: Record<string, string>;
  /** SecretId -> session token that must arrive as X-TC-Token (temporary credentials). */
  sessionTokens?: Record<string, string>;
  /** Server clock in ms, for SignatureExpire tests. */
  now?: () => number;
}

export interface FakeTencent {
  url: string;
  port: number;
  close(): Promise<void>;
  script(responses: ScriptedResponse[]): void;
  requests(): ReceivedRequest[];
  reset(): void;
}

const ERROR_MESSAGES: Record<string, string> = {
  "AuthFailure.SignatureFailure":
    "The provided credentials could not be validated. Please check your signature is correct.",
  "AuthFailure.SignatureExpire": "Signature expired. Timestamp is too far from the server time.",
  "AuthFailure.SecretIdNotFound": "The SecretId is not found, please ensure that your SecretId is correct.",
  "AuthFailure.InvalidAuthorization": "Authorization header is not valid.",
  "AuthFailure.TokenFailure": "Token verification failed.",
  InvalidAction: "The requested action does not exist.",
  NoSuchVersion: "The requested version does not exist or is not supported for this action.",
  MissingParameter: "A required parameter is missing.",
  InvalidParameter: "A parameter is not valid.",
  RequestSizeLimitExceeded: "The request body exceeds the size limit.",
  "LimitExceeded.TooLargeFileError": "The file is too large.",
  "FailedOperation.ImageDecodeFailed": "Image decoding failed.",
};

function errorBody(code: string, requestId: string, message?: string): string {
  return JSON.stringify({
    Response: { Error: { Code: code, Message: message ?? ERROR_MESSAGES[code] ?? code }, RequestId: requestId },
  });
}

function headerMap(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

const sha256Hex = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

interface ParsedAuthorization {
  secretId: string;
  date: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(value: string | undefined): ParsedAuthorization | null {
  const match = value?.match(
    /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/,
  );
  if (!match) return null;
  const [, secretId, date, service, signedHeaders, signature] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return { secretId, date, service, signedHeaders: signedHeaders.split(";"), signature };
}

/** Recomputes TC3-HMAC-SHA256 from what arrived, per Tencent's spec (header names and values lower-cased, trimmed). */
function expectedSignature(auth: ParsedAuthorization, req: IncomingMessage, body: Buffer, secretKey: string) {
  const canonicalHeaders = auth.signedHeaders
    .map((name) => {
      let value = String(req.headers[name] ?? "");
      // The signed host is the host name the client connected to; clients sign it without the port.
      if (name === "host") value = value.replace(/:\d+$/, "");
      return `${name}:${value.trim().toLowerCase()}\n`;
    })
    .join("");
  const [path, query = ""] = (req.url ?? "/").split("?") as [string, string?];
  const canonicalRequest = [
    req.method,
    path,
    query,
    canonicalHeaders,
    auth.signedHeaders.join(";"),
    sha256Hex(body),
  ].join("\n");
  const timestamp = String(req.headers["x-tc-timestamp"]);
  const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${auth.date}/${auth.service}/tc3_request\n${sha256Hex(canonicalRequest)}`;
  const kDate = hmac(`TC3${secretKey}`, auth.date);
  const kService = hmac(kDate, auth.service);
  const kSigning = hmac(kService, "tc3_request");
  return hmac(kSigning, stringToSign).toString("hex");
}

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export async function startFakeTencent(options: FakeTencentOptions): Promise<FakeTencent> {
  const now = options.now ?? Date.now;
  let queue: ScriptedResponse[] = [];
  let received: ReceivedRequest[] = [];
  const portraitBase64 = Buffer.from(tinyPng(8, 10, [120, 90, 70])).toString("base64");
  // Scripted delays end early on close(), so a closed fake leaves no timers behind.
  const pending = new Set<{ timer: ReturnType<typeof setTimeout>; resolve: () => void }>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          pending.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      pending.add(entry);
    });

  const nextScripted = (): ScriptedResponse => {
    if (queue.length > 1) return queue.shift() as ScriptedResponse;
    return queue[0] ?? { type: "success" };
  };

  async function send(res: ServerResponse, status: number, body: string, contentType: string, timing: Timing) {
    if (timing.delayMs) await sleep(timing.delayMs);
    if (res.destroyed) return;
    const bytes = Buffer.from(body);
    res.writeHead(status, { "Content-Type": contentType, "Content-Length": String(bytes.length) });
    if (!timing.trickleMs) {
      res.end(bytes);
      return;
    }
    const size = Math.max(1, timing.trickleBytes ?? 16);
    for (let offset = 0; offset < bytes.length; offset += size) {
      if (res.destroyed) return;
      res.write(bytes.subarray(offset, offset + size));
      await sleep(timing.trickleMs);
    }
    res.end();
  }

  async function answerScripted(
    scripted: ScriptedResponse,
    res: ServerResponse,
    record: ReceivedRequest,
    retImage: boolean,
  ): Promise<void> {
    const requestId = record.upstreamRequestId;
    switch (scripted.type) {
      case "success": {
        const base =
          scripted.body === "example"
            ? exampleResponse()
            : specimenResponse(scripted.person, retImage ? portraitBase64 : "");
        const response = { ...base, ...scripted.response, RequestId: requestId };
        record.answer = "success";
        return send(res, 200, JSON.stringify({ Response: response }), "application/json", scripted);
      }
      case "error":
        record.answer = scripted.code;
        return send(
          res,
          scripted.status ?? 200,
          errorBody(scripted.code, requestId, scripted.message),
          "application/json",
          scripted,
        );
      case "http":
        record.answer = `http ${scripted.status}`;
        return send(res, scripted.status, scripted.body ?? "", scripted.contentType ?? "application/json", scripted);
      case "reset":
        record.answer = "reset";
        if (scripted.delayMs) await sleep(scripted.delayMs);
        res.socket?.destroy();
        return;
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const upstreamRequestId = randomUUID();
    const headers = headerMap(req);
    const record: ReceivedRequest = {
      method: req.method ?? "",
      path: req.url ?? "",
      headers,
      action: headers["x-tc-action"] ?? null,
      version: headers["x-tc-version"] ?? null,
      region: headers["x-tc-region"] ?? null,
      token: headers["x-tc-token"] ?? null,
      timestamp: headers["x-tc-timestamp"] ?? null,
      bodyBytes: 0,
      retImage: null,
      imageBase64Length: null,
      signatureOk: null,
      signedHeaders: null,
      answer: "",
      upstreamRequestId,
    };
    received.push(record);
    const fail = (code: string, message?: string) => {
      record.answer = code;
      return send(res, 200, errorBody(code, upstreamRequestId, message), "application/json", {});
    };

    // Body, with the 10 MB limit enforced while reading: nothing past the limit is kept.
    const declared = Number(req.headers["content-length"] ?? "0");
    if (declared > FAKE_MAX_BODY_BYTES) {
      res.setHeader("Connection", "close");
      req.resume();
      record.bodyBytes = declared;
      return fail("RequestSizeLimitExceeded");
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const completed = await new Promise<boolean>((resolve) => {
      req.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > FAKE_MAX_BODY_BYTES) tooLarge = true;
        else chunks.push(chunk);
      });
      req.on("end", () => resolve(true));
      req.on("error", () => resolve(false));
      req.on("close", () => resolve(req.complete));
    });
    if (!completed) {
      record.answer = "client aborted";
      return;
    }
    record.bodyBytes = size;
    if (tooLarge) return fail("RequestSizeLimitExceeded");
    const body = Buffer.concat(chunks);

    if (req.method !== "POST") return fail("InvalidParameter", "Only POST with a JSON body is supported by this fake.");

    const auth = parseAuthorization(req.headers.authorization);
    if (!auth) return fail("AuthFailure.InvalidAuthorization");
    record.signedHeaders = auth.signedHeaders.join(";");
    if (!auth.signedHeaders.includes("content-type") || !auth.signedHeaders.includes("host")) {
      return fail("AuthFailure.InvalidAuthorization", "SignedHeaders must include content-type and host.");
    }
    if (!record.action) return fail("MissingParameter", "The request is missing the X-TC-Action header.");
    if (record.action !== FAKE_ACTION) return fail("InvalidAction", `The action ${record.action} does not exist.`);
    if (!record.version) return fail("MissingParameter", "The request is missing the X-TC-Version header.");
    if (record.version !== FAKE_VERSION) return fail("NoSuchVersion", `Version ${record.version} is not supported.`);
    if (!record.timestamp || !/^\d+$/.test(record.timestamp)) {
      return fail("MissingParameter", "The request is missing a valid X-TC-Timestamp header.");
    }
    const serverSeconds = Math.floor(now() / 1000);
    const timestamp = Number(record.timestamp);
    if (Math.abs(serverSeconds - timestamp) > FAKE_MAX_SKEW_SECONDS) {
      return fail(
        "AuthFailure.SignatureExpire",
        `Signature expired. Timestamp: ${timestamp}, current server time: ${serverSeconds}, the difference must be within ${FAKE_MAX_SKEW_SECONDS} seconds.`,
      );
    }
    const secretKey = options.secrets[auth.secretId];
    if (secretKey === undefined) return fail("AuthFailure.SecretIdNotFound");
    const expectedDate = new Date(timestamp * 1000).toISOString().slice(0, 10);
    const signature = expectedSignature(auth, req, body, secretKey);
    record.signatureOk = auth.date === expectedDate && auth.service === "ocr" && sameHex(signature, auth.signature);
    if (!record.signatureOk) return fail("AuthFailure.SignatureFailure");
    const requiredToken = options.sessionTokens?.[auth.secretId];
    if (requiredToken !== undefined && record.token !== requiredToken) return fail("AuthFailure.TokenFailure");

    const contentType = (req.headers["content-type"] ?? "").toLowerCase();
    if (!contentType.startsWith("application/json")) {
      return fail("InvalidParameter", "Content-Type must be application/json.");
    }
    let params: unknown;
    try {
      params = JSON.parse(body.toString("utf8"));
    } catch {
      return fail("InvalidParameter", "The request body is not valid JSON.");
    }
    if (typeof params !== "object" || params === null || Array.isArray(params)) {
      return fail("InvalidParameter", "The request body must be a JSON object.");
    }
    const { ImageBase64: image, RetImage: retImage } = params as { ImageBase64?: unknown; RetImage?: unknown };
    if (retImage !== undefined && typeof retImage !== "boolean")
      return fail("InvalidParameter", "RetImage must be a boolean.");
    record.retImage = retImage ?? null;
    if (typeof image !== "string" || image === "")
      return fail("MissingParameter", "ImageBase64 or ImageUrl is required.");
    record.imageBase64Length = image.length;
    if (image.length > FAKE_MAX_IMAGE_BASE64) return fail("LimitExceeded.TooLargeFileError");
    const bytes = /^[A-Za-z0-9+/]*={0,2}$/.test(image) ? Buffer.from(image, "base64") : Buffer.alloc(0);
    const isPng = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
    const isBmp = bytes[0] === 0x42 && bytes[1] === 0x4d;
    if (!isPng && !isJpeg && !isBmp) return fail("FailedOperation.ImageDecodeFailed");

    return answerScripted(nextScripted(), res, record, retImage === true);
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(value));
    };
    if (req.method === "GET" && path === "/__fake/health") {
      res.writeHead(200, { "Content-Type": "text/plain" });
      res.end("ok");
      return;
    }
    if (req.method === "GET" && path === "/__fake/requests") return json(200, received);
    if (req.method === "POST" && path === "/__fake/reset") {
      queue = [];
      received = [];
      return json(200, { ok: true });
    }
    if (req.method === "POST" && path === "/__fake/script") {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return json(400, { error: "body must be a JSON array of scripted responses" });
      }
      const problem = validateScript(parsed);
      if (problem) return json(400, { error: problem });
      queue = [...(parsed as ScriptedResponse[])];
      return json(200, { ok: true, queued: queue.length });
    }
    return json(404, { error: `unknown control route ${req.method} ${path}` });
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const handler = path.startsWith("/__fake/") ? handleControl(req, res, path) : handleApi(req, res);
    handler.catch(() => {
      if (!res.headersSent) {
        res.writeHead(500, { "Content-Type": "text/plain" });
        res.end("fake tencent crashed");
      } else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    script(responses) {
      const problem = validateScript(responses);
      if (problem) throw new Error(problem);
      queue = [...responses];
    },
    requests: () => received.map((r) => ({ ...r, headers: { ...r.headers } })),
    reset() {
      queue = [];
      received = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const entry of pending) {
          clearTimeout(entry.timer);
          entry.resolve();
        }
        pending.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Returns what is wrong with a script, or null. */
export function validateScript(value: unknown): string | null {
  if (!Array.isArray(value)) return "script must be a JSON array";
  for (const [index, item] of value.entries()) {
    const type = (item as { type?: unknown } | null)?.type;
    if (type === "success" || type === "reset") continue;
    if (type === "error" && typeof (item as { code?: unknown }).code === "string") continue;
    if (type === "http" && Number.isInteger((item as { status?: unknown }).status)) continue;
    return `script[${index}] must be { type: "success" | "error" (with code) | "http" (with status) | "reset" }`;
  }
  return null;
}
