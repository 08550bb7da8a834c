import { queryOptions, useQuery } from "@tanstack/react-query";
import type { DeskSessionDetail } from "contract/desk";
import { deskRequest } from "../../../lib/desk-request";

/** How often an open session is read again (claims, another agent's review, the customer's retake). */
export const SESSION_POLL_MS = 10_000;

export const deskSessionKey = (id: string) => ["desk", "session", id] as const;

/** GET /api/desk/sessions/:id: the session, the read under review, the stored review and the audit trail. */
export function getDeskSession(id: string, signal?: AbortSignal): Promise<DeskSessionDetail> {
  return deskRequest<DeskSessionDetail>(`/sessions/${encodeURIComponent(id)}`, { signal });
}

export const deskSessionQuery = (id: string) =>
  queryOptions({
    queryKey: deskSessionKey(id),
    queryFn: ({ signal }) => getDeskSession(id, signal),
    refetchInterval: SESSION_POLL_MS,
  });

export function useDeskSession(id: string) {
  return useQuery(deskSessionQuery(id));
}
