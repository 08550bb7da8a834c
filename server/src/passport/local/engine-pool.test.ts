import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { EnginePool } from "./engine-pool";
import { workerEntry } from "./worker-entry";

const entry = workerEntry("pool-test-worker.ts", "pool-test-worker.js");
const pools: EnginePool[] = [];

function pool(
  workers: number,
  queueMax: number,
  extra: { restartDelayMs?: number; url?: URL; jobTimeoutMs?: number } = {},
) {
  const p = new EnginePool({
    workers,
    queueMax,
    workerUrl: extra.url ?? entry.url,
    argv: entry.argv,
    workerData: { langPath: "/nonexistent", lang: "none" },
    restartDelayMs: extra.restartDelayMs ?? 50,
    ...(extra.jobTimeoutMs ? { jobTimeoutMs: extra.jobTimeoutMs } : {}),
  });
  pools.push(p);
  return p;
}

const job = (...bytes: number[]) => ({
  image: new Uint8Array(bytes),
  mediaType: "image/png" as const,
  portrait: false,
});
const never = () => new AbortController().signal;

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe("EnginePool", () => {
  it("runs jobs in worker threads and returns their results", async () => {
    const p = pool(2, 4);
    await p.whenReady();
    const results = await Promise.all([p.run(job(0, 1, 7, 7), never()), p.run(job(0, 0, 9), never())]);
    expect(results.map((r) => r.document.number)).toEqual(["4", "3"]);
  });

  it("queues up to queueMax and refuses the next with 503 engine_busy and a retry estimate", async () => {
    const p = pool(1, 2);
    await p.whenReady();
    const running = p.run(job(0, 20), never());
    const q1 = p.run(job(0, 0), never());
    const q2 = p.run(job(0, 0), never());
    await new Promise((r) => setTimeout(r, 20));
    expect(p.status()).toMatchObject({ busy: 1, queued: 2 });
    const err = await rejection(p.run(job(0, 0), never()));
    expect(err.status).toBe(503);
    expect(err.code).toBe("engine_busy");
    expect(err.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    await expect(Promise.all([running, q1, q2])).resolves.toHaveLength(3);
  });

  it("passes the worker's AppError through with its status and code", async () => {
    const p = pool(1, 1);
    await p.whenReady();
    const err = await rejection(p.run(job(2), never()));
    expect([err.status, err.code, err.retake, err.message]).toEqual([422, "mrz_not_found", true, "none"]);
  });

  it("fails only the crashed job and replaces the worker", async () => {
    const p = pool(1, 2);
    await p.whenReady();
    const err = await rejection(p.run(job(1), never()));
    expect([err.status, err.code]).toEqual([500, "engine_crashed"]);
    await p.whenReady();
    await expect(p.run(job(0, 0, 5), never())).resolves.toMatchObject({ document: { number: "3" } });
  });

  it("drops an aborted queued job and ends an aborted running one, then keeps serving", async () => {
    const p = pool(1, 2);
    await p.whenReady();
    const runningCtl = new AbortController();
    const queuedCtl = new AbortController();
    const running = p.run(job(3), runningCtl.signal);
    const queued = p.run(job(0, 0), queuedCtl.signal);
    queuedCtl.abort();
    const q = await rejection(queued);
    expect(q.code).toBe("request_aborted");
    expect(p.status().queued).toBe(0);
    runningCtl.abort(new AppError("server_busy", { message: "too slow" }));
    const r = await rejection(running);
    expect([r.status, r.code, r.message]).toEqual([503, "server_busy", "too slow"]);
    await p.whenReady();
    await expect(p.run(job(0, 0), never())).resolves.toMatchObject({ provider: "local" });
  });

  it("ends a job that runs past its time limit with 504 engine_timeout and replaces the worker", async () => {
    const p = pool(1, 1, { jobTimeoutMs: 300 });
    await p.whenReady();
    const err = await rejection(p.run(job(3), never()));
    expect([err.status, err.code, err.retake]).toEqual([504, "engine_timeout", true]);
    await p.whenReady();
    await expect(p.run(job(0, 0), never())).resolves.toMatchObject({ provider: "local" });
  });

  it("answers 503 engine_unavailable to waiting jobs when no worker can start", async () => {
    const p = pool(1, 2, { url: new URL("./does-not-exist.ts", import.meta.url) });
    const err = await rejection(p.run(job(0, 0), never()));
    expect([err.status, err.code]).toEqual([503, "engine_unavailable"]);
    expect(p.status().ready).toBe(0);
    expect(p.status().lastStartError).toBeTruthy();
  });

  describe("fair shares across clients (issue 17, item 5)", () => {
    /** A job of client `client` that takes 50 ms and is known by its length (`tag` bytes). */
    const tagged = (tag: number) => job(0, 5, ...new Array(tag).fill(0));
    const order: number[] = [];
    const record = (p: Promise<{ document: { number: string | null } }>) =>
      p.then(
        (r) => {
          order.push(Number(r.document.number) - 2);
          return "ok";
        },
        (e: AppError) => e.code,
      );

    it("serves clients in turn, not in the order their jobs arrived", async () => {
      order.length = 0;
      const p = pool(1, 8);
      await p.whenReady();
      const a = [1, 2, 3, 4, 5].map((tag) => record(p.run(tagged(tag), never(), { client: "a", weight: 1 })));
      const b = [11, 12].map((tag) => record(p.run(tagged(tag), never(), { client: "b", weight: 1 })));
      await Promise.all([...a, ...b]);
      expect(order).toEqual([1, 11, 2, 12, 3, 4, 5]);
    });

    it("gives a heavier job a bigger slice: four light jobs of one client for each of another's weight-4 jobs", async () => {
      order.length = 0;
      const p = pool(1, 16);
      await p.whenReady();
      const first = record(p.run(tagged(99), never(), { client: "c", weight: 1 }));
      const heavy = [1, 2].map((tag) => record(p.run(tagged(tag), never(), { client: "a", weight: 4 })));
      const light = [11, 12, 13, 14, 15, 16, 17, 18].map((tag) =>
        record(p.run(tagged(tag), never(), { client: "b", weight: 1 })),
      );
      await Promise.all([first, ...heavy, ...light]);
      expect(order).toEqual([99, 1, 11, 12, 13, 14, 2, 15, 16, 17, 18]);
    });

    it("makes room in a full queue for another client by refusing the busiest client's newest job", async () => {
      order.length = 0;
      const p = pool(1, 4);
      await p.whenReady();
      const a = [1, 2, 3, 4, 5].map((tag) => record(p.run(tagged(tag), never(), { client: "a", weight: 1 })));
      await new Promise((r) => setTimeout(r, 10));
      expect(p.status()).toMatchObject({ busy: 1, queued: 4 });
      const b = record(p.run(tagged(11), never(), { client: "b", weight: 1 }));
      const sixth = await rejection(p.run(tagged(6), never(), { client: "a", weight: 1 }));
      expect([sixth.status, sixth.code, (sixth.retryAfterSeconds ?? 0) >= 1]).toEqual([503, "engine_busy", true]);
      expect(await Promise.all([...a, b])).toEqual(["ok", "ok", "ok", "ok", "engine_busy", "ok"]);
      expect(order).toEqual([1, 11, 2, 3, 4]);
    });
  });
});
