import { useMutation, useQuery } from "@tanstack/react-query";
import type { CustomerSession } from "contract/session";
import { storeDeviceToken, storedDeviceToken } from "./device-token";
import { isNetworkFailure, openCustomerSession, redeemHandoff, submitCustomerSession } from "./session-api";

/** Repeats a call only when it may not have arrived: both calls are safe to repeat. */
const retryOnNetwork = (count: number, error: unknown) => isNetworkFailure(error) && count < 2;
const retryDelay = (attempt: number) => 400 * 2 ** attempt;

/** How often a computer that handed the session to a phone looks at it again. */
const FOLLOW_MS = 3000;

/**
 * The verification link's session, opened once (null token: the try-it flow, nothing to open); followed every few
 * seconds while `follow` is set (the customer continues on a phone).
 */
export function useCustomerSession(token: string | null, follow = false) {
  return useQuery({
    queryKey: ["customer-session", token],
    queryFn: () => openCustomerSession(token as string),
    enabled: token !== null,
    retry: retryOnNetwork,
    retryDelay,
    staleTime: Number.POSITIVE_INFINITY,
    refetchInterval: follow ? FOLLOW_MS : false,
  });
}

/**
 * The phone's side of a handoff link: redeemed once (a query, so a second render or mount shares the one request;
 * the link works only once), for this phone's own token, which this tab keeps for reloads (device-token.ts).
 */
export function useRedeemedHandoff(linkToken: string | null) {
  return useQuery({
    queryKey: ["handoff", linkToken],
    queryFn: async () => {
      const link = linkToken as string;
      const kept = storedDeviceToken(link);
      if (kept) return { deviceToken: kept };
      const redeemed = await redeemHandoff(link);
      storeDeviceToken(link, redeemed.deviceToken);
      return redeemed;
    },
    enabled: linkToken !== null,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}

/** Submits the confirmed capture: one request, repeated only after a network failure (the server answers alike). */
export function useSubmitSession(token: string | null) {
  return useMutation<CustomerSession, unknown, string>({
    mutationFn: (captureId) => submitCustomerSession(token as string, captureId),
    retry: retryOnNetwork,
    retryDelay,
  });
}

/** Statuses in which the customer has nothing more to do: the finished screen. */
export function isFinished(status: CustomerSession["status"]): boolean {
  return status === "submitted" || status === "approved" || status === "rejected";
}
