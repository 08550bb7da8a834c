import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { WalkInSession } from "contract/desk";
import { deskRequest } from "../../../lib/desk-request";

/** POST /api/desk/sessions: a session for a customer at the desk, claimed by the agent, with its capture token. */
export function createWalkIn(reference: string): Promise<WalkInSession> {
  return deskRequest<WalkInSession>("/sessions", { method: "POST", body: { reference } });
}

export function useCreateWalkIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWalkIn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["desk", "inbox"] }),
  });
}
