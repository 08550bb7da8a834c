import { EMPTY_REVIEW, type ReviewState } from "contract/review/review-state";
import { AppError } from "../errors";
import { type DataKeys, openJson, sealJson } from "../storage/data-key";
import type { Queryable } from "../storage/database";

const place = (sessionId: string) => `session.review:${sessionId}`;

/** The desk's review of a session (sealed at rest: edits hold personal data), or the empty review. */
export async function reviewOf(db: Queryable, keys: DataKeys, sessionId: string): Promise<ReviewState> {
  const [row] = await db.query<{ review_sealed: Uint8Array | null; review_version: number }>(
    "select review_sealed, review_version from sessions where id = $1",
    [sessionId],
  );
  if (!row) throw new AppError("session_not_found");
  if (!row.review_sealed) return { ...EMPTY_REVIEW, version: row.review_version };
  return { ...(await openJson<ReviewState>(keys, row.review_sealed, place(sessionId))), version: row.review_version };
}

/**
 * Stores `next` if the stored review is still at `expectedVersion` (optimistic concurrency: two agents cannot
 * overwrite each other's changes unseen); returns it with its new version.
 */
export async function saveReview(
  db: Queryable,
  keys: DataKeys,
  sessionId: string,
  next: ReviewState,
  expectedVersion: number,
  extra: { awaitingSecondReview?: boolean } = {},
): Promise<ReviewState> {
  const version = expectedVersion + 1;
  const stored = { ...next, version };
  const rows = await db.query(
    `update sessions set review_sealed = $3, review_version = $4,
       awaiting_second_review = coalesce($5, awaiting_second_review)
     where id = $1 and review_version = $2 returning id`,
    [
      sessionId,
      expectedVersion,
      await sealJson(keys, stored, place(sessionId)),
      version,
      extra.awaitingSecondReview ?? null,
    ],
  );
  if (rows.length === 0) throw new AppError("review_conflict");
  return stored;
}
