export type Mode = "customer" | "desk";

/** `/desk` is the agents' desk, everything else the customer's flow. */
export function modeFromPath(pathname: string): Mode {
  return /^\/desk\/?$/.test(pathname) ? "desk" : "customer";
}

/**
 * What a path says about a customer's verification link `/s/<token>`: none (the try-it flow), a token, or a link
 * that cannot hold one (shown as not valid without asking the server). The token is read from the path only: it
 * never goes into a query string, and leaves the page only in the X-Session-Token header of our own API calls.
 */
export type SessionLink = { kind: "none" } | { kind: "token"; token: string } | { kind: "malformed" };

export function sessionLinkFromPath(pathname: string): SessionLink {
  if (!pathname.startsWith("/s/")) return { kind: "none" };
  const match = /^\/s\/([A-Za-z0-9_-]{1,200})\/?$/.exec(pathname);
  return match?.[1] ? { kind: "token", token: match[1] } : { kind: "malformed" };
}
