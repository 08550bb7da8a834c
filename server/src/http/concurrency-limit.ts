import type { MiddlewareHandler } from "hono";
import { AppError } from "../errors";

export interface ConcurrencyLimitOptions {
  /** Requests processed at once (each may hold several copies of its image in memory). */
  maxInFlight: number;
  /** Requests waiting for a slot; their bodies stay unread on the socket meanwhile. Beyond this: 503. */
  maxQueued: number;
  /** Retry-After seconds suggested when the queue is full. */
  retryAfterSeconds?: number;
}

/**
 * Bounds the work (and so the memory) of image requests: at most `maxInFlight` run, `maxQueued` wait in order,
 * the rest get 503 `server_busy` with Retry-After at once. A waiting request whose client goes away leaves the queue.
 */
export function concurrencyLimit(options: ConcurrencyLimitOptions): MiddlewareHandler {
  let inFlight = 0;
  const waiting: { admit: () => void; signal: AbortSignal }[] = [];

  const release = () => {
    inFlight--;
    while (waiting.length > 0) {
      const next = waiting.shift()!;
      if (next.signal.aborted) continue;
      inFlight++;
      next.admit();
      return;
    }
  };

  return async (c, next) => {
    if (inFlight >= options.maxInFlight) {
      if (waiting.length >= options.maxQueued) {
        throw new AppError("server_busy", { retryAfterSeconds: options.retryAfterSeconds ?? 2 });
      }
      const signal = c.req.raw.signal;
      await new Promise<void>((admit, reject) => {
        const entry = { admit, signal };
        waiting.push(entry);
        signal.addEventListener(
          "abort",
          () => {
            const at = waiting.indexOf(entry);
            if (at >= 0) waiting.splice(at, 1);
            reject(new AppError("request_aborted", { message: "The request was cancelled." }));
          },
          { once: true },
        );
      });
    } else {
      inFlight++;
    }
    try {
      await next();
    } finally {
      release();
    }
  };
}
