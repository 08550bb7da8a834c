import type { PassportResult } from "contract/result";
import type { SessionStatus } from "contract/session";
import { type DataKeys, openJson, sealJson } from "../storage/data-key";
import type { Queryable } from "../storage/database";
import { newId, newSecret, secretHash } from "../storage/random-id";

/** One row of `sessions` (no personal data outside the sealed decision). */
export interface SessionRecord {
  id: string;
  apiKeyId: string | null;
  reference: string;
  status: SessionStatus;
  redirectUrl: string | null;
  webhookUrl: string | null;
  locale: string;
  maxReads: number;
  readsUsed: number;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
  openedAt: Date | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  erasedAt: Date | null;
  customerConfirmed: boolean | null;
  submittedCaptureId: string | null;
}

interface SessionRow {
  id: string;
  api_key_id: string | null;
  reference: string;
  status: SessionStatus;
  redirect_url: string | null;
  webhook_url: string | null;
  locale: string;
  max_reads: number;
  reads_used: number;
  created_at: Date;
  updated_at: Date;
  expires_at: Date;
  opened_at: Date | null;
  submitted_at: Date | null;
  decided_at: Date | null;
  erased_at: Date | null;
  customer_confirmed: boolean | null;
  submitted_capture_id: string | null;
}

export const toSessionRecord = (row: SessionRow): SessionRecord => ({
  id: row.id,
  apiKeyId: row.api_key_id,
  reference: row.reference,
  status: row.status,
  redirectUrl: row.redirect_url,
  webhookUrl: row.webhook_url,
  locale: row.locale,
  maxReads: row.max_reads,
  readsUsed: row.reads_used,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  expiresAt: row.expires_at,
  openedAt: row.opened_at,
  submittedAt: row.submitted_at,
  decidedAt: row.decided_at,
  erasedAt: row.erased_at,
  customerConfirmed: row.customer_confirmed,
  submittedCaptureId: row.submitted_capture_id,
});

const SESSION_COLUMNS = `id, api_key_id, reference, status, redirect_url, webhook_url, locale, max_reads, reads_used,
  created_at, updated_at, expires_at, opened_at, submitted_at, decided_at, erased_at, customer_confirmed,
  submitted_capture_id`;

export interface NewSession {
  apiKeyId: string | null;
  reference: string;
  redirectUrl?: string | undefined;
  webhookUrl?: string | undefined;
  locale: string;
  expiresAt: Date;
  maxReads: number;
  createdByAgent?: string | undefined;
}

/** Creates a session and its link token (returned once; only its hash is stored). */
export async function insertSession(
  db: Queryable,
  input: NewSession,
  now: Date,
): Promise<{ session: SessionRecord; token: string }> {
  const token = newSecret(256);
  const [row] = await db.query<SessionRow>(
    `insert into sessions (id, api_key_id, reference, status, token_hash, redirect_url, webhook_url, locale,
       max_reads, created_at, updated_at, expires_at, created_by_agent, claimed_by, claimed_at)
     values ($1, $2, $3, 'created', $4, $5, $6, $7, $8, $9, $9, $10, $11, $11, case when $11::text is null then null else $9::timestamptz end)
     returning ${SESSION_COLUMNS}`,
    [
      newId("ses"),
      input.apiKeyId,
      input.reference,
      await secretHash(token),
      input.redirectUrl ?? null,
      input.webhookUrl ?? null,
      input.locale,
      input.maxReads,
      now,
      input.expiresAt,
      input.createdByAgent ?? null,
    ],
  );
  return { session: toSessionRecord(row!), token };
}

/**
 * The session a customer's token opens: the link's own token, or a device token a cross-device handoff gave a phone
 * (handoff.ts), valid while the session is.
 */
