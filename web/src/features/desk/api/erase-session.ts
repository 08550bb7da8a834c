import { useMutation, useQueryClient } from "@tanstack/react-query";
import { deskRequest } from "../../../lib/desk-request";
import { deskSessionKey } from "./get-desk-session";

/** DELETE /api/desk/sessions/:id (supervisors): erases the images and personal data now; the audit trail stays. */
export function eraseSession(id: string): Promise<void> {
  return deskRequest<void>(`/sessions/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export function useEraseSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: eraseSession,
    onSuccess: (_data, id) => queryClient.removeQueries({ queryKey: ["desk", "image", id] }),
    onSettled: (_data, _error, id) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: deskSessionKey(id) }),
        queryClient.invalidateQueries({ queryKey: ["desk", "inbox"] }),
      ]),
  });
}
