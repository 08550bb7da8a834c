import { type CustomerSession, SESSION_TOKEN_HEADER } from "contract/session";
import { ApiError, unwrap } from "../../lib/api-error";

/** The customer's session API. The link's token travels in a header, never in a URL (logs, history, referrers). */
async function call(path: string, token: string, init: RequestInit = {}): Promise<CustomerSession> {
  let response: Response;
  try {
    response = await fetch(`/api/customer/session${path}`, {
      ...init,
      headers: { ...init.headers, [SESSION_TOKEN_HEADER]: token, accept: "application/json" },
      cache: "no-store",
    });
  } catch {
    throw new ApiError(0, "network_error", "The request did not reach the server.");
  }
  return unwrap<CustomerSession>(response);
}

/** Opens the link's session (the first opening moves it to in_progress). */
export function openCustomerSession(token: string): Promise<CustomerSession> {
  return call("", token);
}

/** Submits the confirmed read; the server answers a repeated submission of the same capture as it did the first. */
export function submitCustomerSession(token: string, captureId: string): Promise<CustomerSession> {
  return call("/submit", token, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ captureId, confirmed: true }),
  });
}

/** A failure worth repeating by itself: the request may not have arrived, and repeating a submission is safe. */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof ApiError && error.code === "network_error";
}
