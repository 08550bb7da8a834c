import type { MiddlewareHandler } from "hono";
import { AppError } from "../errors";
import type { ClientVariables } from "./client-address";
import { readBody } from "./read-body";

export interface UploadGateOptions {
  /** Uploads processed at once (each may hold several copies of its image in memory). */
  maxInFlight: number;
  /** Uploads admitted beyond those processed: being read or waiting for a slot (each holds its body). Beyond: 503. */
  maxQueued: number;
  /** Uploads one client address may have at once, in any state. Beyond this: 429. */
  maxPerClient: number;
  /** The largest body read. */
  maxBodyBytes: number;
  /** The whole body must arrive within this (408 request_timeout otherwise). */
  readTimeoutMs: number;
  /** The longest an upload waits for a processing slot once read (503 server_busy otherwise). */
  queueTimeoutMs: number;
  /** Retry-After seconds suggested with 503 server_busy. */
  retryAfterSeconds?: number;
}

export interface UploadGateStatus {
  /** Bodies arriving. */
  reading: number;
  /** Read, waiting for a slot. */
  queued: number;
  processing: number;
}

export type UploadVariables = ClientVariables & { uploadBody: Uint8Array };

/**
 * Bounds the work and memory of image uploads, and keeps slow clients from holding anyone else up. In order:
 * a client address may have `maxPerClient` uploads at once (429); at most `maxInFlight + maxQueued` uploads are
 * admitted at once, in any state (503);
 * the body is read in full, bounded in size and time, *before* a processing slot is taken, so a trickling upload
 * holds only its own place; then it waits at most `queueTimeoutMs` for one of `maxInFlight` slots (503), in order.
 * The body is handed on as `uploadBody`.
 */
export function uploadGate(options: UploadGateOptions): {
  middleware: MiddlewareHandler<{ Variables: UploadVariables }>;
  status: () => UploadGateStatus;
} {
  const perClient = new Map<string, number>();
  const counts = { reading: 0, queued: 0, processing: 0 };
  const waiting: (() => void)[] = [];
  const busy = () => new AppError("server_busy", { retryAfterSeconds: options.retryAfterSeconds ?? 2 });

  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else counts.processing--;
  };

  /** Waits for a processing slot; a slot handed over by release() stays counted as processing. */
  const acquire = (signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (counts.processing < options.maxInFlight) {
        counts.processing++;
        return resolve();
      }
      counts.queued++;
      const leave = (error: AppError) => {
        const at = waiting.indexOf(admit);
        if (at >= 0) waiting.splice(at, 1);
        done();
        reject(error);
      };
      const onTimeout = () => leave(busy());
      const onAbort = () => leave(new AppError("request_aborted", { message: "The request was cancelled." }));
      const timer = setTimeout(onTimeout, options.queueTimeoutMs);
      const done = () => {
        counts.queued--;
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
      };
      const admit = () => {
        done();
        resolve();
      };
      signal.addEventListener("abort", onAbort, { once: true });
      waiting.push(admit);
    });

  const middleware: MiddlewareHandler<{ Variables: UploadVariables }> = async (c, next) => {
    const client = c.get("clientAddress");
    const mine = perClient.get(client) ?? 0;
    if (mine >= options.maxPerClient) {
      throw new AppError("rate_limited", {
        message: `Too many uploads at once from your connection (${options.maxPerClient}). Wait for one to finish.`,
        retryAfterSeconds: options.retryAfterSeconds ?? 2,
      });
    }
    if (counts.reading + counts.queued + counts.processing >= options.maxInFlight + options.maxQueued) throw busy();
    perClient.set(client, mine + 1);
    try {
      counts.reading++;
      let body: Uint8Array;
      try {
        body = await readBody(c.req.raw, { maxBytes: options.maxBodyBytes, timeoutMs: options.readTimeoutMs });
      } finally {
        counts.reading--;
      }
      await acquire(c.req.raw.signal);
      c.set("uploadBody", body);
      try {
        await next();
      } finally {
        release();
      }
    } finally {
      const left = (perClient.get(client) ?? 1) - 1;
      if (left > 0) perClient.set(client, left);
      else perClient.delete(client);
    }
  };

  return { middleware, status: () => ({ ...counts }) };
}
