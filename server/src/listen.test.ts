import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen } from "./listen";

// Issue 17, item 1: the header deadline. A client that sends its headers a byte at a time is answered 408 and cut
// off at the deadline, not after Node's default 60 s (checked every 30 s).
let server: ReturnType<typeof listen>;
let port = 0;

beforeAll(async () => {
  const app = new Hono().all("*", (c) => c.text("ok"));
  server = await new Promise((resolve) => {
    const s = listen(
      { fetch: app.fetch, port: 0, hostname: "127.0.0.1", headersTimeoutMs: 500, requestTimeoutMs: 1_000 },
      () => resolve(s),
    );
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

/** Sends `text` one byte every `everyMs` and resolves with what came back and when the connection closed. */
function dribble(text: string, everyMs: number) {
  const socket = connect(port, "127.0.0.1");
  const started = performance.now();
  let at = 0;
  const timer = setInterval(() => {
    if (at < text.length) socket.write(text[at++] ?? "");
  }, everyMs);
  return new Promise<{ answer: string; closedAfterMs: number }>((resolve) => {
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
    });
    socket.on("close", () => {
      clearInterval(timer);
      resolve({ answer, closedAfterMs: performance.now() - started });
    });
    socket.on("error", () => {});
  });
}

describe("listen: deadlines a slow client cannot stretch", () => {
  it("answers 408 and closes when the headers take longer than the header deadline", async () => {
    const slow = await dribble(
      "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n",
      100,
    );
    expect(slow.answer).toMatch(/^HTTP\/1\.1 408/);
    expect(slow.closedAfterMs).toBeGreaterThanOrEqual(450);
    expect(slow.closedAfterMs).toBeLessThan(5_000);
  });

  it("serves a client whose headers arrive in time", async () => {
    const res = await fetch(`http://127.0.0.1:${port}/`);
    expect([res.status, await res.text()]).toEqual([200, "ok"]);
  });
});
