import { ERROR_CATALOGUE, ERROR_CODES, type ErrorCode } from "contract/error-catalogue";
import { describe, expect, it } from "vitest";
import { type AppDeps, createApp } from "./app";
import { AppError } from "./errors";
import { parseRanges } from "./http/ip-address";
import type { OperatorEvent } from "./http/operator-log";
import { recordingProvider } from "./passport/recording-provider";
import { createTencentProvider } from "./passport/tencent/provider";
import { JPEG } from "./passport/tiny-images";

// Issue 17, items 6-10, through the whole app: who the client is, what may be cached, what anonymous callers learn,
// which origins and hosts are ours, and whose request id is kept.

const OPERATOR_TOKEN = "operator-token-for-tests-0123456789abcdef";
const trusted = (...ranges: string[]) => ranges.flatMap((r) => parseRanges(r) ?? []);

function setup(deps: Partial<AppDeps> = {}) {
  const { provider, calls } = recordingProvider();
  const events: OperatorEvent[] = [];
  const app = createApp({
    provider,
    rateLimit: { max: 30, windowMs: 60_000 },
    // The test says which socket the request came from; nothing else can.
    remoteAddress: (c) => c.req.header("x-test-peer") ?? "192.0.2.1",
    operatorToken: OPERATOR_TOKEN,
    operatorLog: (event) => events.push(event),
    ...deps,
  });
  return { app, calls, events };
}

const upload = (headers: Record<string, string> = {}, url = "http://127.0.0.1:8787/api/passport") => {
  const body = new FormData();
  body.set("image", new Blob([JPEG as BlobPart]), "photo.jpg");
  return new Request(url, { method: "POST", body, headers });
};

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe("client address (item 6)", () => {
  it("a client rotating X-Forwarded-For without a trusted proxy gets no more than the limit", async () => {
    const { app } = setup({ trustedProxies: [] });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await app.request(upload({ "x-test-peer": "203.0.113.5", "x-forwarded-for": `10.9.${i}.1` }));
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
  });

  it("a client naming someone else's address spends its own allowance, never theirs", async () => {
    const { app } = setup({ trustedProxies: trusted("127.0.0.1"), rateLimit: { max: 3, windowMs: 60_000 } });
    const send = (peer: string, xff: string) => app.request(upload({ "x-test-peer": peer, "x-forwarded-for": xff }));
    const victim = "198.51.100.7";
    // Straight to the server, and through the proxy (which appends the address it saw to what the client wrote).
    const direct = [];
    for (let i = 0; i < 4; i++) direct.push((await send("203.0.113.66", victim)).status);
    const proxied = [];
    for (let i = 0; i < 4; i++) proxied.push((await send("127.0.0.1", `${victim}, 203.0.113.67`)).status);
    expect([direct, proxied]).toEqual([
      [200, 200, 200, 429],
      [200, 200, 200, 429],
    ]);
    expect((await send("127.0.0.1", victim)).status).toBe(200);
  });

  it("counts an IPv6 client by its /64", async () => {
    const { app } = setup({ rateLimit: { max: 2, windowMs: 60_000 } });
    const from = (peer: string) => app.request(upload({ "x-test-peer": peer }));
    expect((await from("2001:db8:7:7::1")).status).toBe(200);
    expect((await from("2001:db8:7:7::2")).status).toBe(200);
    expect((await from("2001:db8:7:7:ffff::3")).status).toBe(429);
    expect((await from("2001:db8:7:8::1")).status).toBe(200);
  });
});

