/**
 * Where the customer goes after submitting: the integrator's redirectUrl with `session` and `status` set in its
 * query (other parameters kept). Only http(s) URLs; anything else (the server validates it) yields null.
 */
export function redirectTarget(redirectUrl: string | null, sessionId: string, status: string): URL | null {
  if (!redirectUrl) return null;
  let url: URL;
  try {
    url = new URL(redirectUrl);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  url.searchParams.set("session", sessionId);
  url.searchParams.set("status", status);
  return url;
}
