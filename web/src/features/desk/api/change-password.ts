import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SignedInAgent } from "contract/desk";
import { deskRequest, SIGNED_IN_AGENT_KEY } from "../../../lib/desk-request";

export interface ChangePasswordInput {
  current: string;
  next: string;
}

/** POST /api/desk/password: the agent's new password (the first sign-in's one-time password must be changed). */
export function changePassword(input: ChangePasswordInput): Promise<SignedInAgent> {
  return deskRequest<SignedInAgent>("/password", { method: "POST", body: input });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: (agent) => queryClient.setQueryData(SIGNED_IN_AGENT_KEY, agent),
  });
}
