import type { Inbox } from "contract/desk";
import { SESSION_STATUSES, type SessionStatus } from "contract/session";
import type { DataKeys } from "../storage/data-key";
import type { Queryable } from "../storage/database";

export interface InboxQuery {
  status?: SessionStatus | undefined;
  /** A reference (prefix) or a document number (exact). */
  search?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** Order: submitted first (the work), then the rest; oldest first within a status, so nothing waits forever. */
const PRIORITY = `case s.status when 'submitted' then 0 when 'retake_requested' then 1 when 'in_progress' then 2
  when 'created' then 3 else 4 end`;

/** The desk's queue of sessions, with counts per status. Keyset pagination over (priority, time, id). */
export async function readInbox(db: Queryable, keys: DataKeys, query: InboxQuery): Promise<Inbox> {
  const search = query.search?.trim() || null;
  const documentIndex = search ? await keys.blindIndex(search) : null;
  const after = query.cursor ? (JSON.parse(atob(query.cursor)) as [number, string, string]) : null;
  const rows = await db.query<{
    id: string;
    reference: string;
    status: SessionStatus;
    created_at: Date;
    submitted_at: Date | null;
    decided_at: Date | null;
    claimed_by: string | null;
    email: string | null;
    awaiting_second_review: boolean;
    origin: string;
    erased_at: Date | null;
    priority: number;
    sort_at: Date;
  }>(
    `select * from (
       select s.id, s.reference, s.status, s.created_at, s.submitted_at, s.decided_at, s.claimed_by, a.email,
         s.awaiting_second_review, coalesce(k.name, 'desk') as origin, s.erased_at,
         ${PRIORITY} as priority, coalesce(s.submitted_at, s.created_at) as sort_at
       from sessions s left join agents a on a.id = s.claimed_by left join api_keys k on k.id = s.api_key_id
       where ($1::text is null or s.status = $1)
         and ($2::text is null or s.reference ilike $2 || '%' or s.document_number_index = $3)
     ) q
     where ($4::int is null or (q.priority, q.sort_at, q.id) > ($4::int, $5::timestamptz, $6::text))
     order by q.priority, q.sort_at, q.id
     limit $7`,
    [
      query.status ?? null,
      search?.replace(/[\\%_]/g, (c) => `\\${c}`) ?? null,
      documentIndex,
      after?.[0] ?? null,
      after ? new Date(after[1]) : null,
      after?.[2] ?? null,
      query.limit + 1,
    ],
  );
  const counted = await db.query<{ status: SessionStatus; n: number }>(
    "select status, count(*)::int as n from sessions group by status",
  );
  const counts = Object.fromEntries(SESSION_STATUSES.map((s) => [s, 0])) as Record<SessionStatus, number>;
  for (const row of counted) counts[row.status] = row.n;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    counts,
    items: page.map((r) => ({
      id: r.id,
      reference: r.reference,
      status: r.status,
      createdAt: r.created_at.toISOString(),
      submittedAt: r.submitted_at?.toISOString() ?? null,
      decidedAt: r.decided_at?.toISOString() ?? null,
      claimedBy: r.claimed_by ? { id: r.claimed_by, email: r.email ?? "" } : null,
      awaitingSecondReview: r.awaiting_second_review,
      origin: r.origin,
      erased: r.erased_at !== null,
    })),
    nextCursor:
      rows.length > query.limit && last
        ? btoa(JSON.stringify([last.priority, last.sort_at.toISOString(), last.id]))
        : null,
  };
}
