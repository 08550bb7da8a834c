import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { DeskSessionDetail } from "contract/desk";
import type { ReviewFieldKey } from "contract/review/review-fields";
import type { ReviewState } from "contract/review/review-state";
import { deskRequest } from "../../../lib/desk-request";
import { deskSessionKey } from "./get-desk-session";

export interface EditInput {
  field: ReviewFieldKey;
  value: string;
  reason: string;
  /** The review version the edit was made on (a stale one is refused: review_conflict). */
  version: number;
}

/** POST /api/desk/sessions/:id/edits: stores the edit, re-checked against the MRZ's check digit; answers the review. */
export function saveEdit(sessionId: string, input: EditInput): Promise<ReviewState> {
  return deskRequest<ReviewState>(`/sessions/${encodeURIComponent(sessionId)}/edits`, { method: "POST", body: input });
}

export function useSaveEdit(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EditInput) => saveEdit(sessionId, input),
    onSuccess: (review) => updateReview(queryClient, sessionId, review),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deskSessionKey(sessionId) }),
  });
}

/** Puts an answered review into the session's cached detail at once (the audit trail follows on the refetch). */
export function updateReview(
  queryClient: ReturnType<typeof useQueryClient>,
  sessionId: string,
  review: ReviewState,
): void {
  queryClient.setQueryData<DeskSessionDetail>(deskSessionKey(sessionId), (detail) =>
    detail ? { ...detail, review } : detail,
  );
}
