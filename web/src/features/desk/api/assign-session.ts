import { useMutation, useQueryClient } from "@tanstack/react-query";
import { deskRequest } from "../../../lib/desk-request";
import { deskSessionKey } from "./get-desk-session";

export interface AssignInput {
  sessionId: string;
  agentId: string;
}

/** POST /api/desk/sessions/:id/assign (supervisors): hands the session to another agent. */
export function assignSession({ sessionId, agentId }: AssignInput): Promise<void> {
  return deskRequest<void>(`/sessions/${encodeURIComponent(sessionId)}/assign`, {
    method: "POST",
    body: { agentId },
  });
}

export function useAssignSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: assignSession,
    onSettled: (_data, _error, { sessionId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["desk", "inbox"] }),
        queryClient.invalidateQueries({ queryKey: deskSessionKey(sessionId) }),
      ]),
  });
}
