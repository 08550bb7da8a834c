import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { AppError } from "../errors";
import type { ClientVariables } from "./client-address";

/**
 * Same-origin by default: a browser request from another origin is refused with 403 before any work is done
 * (a multipart POST is a "simple" request, so CORS headers alone would not stop it from costing an upstream call).
 * Our origin is the request's own as the browser sees it (behind a trusted HTTPS proxy, its X-Forwarded-Proto) and
 * PUBLIC_URL's. Origins on the allow-list get CORS headers and pass. Requests without an Origin header (curl, servers)
 * pass.
 */
export function originGuard(
  allowOrigins: readonly string[],
  publicUrl?: string,
): MiddlewareHandler<{ Variables: ClientVariables }>[] {
  const allowed = new Set(allowOrigins.map((o) => o.replace(/\/$/, "")));
  const publicOrigin = publicUrl ? new URL(publicUrl).origin : undefined;
  const guard: MiddlewareHandler<{ Variables: ClientVariables }> = async (c, next) => {
    const origin = c.req.header("origin");
    if (origin && origin !== c.get("requestOrigin") && origin !== publicOrigin && !allowed.has(origin)) {
      throw new AppError("origin_not_allowed");
    }
    await next();
  };
  if (allowed.size === 0) return [guard];
  return [
    cors({ origin: (origin) => (allowed.has(origin) ? origin : null), allowMethods: ["GET", "POST"], maxAge: 600 }),
    guard,
  ];
}
