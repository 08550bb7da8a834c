import type { Context, MiddlewareHandler } from "hono";
import { rateLimiter, type Store } from "hono-rate-limiter";
import { AppError } from "../errors";
import { BoundedMemoryStore } from "./bounded-memory-store";

export interface RateLimitOptions {
  /** Requests allowed per client per window. */
  max: number;
  windowMs: number;
  /** Identifies the client (its address, or its API key). */
  clientKey: (c: Context) => string;
  /**
   * Where counts live. A bounded memory store (the default) is right for one instance; several instances behind a
   * load balancer share a store such as hono-rate-limiter's RedisStore.
   */
  store?: Store;
}

/** Per-client fixed-window limit; over it, 429 with Retry-After and our error body. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  return rateLimiter({
    windowMs: options.windowMs,
    limit: options.max,
    standardHeaders: "draft-7",
    keyGenerator: options.clientKey,
    store: options.store ?? new BoundedMemoryStore(),
    handler: (c) => {
      const info = c.get("rateLimit" as never) as { resetTime?: Date } | undefined;
      const seconds = info?.resetTime
        ? Math.max(1, Math.ceil((info.resetTime.getTime() - Date.now()) / 1000))
        : Math.ceil(options.windowMs / 1000);
      throw new AppError("rate_limited", {
        message: `Too many attempts. Please wait ${seconds} seconds and try again.`,
        retryAfterSeconds: seconds,
      });
    },
  });
}
