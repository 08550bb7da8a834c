import { type CustomerSession, type HandoffLink, SESSION_TOKEN_HEADER } from "contract/session";
import { ApiError, unwrap } from "../../lib/api-error";

/** The customer's API. The link's token travels in a header, never in a URL (logs, history, referrers). */
async function call<T = CustomerSession>(path: string, token: string | null, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/customer${path}`, {
      ...init,
      headers: { ...init.headers, ...(token ? { [SESSION_TOKEN_HEADER]: token } : {}), accept: "application/json" },
      cache: "no-store",
    });
  } catch {
    throw new ApiError(0, "network_error", "The request did not reach the server.");
  }
  return unwrap<T>(response);
}

/** Opens the link's session (the first opening moves it to in_progress). */
export function openCustomerSession(token: string): Promise<CustomerSession> {
  return call("/session", token);
}

/** Submits the confirmed read; the server answers a repeated submission of the same capture as it did the first. */
export function submitCustomerSession(token: string, captureId: string): Promise<CustomerSession> {
  return call("/session/submit", token, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ captureId, confirmed: true }),
  });
}

/** A link for the customer's phone (a QR code on this computer), valid for a few minutes. */
export function startHandoff(token: string): Promise<HandoffLink> {
  return call<HandoffLink>("/session/handoff", token, { method: "POST" });
}

/** The phone's side: the link's token, once, for a device token of its own for the same session. */
export function redeemHandoff(linkToken: string): Promise<{ deviceToken: string }> {
  return call<{ deviceToken: string }>("/handoff/redeem", null, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: linkToken }),
  });
}

/** A failure worth repeating by itself: the request may not have arrived, and repeating a submission is safe. */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof ApiError && error.code === "network_error";
}
