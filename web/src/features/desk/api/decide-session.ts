import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { DecisionAnswer } from "contract/desk";
import type { DecisionOutcome } from "contract/review/decision";
import { deskRequest } from "../../../lib/desk-request";
import { deskSessionKey } from "./get-desk-session";
import { updateReview } from "./save-edit";

export interface DecideInput {
  outcome: DecisionOutcome;
  reason: string;
  version: number;
}

/** POST /api/desk/sessions/:id/decision: approve, reject or ask the customer for a retake. */
export function decideSession(sessionId: string, input: DecideInput): Promise<DecisionAnswer> {
  return deskRequest<DecisionAnswer>(`/sessions/${encodeURIComponent(sessionId)}/decision`, {
    method: "POST",
    body: input,
  });
}

export function useDecideSession(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DecideInput) => decideSession(sessionId, input),
    onSuccess: (answer) => updateReview(queryClient, sessionId, answer.review),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: deskSessionKey(sessionId) }),
        queryClient.invalidateQueries({ queryKey: ["desk", "inbox"] }),
      ]),
  });
}