export async function sessionByToken(db: Queryable, token: string, lock = false): Promise<SessionRecord | null> {
  if (token.length < 20 || token.length > 100) return null;
  const hash = await secretHash(token);
  const rows = await db.query<SessionRow>(
    `select ${SESSION_COLUMNS} from sessions
     where token_hash = $1
        or id = (select session_id from handoff_tokens where token_hash = $1 and redeemed_at is not null)
     ${lock ? "for update" : ""}`,
    [hash],
  );
  return rows[0] ? toSessionRecord(rows[0]) : null;
}

export async function sessionById(db: Queryable, id: string, lock = false): Promise<SessionRecord | null> {
  const rows = await db.query<SessionRow>(
    `select ${SESSION_COLUMNS} from sessions where id = $1${lock ? " for update" : ""}`,
    [id],
  );
  return rows[0] ? toSessionRecord(rows[0]) : null;
}

/** Moves a session to `status`, stamping the matching time column; returns the updated record. */
export async function setSessionStatus(
  db: Queryable,
  id: string,
  status: SessionStatus,
  now: Date,
  extra: {
    openedAt?: boolean;
    submittedCaptureId?: string;
    customerConfirmed?: boolean;
    documentNumberIndex?: Uint8Array;
  } = {},
): Promise<SessionRecord> {
  const stamp =
    status === "submitted"
      ? ", submitted_at = $3"
      : status === "approved" || status === "rejected" || status === "retake_requested"
        ? ", decided_at = $3"
        : "";
  const [row] = await db.query<SessionRow>(
    `update sessions set status = $2, updated_at = $3${stamp}
       ${extra.openedAt ? ", opened_at = coalesce(opened_at, $3)" : ""}
       , submitted_capture_id = coalesce($4, submitted_capture_id)
       , customer_confirmed = coalesce($5, customer_confirmed)
       , document_number_index = coalesce($6, document_number_index)
     where id = $1 returning ${SESSION_COLUMNS}`,
    [
      id,
      status,
      now,
      extra.submittedCaptureId ?? null,
      extra.customerConfirmed ?? null,
      extra.documentNumberIndex ?? null,
    ],
  );
  if (!row) throw new Error(`no session ${id}`);
  return toSessionRecord(row);
}

/**
 * Takes one read from the session's allowance, atomically (two reads at once cannot both take the last one).
 * Null when the session cannot take a read now; the caller looks at the session to say why.
 */
export async function takeRead(db: Queryable, sessionId: string, now: Date): Promise<SessionRecord | null> {
  const rows = await db.query<SessionRow>(
    `update sessions set reads_used = reads_used + 1, updated_at = $2
     where id = $1 and status in ('created', 'in_progress', 'retake_requested') and erased_at is null
       and expires_at > $2 and reads_used < max_reads
     returning ${SESSION_COLUMNS}`,
    [sessionId, now],
  );
  return rows[0] ? toSessionRecord(rows[0]) : null;
}

export interface StoredCapture {
  id: string;
  sessionId: string;
  createdAt: Date;
  mediaType: string | null;
  erasedAt: Date | null;
}

const imagePlace = (id: string) => `capture.image:${id}`;
const resultPlace = (id: string) => `capture.result:${id}`;

/** Stores one read (image and result, sealed) on its session. */
export async function insertCapture(
  db: Queryable,
  keys: DataKeys,
  input: { sessionId: string; image: Uint8Array; mediaType: string; result: PassportResult },
  now: Date,
): Promise<StoredCapture> {
  const id = newId("cap");
  await db.query(
    `insert into captures (id, session_id, created_at, media_type, image_sealed, result_sealed)
     values ($1, $2, $3, $4, $5, $6)`,
    [
      id,
      input.sessionId,
      now,
      input.mediaType,
      await keys.seal(input.image, imagePlace(id)),
      await sealJson(keys, input.result, resultPlace(id)),
    ],
  );
  return { id, sessionId: input.sessionId, createdAt: now, mediaType: input.mediaType, erasedAt: null };
}

