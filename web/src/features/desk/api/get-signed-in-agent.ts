import { queryOptions, useQuery } from "@tanstack/react-query";
import type { SignedInAgent } from "contract/desk";
import { ApiError } from "../../../lib/api-error";
import { deskRequest, SIGNED_IN_AGENT_KEY } from "../../../lib/desk-request";

/** GET /api/desk/me: the signed-in agent, or null when nobody is signed in on this browser. */
export async function getSignedInAgent(): Promise<SignedInAgent | null> {
  try {
    return await deskRequest<SignedInAgent>("/me");
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_signed_in") return null;
    throw error;
  }
}

export const signedInAgentQuery = () =>
  queryOptions({ queryKey: SIGNED_IN_AGENT_KEY, queryFn: getSignedInAgent, staleTime: Number.POSITIVE_INFINITY });

export function useSignedInAgent() {
  return useQuery(signedInAgentQuery());
}
