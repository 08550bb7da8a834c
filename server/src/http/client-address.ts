import type { Context, MiddlewareHandler } from "hono";
import { clientKeyOf, type IpBytes, type IpRange, inRange, parseIp } from "./ip-address";

/** What every later middleware and route knows about where a request came from. */
export interface ClientVariables {
  /** The key the client is counted under: its IPv4 address or its IPv6 /64, or "unknown". */
  clientAddress: string;
  /** The client's own address, parsed (null when the runtime gave none). */
  clientIp: IpBytes | null;
  /** The request reached us through a trusted proxy, so its forwarding headers were honoured. */
  viaTrustedProxy: boolean;
  /** Our origin as the browser sees it: the scheme from X-Forwarded-Proto when a trusted proxy set it. */
  requestOrigin: string;
}

export interface ClientAddressOptions {
  /** The socket's peer address (the runtime knows it; app.ts does not). */
  remoteAddress: (c: Context) => string | undefined;
  /** Proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (TRUSTED_PROXIES). */
  trustedProxies: readonly IpRange[];
}

/**
 * The client's address: the socket's peer, or, when that peer is a trusted proxy, the right-most X-Forwarded-For hop
 * that is not itself a trusted proxy (what nginx's real_ip_recursive and Envoy's trusted hops do). Hops to the left of
 * it were written by the client and are ignored; a hop that is not an IP address stops the walk at the proxy that
 * passed it on. An untrusted peer's forwarding headers are ignored entirely.
 */
export function resolveClient(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trusted: readonly IpRange[],
): { ip: IpBytes | null; viaTrustedProxy: boolean } {
  const isTrusted = (ip: IpBytes) => trusted.some((range) => inRange(ip, range));
  let ip = peer === undefined ? null : parseIp(peer);
  if (!ip || !isTrusted(ip)) return { ip, viaTrustedProxy: false };
  const hops = (forwardedFor ?? "").split(",");
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]?.trim();
    if (!hop) continue;
    const parsed = parseIp(hop);
    if (!parsed) break;
    ip = parsed;
    if (!isTrusted(parsed)) break;
  }
  return { ip, viaTrustedProxy: true };
}

/** Sets ClientVariables for every request. */
export function clientAddress(options: ClientAddressOptions): MiddlewareHandler<{ Variables: ClientVariables }> {
  return async (c, next) => {
    const { ip, viaTrustedProxy } = resolveClient(
      options.remoteAddress(c),
      c.req.header("x-forwarded-for"),
      options.trustedProxies,
    );
    const url = new URL(c.req.url);
    // The proxy next to us sets the scheme; a list means proxies appended, and the right-most is the nearest one's.
    const forwardedProto = viaTrustedProxy ? c.req.header("x-forwarded-proto")?.split(",").at(-1)?.trim() : undefined;
    const scheme = forwardedProto === "https" || forwardedProto === "http" ? `${forwardedProto}:` : url.protocol;
    c.set("clientIp", ip);
    c.set("clientAddress", ip ? clientKeyOf(ip) : "unknown");
    c.set("viaTrustedProxy", viaTrustedProxy);
    c.set("requestOrigin", new URL(`${scheme}//${url.host}`).origin);
    await next();
  };
}
