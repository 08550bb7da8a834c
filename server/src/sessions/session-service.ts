import type { PassportResult } from "contract/result";
import { EMPTY_REVIEW } from "contract/review/review-state";
import { type CaptureReceipt, type CustomerSession, OPEN_STATUSES, type SessionStatus } from "contract/session";
import { AppError } from "../errors";
import { assertSubmittable, type SubmitPolicy } from "../policy/submit-check";
import type { DataKeys } from "../storage/data-key";
import type { Database, Queryable } from "../storage/database";
import { enqueueWebhook, type WebhookEvent } from "../webhooks/outbox";
import { appendAudit } from "./audit-trail";
import { createHandoff } from "./handoff";
import { reviewOf, saveReview } from "./review-store";
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
  const handoff = createHandoff({ db, clock });

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
    await appendAudit(tx, keys, { sessionId: session.id, at: clock(), actor: "system", action: "expired" });
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

  async function customerView(session: SessionRecord): Promise<CustomerSession> {
    const retakeReason =
      session.status === "retake_requested" ? ((await reviewOf(db, keys, session.id)).decision?.reason ?? null) : null;
    return {
      sessionId: session.id,
      status: session.status,
      reference: session.reference,
      locale: session.locale,
      expiresAt: session.expiresAt.toISOString(),
      readsLeft: Math.max(0, session.maxReads - session.readsUsed),
      redirectUrl: session.redirectUrl,
      retakeReason,
      phoneConnected: await handoff.phoneConnected(session.id),
    };
  }

  return {
    async create(
      input: Omit<NewSession, "expiresAt"> & { expiresInSeconds: number; createdByAgent?: string | undefined },
    ): Promise<{ session: SessionRecord; token: string }> {
      const now = clock();
      const { expiresInSeconds, createdByAgent, ...rest } = input;
      return db.transaction(async (tx) => {
        const created = await insertSession(
          tx,
          { ...rest, createdByAgent, expiresAt: new Date(now.getTime() + expiresInSeconds * 1000) },
          now,
        );
        await appendAudit(tx, keys, {
          sessionId: created.session.id,
          at: now,
          actor: createdByAgent ? "agent" : "integrator",
          agentId: createdByAgent,
          action: "created",
          detail: { reference: rest.reference },
        });
        return created;
      });
    },

    /** The customer opened the link: `created` becomes `in_progress`. */
    async open(token: string): Promise<CustomerSession> {
      return customerView(
        await inTransaction(async (tx, queue) => {
          const session = await customerSession(tx, token, queue);
          if (session.status !== "created") return session;
          await appendAudit(tx, keys, { sessionId: session.id, at: clock(), actor: "customer", action: "opened" });
          return setSessionStatus(tx, session.id, "in_progress", clock(), { openedAt: true });
        }),
      );
    },

    /** A link for the customer's phone, to continue a session opened on a computer without a camera. */
    async startHandoff(token: string): Promise<{ token: string; expiresAt: Date }> {
      const session = await inTransaction((tx, queue) => customerSession(tx, token, queue));
      if (!isOpen(session.status)) throw new AppError("session_already_submitted");
      const link = await handoff.start(session);
      await appendAudit(db, keys, { sessionId: session.id, at: clock(), actor: "customer", action: "handoff_started" });
      return link;
    },

    /** The phone opened the handoff link: it gets a device token for the same session. */
    async redeemHandoff(linkToken: string): Promise<{ deviceToken: string }> {
      const { deviceToken, sessionId } = await handoff.redeem(linkToken);
      await appendAudit(db, keys, { sessionId, at: clock(), actor: "customer", action: "handoff_redeemed" });
      return { deviceToken };
    },

    /** Charges one read to the session before the provider is called (the provider's cost is spent either way). */
    async chargeRead(token: string): Promise<SessionRecord> {
      const session = await inTransaction((tx, queue) => customerSession(tx, token, queue));
      const charged = await takeRead(db, session.id, clock());
      if (charged) return charged;
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
      const capture = await db.transaction(async (tx) => {
        const stored = await insertCapture(tx, keys, { sessionId: session.id, ...input }, clock());
        await appendAudit(tx, keys, {
          sessionId: session.id,
          at: clock(),
          actor: "customer",
          action: "read",
          detail: { captureId: stored.id, warnings: input.result.warnings.map((w) => w.code) },
        });
        return stored;
      });
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
          if (session.status === "retake_requested" && session.decidedAt && capture.createdAt <= session.decidedAt) {
            throw new AppError("capture_not_found", { message: "The agent asked for a new photo: take it again." });
          }
          if (session.status === "retake_requested") {
            // A new photo is a new review: the trail keeps what was decided on the old one.
            const previous = await reviewOf(tx, keys, session.id);
            await saveReview(tx, keys, session.id, { ...EMPTY_REVIEW }, previous.version, {
              awaitingSecondReview: false,
            });
          }
          const result = await captureResult(tx, keys, capture.id);
          // The operator's policy guards the customer's own page; a walk-in (no API key) goes to the agent at the desk,
          // who judges the document (an expired passport is rejected there, with a reason, not refused unseen).
          if (result && policy && session.apiKeyId !== null) assertSubmittable(result, policy, clock());
          const documentNumber = result?.document.number;
          const submitted = await setSessionStatus(tx, session.id, "submitted", clock(), {
            submittedCaptureId: capture.id,
            customerConfirmed: input.confirmed,
            ...(documentNumber ? { documentNumberIndex: await keys.blindIndex(documentNumber) } : {}),
          });
          await appendAudit(tx, keys, {
            sessionId: session.id,
            at: clock(),
            actor: "customer",
            action: "submitted",
            detail: { captureId: capture.id, confirmed: input.confirmed },
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

    async erase(session: SessionRecord, by: { actor: "integrator" | "agent"; agentId?: string }): Promise<void> {
      await db.transaction(async (tx) => {
        if (await eraseSession(tx, session.id, clock())) {
          await appendAudit(tx, keys, { sessionId: session.id, at: clock(), ...by, action: "erased" });
        }
      });
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
        for (const row of rows) {
          await appendAudit(tx, keys, { sessionId: row.id, at: clock(), actor: "system", action: "expired" });
          await queue(toSessionRecord(row), "session.expired");
        }
        return rows.length;
      });
    },

    /** Erases images and personal data of sessions created before `cutoff`; tombstones stay. */
    async eraseCreatedBefore(cutoff: Date): Promise<number> {
      const rows = await db.query<{ id: string }>(
        "select id from sessions where created_at < $1 and erased_at is null order by created_at limit 500",
        [cutoff],
      );
      for (const { id } of rows) {
        await db.transaction(async (tx) => {
          if (await eraseSession(tx, id, clock())) {
            await appendAudit(tx, keys, {
              sessionId: id,
              at: clock(),
              actor: "system",
              action: "erased",
              detail: { reason: "retention" },
            });
          }
        });
      }
      return rows.length;
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
