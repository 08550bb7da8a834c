import type { MiddlewareHandler } from "hono";

/**
 * API answers carry personal data (names, numbers, birth dates, portraits, session results, images): no cache, shared
 * or private, may keep them (OWASP REST Security: `Cache-Control: no-store` on sensitive responses). A route that set
 * its own policy (static files of the API reference) keeps it.
 */
export function noStore(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has("cache-control")) c.header("Cache-Control", "no-store");
  };
}
