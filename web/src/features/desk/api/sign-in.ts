import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SignedInAgent } from "contract/desk";
import { deskRequest, SIGNED_IN_AGENT_KEY } from "../../../lib/desk-request";

export interface SignInInput {
  email: string;
  password: string;
}

/** POST /api/desk/sign-in: sets the session cookie (HttpOnly) and answers the agent with the CSRF token. */
export function signIn(input: SignInInput): Promise<SignedInAgent> {
  return deskRequest<SignedInAgent>("/sign-in", { method: "POST", body: input });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (agent) => queryClient.setQueryData(SIGNED_IN_AGENT_KEY, agent),
  });
}
