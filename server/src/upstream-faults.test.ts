import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeTencent, type ScriptedResponse, startFakeTencent } from "../test/fake-tencent";
import { tinyPng } from "../test/tiny-png";
import { createApp } from "./app";
import type { AccessLogEntry } from "./http/access-log";
import type { OperatorEvent } from "./http/operator-log";
import { activeResources, establishedClientsOf, establishedConnectionsTo } from "./load/open-connections";
import { createTencentProvider } from "./passport/tencent/provider";

// Upstream faults through the whole app over real HTTP: our server (createApp + @hono/node-server) in front of the
// fake Tencent upstream. Each fault maps to its error, retries stay bounded (counted at the fake), every call ends
// inside the configured deadline, and nothing (sockets, timers) is left behind.

const SECRET_ID = "AKIDfaultsTestId";
const SECRET_KEY = "faults-test-secret-key";
/** Per attempt, whole call, and the slack a busy CI machine needs on top of the deadline. */
const TIMEOUT_MS = 400;
const DEADLINE_MS = 1_200;
const SLACK_MS = 600;

interface Running {
  url: string;
  port: number;
  close(): Promise<void>;
}

async function serveApp(
  provider: ReturnType<typeof createTencentProvider>,
  log: AccessLogEntry[],
  operatorEvents: OperatorEvent[] = [],
): Promise<Running> {
  const app = createApp({
    provider,
    rateLimit: { max: 100_000, windowMs: 60_000 },
    uploads: { maxPerClient: 100 },
    operatorLog: (event) => operatorEvents.push(event),
    accessLog: (entry) => log.push(entry),
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      }),
  };
}

const provider = (fake: FakeTencent, overrides: Partial<Parameters<typeof createTencentProvider>[0]> = {}) =>
  createTencentProvider({
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    endpoint: fake.url,
    timeoutMs: TIMEOUT_MS,
    deadlineMs: DEADLINE_MS,
    backoffBaseMs: 40,
    // Each case here is one fault on its own; the breaker that would open after five is tested in its own file.
    breaker: { failureThreshold: 1_000 },
    ...overrides,
  });

const image = tinyPng(800, 500);

interface Outcome {
  status: number;
  code: string | null;
  retryAfter: string | null;
  body: string;
  ms: number;
}

async function send(base: string, signal?: AbortSignal): Promise<Outcome> {
  const form = new FormData();
  form.set("image", new Blob([image as BlobPart], { type: "image/png" }), "passport.png");
  const started = performance.now();
  const res = await fetch(`${base}/api/passport`, { method: "POST", body: form, ...(signal ? { signal } : {}) });
  const body = await res.text();
  const ms = performance.now() - started;
  const code = res.ok ? null : ((JSON.parse(body) as { error: { code: string } }).error.code ?? null);
  return { status: res.status, code, retryAfter: res.headers.get("retry-after"), body, ms };
}

let fake: FakeTencent;
let app: Running;
const log: AccessLogEntry[] = [];
let baseline: Record<string, number>;

beforeAll(async () => {
  fake = await startFakeTencent({ secrets: { [SECRET_ID]: SECRET_KEY } });
  app = await serveApp(provider(fake), log);
  baseline = activeResources();
});

afterAll(async () => {
  await app.close();
  await fake.close();
});

/** Scripts the fake, sends one image through our server, returns what came back and how many calls reached the fake. */
async function through(script: ScriptedResponse[], base = app.url) {
  fake.reset();
  fake.script(script);
  const outcome = await send(base);
  return { ...outcome, attempts: fake.requests().length, answers: fake.requests().map((r) => r.answer) };
}

