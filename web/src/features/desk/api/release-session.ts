import { useMutation, useQueryClient } from "@tanstack/react-query";
import { deskRequest } from "../../../lib/desk-request";
import { deskSessionKey } from "./get-desk-session";

/** POST /api/desk/sessions/:id/release: gives the session back to the queue. */
export function releaseSession(id: string): Promise<void> {
  return deskRequest<void>(`/sessions/${encodeURIComponent(id)}/release`, { method: "POST" });
}

export function useReleaseSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: releaseSession,
    onSettled: (_data, _error, id) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["desk", "inbox"] }),
        queryClient.invalidateQueries({ queryKey: deskSessionKey(id) }),
      ]),
  });
}
