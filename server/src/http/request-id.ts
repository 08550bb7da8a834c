import type { MiddlewareHandler } from "hono";
import type { RequestIdVariables } from "hono/request-id";
import type { ClientVariables } from "./client-address";

/** What an id a trusted proxy made looks like (a UUID, nginx's $request_id, a trace id): nothing else is kept. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{7,63}$/;

/**
 * Every request gets our own id (X-Request-Id on the response, in the log, in the result), as Envoy does for requests
 * from outside: a client-chosen id could collide with another request's or forge log lines. An id set by a trusted
 * proxy is kept when it has a safe shape, so the proxy's log and ours line up.
 */
export function requestId(): MiddlewareHandler<{ Variables: RequestIdVariables & ClientVariables }> {
  return async (c, next) => {
    const offered = c.req.header("x-request-id");
    const id = c.get("viaTrustedProxy") && offered && SAFE_ID.test(offered) ? offered : crypto.randomUUID();
    c.set("requestId", id);
    c.header("X-Request-Id", id);
    await next();
  };
}
