import type { PassportResult } from "contract/result";
import { type CaptureReceipt, type CustomerSession, OPEN_STATUSES, type SessionStatus } from "contract/session";
import { AppError } from "../errors";
import { assertSubmittable, type SubmitPolicy } from "../policy/submit-check";
import type { DataKeys } from "../storage/data-key";
import type { Database, Queryable } from "../storage/database";
import { enqueueWebhook, type WebhookEvent } from "../webhooks/outbox";
import {
  captureImage,
  captureOf,
  captureResult,
  eraseSession,
  insertCapture,
  insertSession,
  type NewSession,
  type SessionRecord,
  sessionById,
  sessionByToken,
  setSessionStatus,
  takeRead,
  toSessionRecord,
} from "./session-store";

export interface SessionServiceDeps {
  db: Database;
  keys: DataKeys;
  clock?: () => Date;
  /** Called after a commit that queued a webhook, so delivery starts at once. */
  onWebhookQueued?: () => void;
  /** The operator's policies a read must pass to be submitted (none: every read can be). */
  policy?: SubmitPolicy;
}

const isOpen = (status: SessionStatus) => OPEN_STATUSES.includes(status);

/** The session rules: who may do what in which status. Routes translate HTTP to these calls and back. */
export function createSessionService(deps: SessionServiceDeps) {
  const { db, keys, clock = () => new Date(), onWebhookQueued = () => {}, policy } = deps;

  /** Runs `work` in a transaction and kicks the deliverer when it queued webhooks. */
  async function inTransaction<T>(
    work: (tx: Queryable, queue: (s: SessionRecord, e: WebhookEvent) => Promise<void>) => Promise<T>,
  ) {
    let queued = false;
    const value = await db.transaction((tx) =>
      work(tx, async (session, event) => {
        if (await enqueueWebhook(tx, session, event, clock())) queued = true;
      }),
    );
    if (queued) onWebhookQueued();
    return value;
  }

  /** A session whose link's time ran out before it was submitted becomes `expired` (and says so by webhook). */
  async function expireIfDue(
    tx: Queryable,
    session: SessionRecord,
    queue: (s: SessionRecord, e: WebhookEvent) => Promise<void>,
  ) {
    if (!isOpen(session.status) || session.expiresAt > clock()) return session;
    const expired = await setSessionStatus(tx, session.id, "expired", clock());
    await queue(expired, "session.expired");
    return expired;
  }

  /** The session behind a customer's link token, or a clear error for an unknown, expired, erased one. */
  async function customerSession(
    tx: Queryable,
    token: string,
    queue: (s: SessionRecord, e: WebhookEvent) => Promise<void>,
  ) {
    const found = await sessionByToken(tx, token, true);
    if (!found) throw new AppError("session_not_found");
    if (found.erasedAt) throw new AppError("session_erased");
    return expireIfDue(tx, found, queue);
  }

  function customerView(session: SessionRecord): CustomerSession {
    return {
      sessionId: session.id,
      status: session.status,
      reference: session.reference,
      locale: session.locale,
      expiresAt: session.expiresAt.toISOString(),
      readsLeft: Math.max(0, session.maxReads - session.readsUsed),
      redirectUrl: session.redirectUrl,
      retakeReason: null,
    };
  }

  return {
    async create(
      input: Omit<NewSession, "expiresAt"> & { expiresInSeconds: number },
    ): Promise<{ session: SessionRecord; token: string }> {
      const now = clock();
      const { expiresInSeconds, ...rest } = input;
      return insertSession(db, { ...rest, expiresAt: new Date(now.getTime() + expiresInSeconds * 1000) }, now);
    },

    /** The customer opened the link: `created` becomes `in_progress`. */
    async open(token: string): Promise<CustomerSession> {
      return customerView(
        await inTransaction(async (tx, queue) => {
          const session = await customerSession(tx, token, queue);
          if (session.status !== "created") return session;
          return setSessionStatus(tx, session.id, "in_progress", clock(), { openedAt: true });
        }),
      );
    },

    /** Charges one read to the session before the provider is called (the provider's cost is spent either way). */
    async chargeRead(token: string): Promise<SessionRecord> {
      const charged = await takeRead(db, token, clock());
      if (charged) return charged;
      const session = await inTransaction((tx, queue) => customerSession(tx, token, queue));
      if (session.status === "expired") throw new AppError("session_expired");
      if (!isOpen(session.status)) {
        throw new AppError("session_already_submitted");
      }
      throw new AppError("session_read_limit", {
        message: `This verification allows ${session.maxReads} photo reads, and all have been used.`,
      });
    },

    /** Stores a read charged to the session; the customer confirms it by its capture id. */
    async recordRead(
      session: SessionRecord,
      input: { image: Uint8Array; mediaType: string; result: PassportResult },
    ): Promise<CaptureReceipt> {
      const capture = await insertCapture(db, keys, { sessionId: session.id, ...input }, clock());
      return { captureId: capture.id, readsLeft: Math.max(0, session.maxReads - session.readsUsed) };
    },

    /**
     * The customer confirmed a read: stores it as the session's submission and queues `session.submitted`, in one
     * transaction. Repeating the same submission answers as the first did (a retry after a lost response).
     */
    async submit(token: string, input: { captureId: string; confirmed: boolean }): Promise<CustomerSession> {
      return customerView(
        await inTransaction(async (tx, queue) => {
          const session = await customerSession(tx, token, queue);
          if (session.submittedCaptureId === input.captureId && !isOpen(session.status)) return session;
          if (session.status === "expired") throw new AppError("session_expired");
          if (!isOpen(session.status)) {
            throw new AppError("session_already_submitted");
          }
          const capture = await captureOf(tx, session.id, input.captureId);
          if (!capture || capture.erasedAt) {
            throw new AppError("capture_not_found");
          }
          const result = await captureResult(tx, keys, capture.id);
          if (result && policy) assertSubmittable(result, policy, clock());
          const documentNumber = result?.document.number;
          const submitted = await setSessionStatus(tx, session.id, "submitted", clock(), {
            submittedCaptureId: capture.id,
            customerConfirmed: input.confirmed,
            ...(documentNumber ? { documentNumberIndex: await keys.blindIndex(documentNumber) } : {}),
          });
          await queue(submitted, "session.submitted");
          return submitted;
        }),
      );
    },

    /** A session an API key owns (another key's session is as unknown as a missing one). */
    async ownedBy(apiKeyId: string, id: string): Promise<SessionRecord> {
      const session = await sessionById(db, id);
      if (!session || session.apiKeyId !== apiKeyId) {
        throw new AppError("session_not_found", { message: `There is no session ${id} for this API key.` });
      }
      return inTransaction((tx, queue) => expireIfDue(tx, session, queue));
    },

    /** The normalized result of the submitted capture (null before submission and after erasure). */
    async submittedResult(session: SessionRecord): Promise<PassportResult | null> {
      if (!session.submittedCaptureId || session.erasedAt) return null;
      return captureResult(db, keys, session.submittedCaptureId);
    },

    /** The submitted photo's bytes (null before submission and after erasure). */
    async submittedImage(session: SessionRecord): Promise<{ bytes: Uint8Array; mediaType: string } | null> {
      if (!session.submittedCaptureId || session.erasedAt) return null;
      return captureImage(db, keys, session.submittedCaptureId);
    },

    async erase(session: SessionRecord): Promise<void> {
      await eraseSession(db, session.id, clock());
    },

    /** Marks every session whose link ran out unsubmitted as expired and queues `session.expired`. */
    async expireDue(): Promise<number> {
      return inTransaction(async (tx, queue) => {
        const rows = await tx.query<Parameters<typeof toSessionRecord>[0]>(
          `update sessions set status = 'expired', updated_at = $1
           where status in ('created', 'in_progress', 'retake_requested') and expires_at <= $1 and erased_at is null
           returning *`,
          [clock()],
        );
        for (const row of rows) await queue(toSessionRecord(row), "session.expired");
        return rows.length;
      });
    },

    /** Erases images and personal data of sessions created before `cutoff`; tombstones stay. */
    async eraseCreatedBefore(cutoff: Date): Promise<number> {
      const rows = await db.query<{ id: string }>(
        "select id from sessions where created_at < $1 and erased_at is null order by created_at limit 500",
        [cutoff],
      );
      for (const { id } of rows) await db.transaction((tx) => eraseSession(tx, id, clock()));
      return rows.length;
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
