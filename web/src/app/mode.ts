export type Mode = "customer" | "desk";

/** `/desk` and the pages under it are the agents' desk, everything else the customer's flow. */
export function modeFromPath(pathname: string): Mode {
  return /^\/desk(\/|$)/.test(pathname) ? "desk" : "customer";
}

/**
 * What a path says about a customer's verification link `/s/<token>`: none (the try-it flow), a token, or a link
 * that cannot hold one (shown as not valid without asking the server). The token is read from the path only: it
 * never goes into a query string, and leaves the page only in the X-Session-Token header of our own API calls.
 */
export type SessionLink =
  | { kind: "none" }
  | { kind: "token"; token: string }
  /** A cross-device link `/h/<token>` from a computer's QR code, redeemed once for a token of this phone's own. */
  | { kind: "handoff"; token: string }
  | { kind: "malformed" };

export function sessionLinkFromPath(pathname: string): SessionLink {
  const prefix = /^\/([sh])\//.exec(pathname)?.[1];
  if (!prefix) return { kind: "none" };
  const match = /^\/[sh]\/([A-Za-z0-9_-]{1,200})\/?$/.exec(pathname);
  if (!match?.[1]) return { kind: "malformed" };
  return { kind: prefix === "s" ? "token" : "handoff", token: match[1] };
}
