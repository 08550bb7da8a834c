import { useMutation, useQueryClient } from "@tanstack/react-query";
import { deskRequest } from "../../../lib/desk-request";
import { deskSessionKey } from "./get-desk-session";

/** POST /api/desk/sessions/:id/claim: the agent takes the session for review (others see who has it). */
export function claimSession(id: string): Promise<void> {
  return deskRequest<void>(`/sessions/${encodeURIComponent(id)}/claim`, { method: "POST" });
}

export function useClaimSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: claimSession,
    onSettled: (_data, _error, id) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["desk", "inbox"] }),
        queryClient.invalidateQueries({ queryKey: deskSessionKey(id) }),
      ]),
  });
}
