import type { MiddlewareHandler } from "hono";
import { readBody } from "./read-body";

/** The largest JSON body the session routes take (a session's settings, a submission). */
export const SMALL_BODY_BYTES = 64 * 1024;

/**
 * Reads a request's body up front, bounded in size and time (see read-body.ts), and hands the routes a request whose
 * body is those bytes: their JSON parsers then never meet more than `maxBytes`, nor wait on a trickling client.
 */
export function boundedBody(options: { maxBytes: number; timeoutMs: number }): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD" || c.req.method === "OPTIONS") return next();
    const body = await readBody(c.req.raw, options);
    c.req.raw = new Request(c.req.raw, { body: body as Uint8Array<ArrayBuffer> });
    await next();
  };
}
