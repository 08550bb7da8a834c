import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import type { Inbox } from "contract/desk";
import type { SessionStatus } from "contract/session";
import { deskRequest } from "../../../lib/desk-request";

/** How often the inbox asks for new sessions while it is on screen. */
export const INBOX_POLL_MS = 5000;
export const INBOX_PAGE_SIZE = 50;

export interface InboxFilter {
  status: SessionStatus | null;
  /** A reference (prefix) or a document number (exact); empty for all. */
  search: string;
}

/** GET /api/desk/inbox: one page of the queue (submitted first, oldest first) and the counts per status. */
export function getInbox(filter: InboxFilter, cursor: string | null, signal?: AbortSignal): Promise<Inbox> {
  const params = new URLSearchParams({ limit: String(INBOX_PAGE_SIZE) });
  if (filter.status) params.set("status", filter.status);
  if (filter.search.trim()) params.set("q", filter.search.trim());
  if (cursor) params.set("cursor", cursor);
  return deskRequest<Inbox>(`/inbox?${params}`, { signal });
}

export const inboxQuery = (filter: InboxFilter) =>
  infiniteQueryOptions({
    queryKey: ["desk", "inbox", filter.status, filter.search.trim()],
    queryFn: ({ pageParam, signal }) => getInbox(filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // New sessions appear without a reload.
    refetchInterval: INBOX_POLL_MS,
    placeholderData: (previous) => previous,
  });

export function useInbox(filter: InboxFilter) {
  return useInfiniteQuery(inboxQuery(filter));
}
