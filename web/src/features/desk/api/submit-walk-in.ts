import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type CustomerSession, SESSION_TOKEN_HEADER } from "contract/session";
import { ApiError, unwrap } from "../../../lib/api-error";

export interface SubmitWalkInInput {
  token: string;
  captureId: string;
}

/**
 * POST /api/customer/session/submit for a walk-in: the customer, in front of the agent, has confirmed the read, which
 * becomes the session's submission (the same call the customer's own link makes).
 */
export async function submitWalkIn({ token, captureId }: SubmitWalkInInput): Promise<CustomerSession> {
  let response: Response;
  try {
    response = await fetch("/api/customer/session/submit", {
      method: "POST",
      headers: { [SESSION_TOKEN_HEADER]: token, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ captureId, confirmed: true }),
      cache: "no-store",
    });
  } catch {
    throw new ApiError(0, "network_error", "The request did not reach the server.");
  }
  return unwrap<CustomerSession>(response);
}

export function useSubmitWalkIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitWalkIn,
    onSuccess: (session) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["desk", "inbox"] }),
        queryClient.invalidateQueries({ queryKey: ["desk", "session", session.sessionId] }),
      ]),
  });
}
