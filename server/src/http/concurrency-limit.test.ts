import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { concurrencyLimit } from "./concurrency-limit";

function setup(maxInFlight: number, maxQueued: number) {
  const gates: (() => void)[] = [];
  let running = 0;
  let peak = 0;
  const app = new Hono()
    .use(concurrencyLimit({ maxInFlight, maxQueued, retryAfterSeconds: 3 }))
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
  return { app, gates, tick, openAll, peak: () => peak };
}

describe("concurrencyLimit", () => {
  it("runs at most maxInFlight, queues maxQueued in order, refuses the rest with 503 and Retry-After", async () => {
    const { app, tick, openAll, peak, gates } = setup(2, 2);
    const responses = Array.from({ length: 6 }, () => app.request("/", { method: "POST" }));
    await tick();
    expect(gates).toHaveLength(2);
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
  });

  it("drops a queued request whose client went away and frees its place", async () => {
    const { app, tick, openAll, gates } = setup(1, 1);
    const first = app.request("/", { method: "POST" });
    const controller = new AbortController();
    const gone = app.request(new Request("http://x/", { method: "POST", signal: controller.signal }));
    await tick();
    controller.abort();
    expect((await gone).status).toBe(408);
    const third = app.request("/", { method: "POST" });
    await tick();
    expect(gates).toHaveLength(1);
    await openAll();
    expect((await first).status).toBe(200);
    expect((await third).status).toBe(200);
  });
});