describe("JSON parse bombs (item 2)", () => {
  it("ten 6 MB nesting bombs are refused without ever blocking the event loop for long", async () => {
    const { app, calls } = setup();
    const bomb = `{"imageBase64":${"[".repeat(3_000_000)}${"]".repeat(3_000_000)}}`;
    // The longest the event loop went without running a 10 ms timer while the bombs were handled.
    let longestGap = 0;
    let last = performance.now();
    const probe = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 10);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        app.request(
          new Request("http://127.0.0.1:8787/api/passport", {
            method: "POST",
            body: bomb,
            headers: { "content-type": "application/json", "x-test-peer": `198.51.100.${i + 1}` },
          }),
        ),
      ),
    );
    clearInterval(probe);
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(400));
    expect(await errorOf(answers[0]!)).toEqual({
      code: "invalid_body",
      message: "The request body is not what was expected (imageBase64: nested values are not accepted).",
      retake: false,
    });
    // JSON.parse alone takes 1.2-2.8 s on one such body on a 2-core machine; the scanner stops at the first "[".
    expect(longestGap).toBeLessThan(1_000);
    expect(calls).toHaveLength(0);
  });
});

describe("caching (item 7)", () => {
  it("a result with a name, number and birth date is never stored by a cache", async () => {
    const { app } = setup();
    const res = await app.request(upload());
    expect(res.status).toBe(200);
    expect(((await res.json()) as { document: { surname: string } }).document.surname).toBe("ERIKSSON");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const health = await app.request("http://127.0.0.1:8787/api/health");
    expect(health.headers.get("cache-control")).toBe("no-store");
  });
});

describe("what anonymous callers learn (item 8)", () => {
  const tencent = () =>
    createTencentProvider({
      secretId: "AKIDsecurityTest",
      secretKey: "security-test-key",
      endpoint: "https://ocr.intl.tencentcloudapi.com",
      region: "ap-singapore",
      timeoutMs: 1_000,
    });

  it("health answers provider and readiness only, unless the operator's token is shown", async () => {
    const { app } = setup({ provider: tencent() });
    const anonymous = await app.request("http://127.0.0.1:8787/api/health");
    expect(await anonymous.json()).toEqual({ provider: "tencent", ready: true });
    const wrong = await app.request("http://127.0.0.1:8787/api/health", {
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}x` },
    });
    expect(await wrong.json()).toEqual({ provider: "tencent", ready: true });
    const operator = await app.request("http://127.0.0.1:8787/api/health", {
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}` },
    });
    expect(await operator.json()).toMatchObject({
      provider: "tencent",
      ready: true,
      detail: "Tencent Cloud MLIDPassportOCR via ocr.intl.tencentcloudapi.com (region ap-singapore)",
      figures: { circuit: { state: "closed" } },
      uploads: { reading: 0, queued: 0, processing: 0 },
      operatorEvents: [],
    });
  });

  it("a failure of the operator's account reaches the client as a neutral 503, and the operator in full", async () => {
    const failing = setup({
      provider: {
        ...recordingProvider().provider,
        recognize: async () => {
          throw new AppError("upstream_account_in_arrears", {
            upstreamRequestId: "tc-req-9",
            cause: { upstreamCode: "ResourceUnavailable.InArrears" },
          });
        },
      },
    });
    const res = await failing.app.request(upload());
    expect([res.status, res.headers.get("retry-after"), res.headers.get("x-error-code")]).toEqual([
      503,
      "30",
      "service_unavailable",
    ]);
    const body = await res.text();
    expect(body).not.toMatch(/arrears|Tencent|TENCENTCLOUD|account|tc-req-9/i);
    expect(failing.events).toMatchObject([
      {
        code: "upstream_account_in_arrears",
        upstreamCode: "ResourceUnavailable.InArrears",
        upstreamRequestId: "tc-req-9",
      },
    ]);
    const operator = await failing.app.request("http://127.0.0.1:8787/api/health", {
      headers: { authorization: `Bearer ${OPERATOR_TOKEN}` },
    });
    expect(((await operator.json()) as { operatorEvents: OperatorEvent[] }).operatorEvents).toMatchObject([
      { code: "upstream_account_in_arrears" },
    ]);
  });

  it("every 503 carries Retry-After, whatever its cause", async () => {
    const codes = ERROR_CODES.filter((code) => ERROR_CATALOGUE[code].status === 503);
    expect(codes.length).toBeGreaterThan(10);
    let code: ErrorCode = "server_busy";
    const { app } = setup({
      provider: {
        ...recordingProvider().provider,
        recognize: async () => {
          throw new AppError(code);
        },
      },
      rateLimit: { max: 1_000, windowMs: 60_000 },
    });
    for (code of codes) {
      const res = await app.request(upload());
      expect([code, res.status, Number(res.headers.get("retry-after")) > 0]).toEqual([code, 503, true]);
    }
    const notReady = setup({
      provider: { ...recordingProvider().provider, health: async () => ({ provider: "local", ready: false }) },
    });
    const health = await notReady.app.request("http://127.0.0.1:8787/api/health");
    expect([health.status, Number(health.headers.get("retry-after")) > 0]).toEqual([503, true]);
  });
});

