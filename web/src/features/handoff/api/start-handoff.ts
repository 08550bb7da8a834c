import { useMutation } from "@tanstack/react-query";
import { type HandoffLink, SESSION_TOKEN_HEADER } from "contract/session";
import { ApiError, unwrap } from "../../../lib/api-error";

/** POST /api/customer/session/handoff: a short-lived, single-use link to the same session for the customer's phone. */
export async function startHandoff(sessionToken: string): Promise<HandoffLink> {
  let response: Response;
  try {
    response = await fetch("/api/customer/session/handoff", {
      method: "POST",
      headers: { [SESSION_TOKEN_HEADER]: sessionToken, accept: "application/json" },
      cache: "no-store",
    });
  } catch {
    throw new ApiError(0, "network_error", "The request did not reach the server.");
  }
  return unwrap<HandoffLink>(response);
}

export function useStartHandoff(sessionToken: string) {
  return useMutation({ mutationFn: () => startHandoff(sessionToken) });
}