interface CaptureRow {
  id: string;
  session_id: string;
  created_at: Date;
  media_type: string | null;
  erased_at: Date | null;
  image_sealed?: Uint8Array | null;
  result_sealed?: Uint8Array | null;
}

const toCapture = (row: CaptureRow): StoredCapture => ({
  id: row.id,
  sessionId: row.session_id,
  createdAt: row.created_at,
  mediaType: row.media_type,
  erasedAt: row.erased_at,
});

export async function captureOf(db: Queryable, sessionId: string, captureId: string): Promise<StoredCapture | null> {
  const rows = await db.query<CaptureRow>(
    "select id, session_id, created_at, media_type, erased_at from captures where id = $1 and session_id = $2",
    [captureId, sessionId],
  );
  return rows[0] ? toCapture(rows[0]) : null;
}

export async function capturesOf(db: Queryable, sessionId: string): Promise<StoredCapture[]> {
  const rows = await db.query<CaptureRow>(
    "select id, session_id, created_at, media_type, erased_at from captures where session_id = $1 order by created_at, id",
    [sessionId],
  );
  return rows.map(toCapture);
}

export async function captureResult(db: Queryable, keys: DataKeys, captureId: string): Promise<PassportResult | null> {
  const [row] = await db.query<{ result_sealed: Uint8Array | null }>(
    "select result_sealed from captures where id = $1",
    [captureId],
  );
  if (!row?.result_sealed) return null;
  return openJson<PassportResult>(keys, row.result_sealed, resultPlace(captureId));
}

export async function captureImage(
  db: Queryable,
  keys: DataKeys,
  captureId: string,
): Promise<{ bytes: Uint8Array; mediaType: string } | null> {
  const [row] = await db.query<{ image_sealed: Uint8Array | null; media_type: string | null }>(
    "select image_sealed, media_type from captures where id = $1",
    [captureId],
  );
  if (!row?.image_sealed || !row.media_type) return null;
  return { bytes: await keys.open(row.image_sealed, imagePlace(captureId)), mediaType: row.media_type };
}

/**
 * Erases a session's images and personal data and leaves its tombstone (id, reference, status, timestamps, counters).
 * Returns false when it was erased already.
 */
export async function eraseSession(db: Queryable, id: string, now: Date): Promise<boolean> {
  await db.query(
    `update captures set image_sealed = null, result_sealed = null, media_type = null, erased_at = $2
     where session_id = $1 and erased_at is null`,
    [id, now],
  );
  await db.query("update audit_events set detail_sealed = null where session_id = $1", [id]);
  const rows = await db.query(
    `update sessions set erased_at = $2, updated_at = $2, document_number_index = null,
       redirect_url = null, webhook_url = null, review_sealed = null
     where id = $1 and erased_at is null returning id`,
    [id, now],
  );
  return rows.length > 0;
}

export interface SessionFilter {
  apiKeyId: string;
  status?: SessionStatus | undefined;
  reference?: string | undefined;
  /** Newest first; the page after (createdAt, id). */
  after?: { createdAt: Date; id: string } | undefined;
  limit: number;
}

/** One page of a key's sessions, newest first (keyset pagination on created_at, id). */
export async function listSessions(db: Queryable, filter: SessionFilter): Promise<SessionRecord[]> {
  const rows = await db.query<SessionRow>(
    `select ${SESSION_COLUMNS} from sessions
     where api_key_id = $1
       and ($2::text is null or status = $2)
       and ($3::text is null or reference = $3)
       and ($4::timestamptz is null or (created_at, id) < ($4::timestamptz, $5::text))
     order by created_at desc, id desc
     limit $6`,
    [
      filter.apiKeyId,
      filter.status ?? null,
      filter.reference ?? null,
      filter.after?.createdAt ?? null,
      filter.after?.id ?? null,
      filter.limit,
    ],
  );
  return rows.map(toSessionRecord);
}