describe("our origin behind an HTTPS reverse proxy (item 9)", () => {
  it("a same-origin browser request through a trusted TLS proxy passes; the same claim from anyone else does not", async () => {
    const { app, calls } = setup({ trustedProxies: trusted("10.0.0.0/8"), allowedHosts: ["kyc.example"] });
    const headers = { origin: "https://kyc.example", "x-forwarded-proto": "https" };
    const proxied = await app.request(
      upload({ ...headers, "x-test-peer": "10.0.0.2" }, "http://kyc.example/api/passport"),
    );
    expect(proxied.status).toBe(200);
    const direct = await app.request(
      upload({ ...headers, "x-test-peer": "203.0.113.5" }, "http://kyc.example/api/passport"),
    );
    expect([direct.status, (await errorOf(direct)).code]).toEqual([403, "origin_not_allowed"]);
    expect(calls).toHaveLength(1);
  });

  it("PUBLIC_URL's origin is ours", async () => {
    const { app } = setup({ publicUrl: "https://kyc.example" });
    const res = await app.request(upload({ origin: "https://kyc.example" }, "http://kyc.example/api/passport"));
    expect(res.status).toBe(200);
  });
});

describe("hosts and request ids (item 10)", () => {
  it("answers only to our host names, so a rebinding page's same-origin request is refused", async () => {
    const { app, calls } = setup({ allowedHosts: ["kyc.example", ".partner.example"] });
    const rebound = await app.request(
      upload({ origin: "http://attacker.example:8787" }, "http://attacker.example:8787/api/passport"),
    );
    expect([rebound.status, (await errorOf(rebound)).code]).toEqual([400, "host_not_allowed"]);
    const page = await app.request("http://attacker.example:8787/");
    expect(page.status).toBe(400);
    expect(calls).toHaveLength(0);
    for (const host of [
      "127.0.0.1:8787",
      "[::1]:8787",
      "localhost:8787",
      "kyc.example",
      "a.partner.example",
      "partner.example",
    ]) {
      expect((await app.request(`http://${host}/api/health`)).status, host).toBe(200);
    }
    expect((await app.request("http://evilpartner.example/api/health")).status).toBe(400);
  });

  it("replaces a client's X-Request-Id, and keeps a trusted proxy's when it has a safe shape", async () => {
    const { app } = setup({ trustedProxies: trusted("127.0.0.1") });
    const idOf = async (peer: string, id: string) => {
      const res = await app.request(upload({ "x-test-peer": peer, "x-request-id": id }));
      const body = (await res.json()) as { requestId: string };
      expect(body.requestId).toBe(res.headers.get("x-request-id"));
      return body.requestId;
    };
    const chosen = "0e2ab7f4-5a5a-4bd8-9c1c-aaaaaaaaaaaa";
    expect(await idOf("203.0.113.5", chosen)).not.toBe(chosen);
    expect(await idOf("203.0.113.5", chosen)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(await idOf("127.0.0.1", chosen)).toBe(chosen);
    expect(await idOf("127.0.0.1", "a".repeat(200))).not.toBe("a".repeat(200));
    expect(await idOf("127.0.0.1", "x=1")).not.toBe("x=1");
  });
});