describe("upstream faults over HTTP", () => {
  it("slow headers: a timeout per attempt, at most 3 attempts, the whole call inside the deadline", async () => {
    const r = await through([{ type: "success", delayMs: 5_000 }]);
    expect([r.status, r.code]).toEqual([504, "upstream_timeout"]);
    expect(r.attempts).toBeGreaterThanOrEqual(2);
    expect(r.attempts).toBeLessThanOrEqual(3);
    expect(r.ms).toBeLessThan(DEADLINE_MS + SLACK_MS);
  });

  it("a body that trickles is bounded by the same timeout (headers arrived, the body never finishes)", async () => {
    const r = await through([{ type: "success", trickleMs: 100, trickleBytes: 16 }]);
    expect([r.status, r.code]).toEqual([504, "upstream_timeout"]);
    expect(r.attempts).toBeLessThanOrEqual(3);
    expect(r.ms).toBeLessThan(DEADLINE_MS + SLACK_MS);
  });

  it("connection reset: network error, retried twice then reported", async () => {
    const r = await through([{ type: "reset" }]);
    expect([r.status, r.code]).toEqual([502, "upstream_unreachable"]);
    expect(r.answers).toEqual(["reset", "reset", "reset"]);
  });

  it.each([500, 502, 503])("HTTP %i with an HTML body: retried twice then upstream_http_error", async (status) => {
    const r = await through([{ type: "http", status, body: "<html>gateway</html>", contentType: "text/html" }]);
    expect([r.status, r.code]).toEqual([502, "upstream_http_error"]);
    expect(r.attempts).toBe(3);
    expect(r.body).not.toContain("gateway");
  });

  it("a 503 followed by a good answer recovers on the retry", async () => {
    const r = await through([{ type: "http", status: 503, body: "" }, { type: "success" }]);
    expect(r.status).toBe(200);
    expect(r.answers).toEqual(["http 503", "success"]);
    expect((JSON.parse(r.body) as { document: { number: string } }).document.number).toMatch(/^[A-Z0-9]+$/);
  });

  it("invalid JSON: 502 upstream_invalid_response, not retried", async () => {
    const r = await through([{ type: "http", status: 200, body: '{"Response": {"RequestId": ' }]);
    expect([r.status, r.code, r.attempts]).toEqual([502, "upstream_invalid_response", 1]);
  });

  it.each([
    ["no Response envelope", '{"data": {"ID": "X"}}'],
    ["Response is a string", '{"Response": "ok"}'],
    ["Error without a code", '{"Response": {"Error": {"Message": "?"}, "RequestId": "r-1"}}'],
    ["fields of the wrong type", '{"Response": {"RequestId": "r-2", "ID": 42, "Warn": "none"}}'],
  ])("valid JSON of the wrong shape (%s): 502 upstream_unexpected_response, not retried", async (_name, body) => {
    const r = await through([{ type: "http", status: 200, body }]);
    expect([r.status, r.code, r.attempts]).toEqual([502, "upstream_unexpected_response", 1]);
  });

  it("RequestLimitExceeded: retried twice then 429 with Retry-After; a burst stays bounded at 3 calls each", async () => {
    const single = await through([{ type: "error", code: "RequestLimitExceeded" }]);
    expect([single.status, single.code, single.attempts]).toEqual([429, "upstream_rate_limited", 3]);
    expect(Number(single.retryAfter)).toBeGreaterThan(0);

    fake.reset();
    fake.script([{ type: "error", code: "RequestLimitExceeded.UinLimitExceeded" }]);
    const burst = await Promise.all(Array.from({ length: 12 }, () => send(app.url)));
    expect(burst.map((o) => o.status)).toEqual(Array(12).fill(429));
    expect(fake.requests()).toHaveLength(12 * 3);

    const recovered = await through([
      { type: "error", code: "RequestLimitExceeded" },
      { type: "error", code: "RequestLimitExceeded.IPLimitExceeded" },
      { type: "success" },
    ]);
    expect([recovered.status, recovered.attempts]).toEqual([200, 3]);
  });

  it("business errors are never retried", async () => {
    const r = await through([{ type: "error", code: "FailedOperation.ImageDecodeFailed" }]);
    expect(r.attempts).toBe(1);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
  });

  it("a wrong secret key: SignatureFailure, once; the client gets a neutral 503, the operator the detail", async () => {
    const wrongLog: AccessLogEntry[] = [];
    const events: OperatorEvent[] = [];
    const wrong = await serveApp(provider(fake, { secretKey: "not-the-right-key" }), wrongLog, events);
    try {
      const r = await through([{ type: "success" }], wrong.url);
      expect([r.status, r.code, r.attempts, r.retryAfter]).toEqual([503, "service_unavailable", 1, "30"]);
      expect(r.body).not.toMatch(/TENCENTCLOUD|credential|Tencent/i);
      expect(events).toMatchObject([{ code: "upstream_auth_failed", upstreamCode: "AuthFailure.SignatureFailure" }]);
      expect(r.answers).toEqual(["AuthFailure.SignatureFailure"]);
      expect(r.body).not.toContain("not-the-right-key");
      expect(r.body).not.toContain(SECRET_ID);
    } finally {
      await wrong.close();
    }
  });

  it("a clock 10 minutes off: SignatureExpire, once; upstream_clock_skew for the operator only", async () => {
    const skewLog: AccessLogEntry[] = [];
    const events: OperatorEvent[] = [];
    const skewed = await serveApp(provider(fake, { now: () => Date.now() - 10 * 60_000 }), skewLog, events);
    try {
      const r = await through([{ type: "success" }], skewed.url);
      expect([r.status, r.code, r.attempts]).toEqual([503, "service_unavailable", 1]);
      expect(events.map((e) => e.code)).toEqual(["upstream_clock_skew"]);
      expect(r.answers).toEqual(["AuthFailure.SignatureExpire"]);
    } finally {
      await skewed.close();
    }
  });

  it("a client that hangs up mid-call: the upstream call is cancelled, its connection closed", async () => {
    const patient = await serveApp(provider(fake, { timeoutMs: 8_000, deadlineMs: 9_000 }), []);
    try {
      // Start from no open connection to the fake (earlier keep-alive sockets time out), so the one we see is ours.
      await expect.poll(() => establishedConnectionsTo(fake.port), { timeout: 12_000, interval: 250 }).toBe(0);
      fake.reset();
      fake.script([{ type: "success", delayMs: 6_000 }]);
      const controller = new AbortController();
      const pending = send(patient.url, controller.signal).catch((error: Error) => error.name);
      await expect.poll(() => fake.requests().length).toBe(1);
      const upstream = establishedClientsOf(fake.port);
      expect(upstream).toHaveLength(1);
      controller.abort();
      expect(await pending).toBe("AbortError");
      // That connection closes long before the fake would have answered (6 s) or our timeout (8 s) would have fired.
      // (undici may open a fresh idle pooled connection afterwards; it closes on undici's keep-alive timer, and the
      // leak check below waits for it.)
      await expect
        .poll(() => establishedClientsOf(fake.port).filter((c) => upstream.includes(c)), { timeout: 2_000 })
        .toEqual([]);
      expect(fake.requests()).toHaveLength(1);
    } finally {
      await patient.close();
    }
  }, 30_000);

  it("the server kept serving and logged every call without image data", async () => {
    fake.reset();
    const ok = await through([{ type: "success" }]);
    expect(ok.status).toBe(200);
    const passportLines = log.filter((e) => e.path === "/api/passport");
    expect(passportLines.length).toBeGreaterThan(15);
    expect(passportLines.every((e) => e.status === 200 || typeof e.error === "string")).toBe(true);
    const logged = JSON.stringify(log);
    expect(logged).not.toContain(Buffer.from(image).toString("base64").slice(0, 24));
    expect(logged).not.toContain(SECRET_KEY);
  });

  it("leaves no sockets or timers behind once the fake's and our keep-alive windows have passed", async () => {
    // Anything still in flight (a retry timer, an unread trickle, a socket nobody closed) shows up here.
    await expect
      .poll(() => establishedConnectionsTo(fake.port) + establishedConnectionsTo(app.port), {
        timeout: 12_000,
        interval: 250,
      })
      .toBe(0);
    await expect.poll(() => activeResources(), { timeout: 6_000, interval: 250 }).toEqual(baseline);
  }, 20_000);
});
