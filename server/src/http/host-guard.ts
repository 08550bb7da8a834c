import type { MiddlewareHandler } from "hono";
import { AppError } from "../errors";
import { parseIp } from "./ip-address";

/**
 * Answers only to the host names we are: ALLOWED_HOSTS (exact names; `.example.com` for the domain and its
 * subdomains; `*` for any), PUBLIC_URL's host, localhost, and IP addresses. A DNS-rebinding page reaches us under its
 * own name with its own origin, which the origin check cannot tell from ours; the Host header can. IP addresses are
 * always accepted because rebinding needs a name (the rule Vite's dev server follows).
 */
export function hostGuard(options: {
  allowedHosts: readonly string[];
  publicUrl?: string | undefined;
}): MiddlewareHandler {
  const entries = options.allowedHosts.map((h) => h.trim().toLowerCase()).filter(Boolean);
  if (options.publicUrl) entries.push(new URL(options.publicUrl).hostname.toLowerCase());
  const anyHost = entries.includes("*");
  const allowed = (host: string) =>
    anyHost ||
    parseIp(host) !== null ||
    host === "localhost" ||
    host.endsWith(".localhost") ||
    entries.some((entry) => (entry.startsWith(".") ? host === entry.slice(1) || host.endsWith(entry) : host === entry));
  return async (c, next) => {
    const host = new URL(c.req.url).hostname.toLowerCase().replace(/\.$/, "");
    if (!allowed(host)) throw new AppError("host_not_allowed");
    await next();
  };
}
