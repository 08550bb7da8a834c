import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../app";
import { AppError } from "../errors";
import { listen } from "../listen";
import { recordingProvider } from "../passport/recording-provider";
import { JPEG } from "../passport/tiny-images";
import type { ClientVariables } from "./client-address";
import { uploadGate } from "./upload-gate";

const OPERATOR_TOKEN = "operator-token-for-tests-0123456789abcdef";
const servers: ReturnType<typeof listen>[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

/** The app on a real socket, the client address taken from X-Test-Peer. */
async function serveApp(uploads: Parameters<typeof createApp>[0]["uploads"]) {
  const { provider, calls } = recordingProvider();
  const app = createApp({
    provider,
    rateLimit: { max: 1_000, windowMs: 60_000 },
    uploads,
    remoteAddress: (c) => c.req.header("x-test-peer"),
    operatorToken: OPERATOR_TOKEN,
  });
  const server = await new Promise<ReturnType<typeof listen>>((resolve) => {
    const s = listen(
      { fetch: app.fetch, port: 0, hostname: "127.0.0.1", headersTimeoutMs: 10_000, requestTimeoutMs: 60_000 },
      () => resolve(s),
    );
  });
  servers.push(server);
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls };
}

/** An upload whose body trickles one byte every `everyMs`; resolves with its status and when it came. */
function trickle(base: string, peer: string, everyMs: number) {
  const { port } = new URL(base);
  const socket = connect(Number(port), "127.0.0.1");
  const head = [
    "POST /api/passport HTTP/1.1",
    "Host: 127.0.0.1",
    `X-Test-Peer: ${peer}`,
    "Content-Type: multipart/form-data; boundary=b",
    "Content-Length: 560",
    "",
    "",
  ].join("\r\n");
  socket.write(head);
  const timer = setInterval(() => socket.write("x"), everyMs);
  return new Promise<{ status: number; at: number }>((resolve) => {
    let text = "";
    socket.on("data", (chunk) => {
      text += chunk.toString("latin1");
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
      if (!status) return;
      clearInterval(timer);
      socket.destroy();
      resolve({ status: Number(status), at: performance.now() });
    });
    socket.on("close", () => {
      clearInterval(timer);
      resolve({ status: 0, at: performance.now() });
    });
  });
}

function post(base: string, peer: string) {
  const body = new FormData();
  body.set("image", new Blob([JPEG as BlobPart]), "photo.jpg");
  return fetch(`${base}/api/passport`, { method: "POST", body, headers: { "x-test-peer": peer } });
}

describe("slow uploads (issue 17, item 1)", () => {
  it("sixteen trickling uploads from one address hold no slot: another client is answered at once", async () => {
    const { base, calls } = await serveApp({ maxPerClient: 4, readTimeoutMs: 1_500 });
    const trickles = Array.from({ length: 16 }, () => trickle(base, "203.0.113.5", 1_000));
    await new Promise((r) => setTimeout(r, 300));
    const health = await fetch(`${base}/api/health`, { headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } });
    expect(await health.json()).toMatchObject({ ready: true, uploads: { reading: 4, queued: 0, processing: 0 } });

    const started = performance.now();
    const other = await post(base, "198.51.100.1");
    const answeredAt = performance.now();
    expect(other.status).toBe(200);
    expect(answeredAt - started).toBeLessThan(1_000);

    const ends = await Promise.all(trickles);
    const statuses = ends.map((e) => e.status).sort();
    // Four were read until the body deadline cut them off; the rest were refused at once for that address.
    expect(statuses).toEqual([...Array(4).fill(408), ...Array(12).fill(429)]);
    const timedOut = ends.filter((e) => e.status === 408);
    expect(Math.min(...timedOut.map((e) => e.at))).toBeGreaterThan(answeredAt);
    expect(calls).toHaveLength(1);
  });
});

describe("uploadGate", () => {
  function setup(options: { maxInFlight: number; maxQueued: number; queueTimeoutMs?: number }) {
    const gates: (() => void)[] = [];
    let running = 0;
    let peak = 0;
    const gate = uploadGate({
      ...options,
      maxPerClient: 100,
      maxBodyBytes: 1_000,
      readTimeoutMs: 5_000,
      queueTimeoutMs: options.queueTimeoutMs ?? 5_000,
      retryAfterSeconds: 3,
    });
    const app = new Hono<{ Variables: ClientVariables }>()
      .use(async (c, next) => {
        c.set("clientAddress", "192.0.2.1");
        await next();
      })
      .use(gate.middleware)
      .post("/", async (c) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise<void>((resolve) => gates.push(resolve));
        running--;
        return c.text("done");
      })
      .onError((err, c) => {
        if (!(err instanceof AppError)) throw err;
        if (err.retryAfterSeconds) c.header("Retry-After", String(err.retryAfterSeconds));
        return c.json(err.toBody(), err.status);
      });
    const tick = () => new Promise((r) => setTimeout(r, 5));
    const openAll = async () => {
      while (gates.length > 0 || running > 0) {
        for (const open of gates.splice(0)) open();
        await tick();
      }
    };
    return { app, gate, gates, tick, openAll, peak: () => peak };
  }

  it("runs at most maxInFlight, queues maxQueued in order, refuses the rest with 503 and Retry-After", async () => {
    const { app, tick, openAll, peak, gates, gate } = setup({ maxInFlight: 2, maxQueued: 2 });
    const responses = Array.from({ length: 6 }, () => app.request("/", { method: "POST", body: "x" }));
    await tick();
    expect(gates).toHaveLength(2);
    expect(gate.status()).toEqual({ reading: 0, queued: 2, processing: 2 });
    const settled = await Promise.all(
      responses.map(async (p, i) => {
        if (i === 4) await openAll();
        return p;
      }),
    );
    await openAll();
    expect(peak()).toBe(2);
    expect(settled.map((r) => r.status)).toEqual([200, 200, 200, 200, 503, 503]);
    const busy = settled[4]!;
    expect(busy.headers.get("retry-after")).toBe("3");
    expect(((await busy.json()) as { error: { code: string } }).error.code).toBe("server_busy");
    expect(gate.status()).toEqual({ reading: 0, queued: 0, processing: 0 });
  });

  it("waits no longer than queueTimeoutMs for a slot once read", async () => {
    const { app, tick, openAll } = setup({ maxInFlight: 1, maxQueued: 4, queueTimeoutMs: 200 });
    const first = app.request("/", { method: "POST", body: "x" });
    await tick();
    const started = performance.now();
    const waited = await app.request("/", { method: "POST", body: "x" });
    expect([waited.status, waited.headers.get("retry-after")]).toEqual([503, "3"]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    await openAll();
    expect((await first).status).toBe(200);
  });

  it("drops a queued request whose client went away and frees its place", async () => {
    const { app, tick, openAll, gates } = setup({ maxInFlight: 1, maxQueued: 1 });
    const first = app.request("/", { method: "POST", body: "x" });
    const controller = new AbortController();
    const gone = app.request(new Request("http://x/", { method: "POST", body: "x", signal: controller.signal }));
    await tick();
    controller.abort();
    expect((await gone).status).toBe(408);
    const third = app.request("/", { method: "POST", body: "x" });
    await tick();
    expect(gates).toHaveLength(1);
    await openAll();
    expect((await first).status).toBe(200);
    expect((await third).status).toBe(200);
  });
});
