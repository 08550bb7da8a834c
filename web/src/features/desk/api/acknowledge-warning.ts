import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ReviewState } from "contract/review/review-state";
import { deskRequest } from "../../../lib/desk-request";
import { deskSessionKey } from "./get-desk-session";
import { updateReview } from "./save-edit";

export interface AcknowledgeInput {
  code: string;
  field?: string | undefined;
  reason: string;
  version: number;
}

/** POST /api/desk/sessions/:id/acknowledgements: a critical warning seen, with why it does not stop approval. */
export function acknowledgeWarning(sessionId: string, input: AcknowledgeInput): Promise<ReviewState> {
  return deskRequest<ReviewState>(`/sessions/${encodeURIComponent(sessionId)}/acknowledgements`, {
    method: "POST",
    body: input,
  });
}

export function useAcknowledgeWarning(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AcknowledgeInput) => acknowledgeWarning(sessionId, input),
    onSuccess: (review) => updateReview(queryClient, sessionId, review),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deskSessionKey(sessionId) }),
  });
}
