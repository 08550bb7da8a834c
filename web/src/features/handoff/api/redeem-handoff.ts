import { useMutation } from "@tanstack/react-query";
import { ApiError, unwrap } from "../../../lib/api-error";

/** POST /api/customer/handoff/redeem: the phone exchanges the link's token, once, for a device token of its own. */
export async function redeemHandoff(linkToken: string): Promise<{ deviceToken: string }> {
  let response: Response;
  try {
    response = await fetch("/api/customer/handoff/redeem", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ token: linkToken }),
      cache: "no-store",
    });
  } catch {
    throw new ApiError(0, "network_error", "The request did not reach the server.");
  }
  return unwrap<{ deviceToken: string }>(response);
}

export function useRedeemHandoff() {
  return useMutation({ mutationFn: redeemHandoff });
}
