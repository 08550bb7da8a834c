import { useMutation, useQueryClient } from "@tanstack/react-query";
import { deskRequest, SIGNED_IN_AGENT_KEY } from "../../../lib/desk-request";

/** POST /api/desk/sign-out: ends the session on the server and clears its cookie. */
export function signOut(): Promise<void> {
  return deskRequest<void>("/sign-out", { method: "POST" });
}

/** Signs out and forgets everything the desk had loaded (sessions, images, the inbox), whatever the answer. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      queryClient.removeQueries({ queryKey: ["desk"] });
      queryClient.setQueryData(SIGNED_IN_AGENT_KEY, null);
    },
  });
}
