import type { AuditEvent } from "contract/desk";
import type { PassportResult } from "contract/result";
import type { DecisionOutcome } from "contract/review/decision";
import { type EditProblem, type FieldEdit, validateEdit } from "contract/review/field-edits";
import { recheckEditedField } from "contract/review/recheck-field";
import type { ReviewFieldKey } from "contract/review/review-fields";
import { checkApproval, type ReviewState } from "contract/review/review-state";
import type { SessionStatus } from "contract/session";
import { AppError } from "../errors";
import { appendAudit, auditTrail, lastAuditAt } from "../sessions/audit-trail";
import { reviewOf, saveReview } from "../sessions/review-store";
import {
  captureImage,
  captureResult,
  capturesOf,
  type SessionRecord,
  type StoredCapture,
  sessionById,
  setSessionStatus,
} from "../sessions/session-store";
import type { DataKeys } from "../storage/data-key";
import type { Database, Queryable } from "../storage/database";
import { enqueueWebhook } from "../webhooks/outbox";
import type { Agent } from "./agent-store";
import { readDeskSettings } from "./desk-settings";

export interface DeskServiceDeps {
  db: Database;
  keys: DataKeys;
  clock?: () => Date;
  onWebhookQueued?: () => void;
  /** Reads a retake request grants the customer's link, and how long the link then stays open at least. */
  retakeReads: number;
  retakeValidMs?: number;
}

/** What the review screen shows for one stored session. */
export interface DeskSessionDetail {
  session: SessionRecord & { claimedBy: { id: string; email: string } | null; origin: string };
  /** The read under review: the submitted one, else the latest attempt (e.g. one a policy stopped). */
  capture: StoredCapture | null;
  result: PassportResult | null;
  captures: StoredCapture[];
  review: ReviewState;
  audit: AuditEvent[];
}

const VIEW_AGAIN_AFTER_MS = 10 * 60_000;

/** The statuses in which the desk decides. */
const REVIEWABLE: readonly SessionStatus[] = ["submitted"];

/** The desk's rules: claims, edits with re-checks, acknowledgements, decisions, and their audit trail. */
export function createDeskService(deps: DeskServiceDeps) {
  const { db, keys, clock = () => new Date(), onWebhookQueued = () => {}, retakeReads } = deps;
  const retakeValidMs = deps.retakeValidMs ?? 86_400_000;

  async function sessionFor(tx: Queryable, id: string, lock = false): Promise<SessionRecord> {
    const session = await sessionById(tx, id, lock);
    if (!session) throw new AppError("session_not_found");
    if (session.erasedAt) throw new AppError("session_erased");
    return session;
  }

  async function claimOf(tx: Queryable, id: string): Promise<string | null> {
    const [row] = await tx.query<{ claimed_by: string | null }>("select claimed_by from sessions where id = $1", [id]);
    return row?.claimed_by ?? null;
  }

  /** A review change needs the session claimed by the agent making it. */
  async function mustHoldClaim(tx: Queryable, session: SessionRecord, agent: Agent) {
    if ((await claimOf(tx, session.id)) !== agent.id) throw new AppError("claim_required");
  }

  async function underReview(tx: Queryable, session: SessionRecord): Promise<StoredCapture | null> {
    const captures = await capturesOf(tx, session.id);
    return captures.find((c) => c.id === session.submittedCaptureId) ?? captures.at(-1) ?? null;
  }

  /**
   * What every review change starts from, inside its transaction: the session locked, claimed by this agent and
   * waiting for a decision; the read under review; the review still at the version the agent saw.
   */
  async function openReview(tx: Queryable, id: string, agent: Agent, version: number) {
    const session = await sessionFor(tx, id, true);
    await mustHoldClaim(tx, session, agent);
    if (!REVIEWABLE.includes(session.status)) throw new AppError("session_not_reviewable");
    const capture = await underReview(tx, session);
    const result = capture ? await captureResult(tx, keys, capture.id) : null;
    const review = await reviewOf(tx, keys, id);
    if (review.version !== version) throw new AppError("review_conflict");
    return { session, result, review };
  }

  return {
    /** The session as the review screen shows it; an erased one keeps its trail (without details) and no read. */
    async detail(id: string, agent: Agent): Promise<DeskSessionDetail> {
      const session = await sessionById(db, id);
      if (!session) throw new AppError("session_not_found");
      const last = await lastAuditAt(db, id, agent.id, "viewed");
      if (!last || clock().getTime() - last.getTime() > VIEW_AGAIN_AFTER_MS) {
        await appendAudit(db, keys, {
          sessionId: id,
          at: clock(),
          actor: "agent",
          agentId: agent.id,
          action: "viewed",
        });
      }
      const [row] = await db.query<{ claimed_by: string | null; email: string | null; origin: string | null }>(
        `select s.claimed_by, a.email, coalesce(k.name, 'desk') as origin from sessions s
         left join agents a on a.id = s.claimed_by left join api_keys k on k.id = s.api_key_id where s.id = $1`,
        [id],
      );
      const captures = await capturesOf(db, id);
      const capture = captures.find((c) => c.id === session.submittedCaptureId) ?? captures.at(-1) ?? null;
      return {
        session: {
          ...session,
          claimedBy: row?.claimed_by ? { id: row.claimed_by, email: row.email ?? "" } : null,
          origin: row?.origin ?? "desk",
        },
        capture,
        result: capture && !capture.erasedAt ? await captureResult(db, keys, capture.id) : null,
        captures,
        review: await reviewOf(db, keys, id),
        audit: await auditTrail(db, keys, id),
      };
    },

    async image(sessionId: string, captureId: string) {
      const captures = await capturesOf(db, sessionId);
      if (!captures.some((c) => c.id === captureId)) throw new AppError("capture_not_found");
      const image = await captureImage(db, keys, captureId);
      if (!image) throw new AppError("image_not_found");
      return image;
    },

    /** Takes the session for review; someone else's claim only moves by a supervisor's assignment. */
    async claim(id: string, agent: Agent): Promise<void> {
      await db.transaction(async (tx) => {
        await sessionFor(tx, id, true);
        const holder = await claimOf(tx, id);
        if (holder === agent.id) return;
        if (holder !== null) {
          throw new AppError("claim_required", { message: "Another agent has claimed this session." });
        }
        await tx.query("update sessions set claimed_by = $2, claimed_at = $3 where id = $1", [id, agent.id, clock()]);
        await appendAudit(tx, keys, {
          sessionId: id,
          at: clock(),
          actor: "agent",
          agentId: agent.id,
          action: "claimed",
        });
      });
    },

    async release(id: string, agent: Agent): Promise<void> {
      await db.transaction(async (tx) => {
        const session = await sessionFor(tx, id, true);
        if (agent.role !== "supervisor") await mustHoldClaim(tx, session, agent);
        await tx.query("update sessions set claimed_by = null, claimed_at = null where id = $1", [id]);
        await appendAudit(tx, keys, {
          sessionId: id,
          at: clock(),
          actor: "agent",
          agentId: agent.id,
          action: "released",
        });
      });
    },

    /** A supervisor hands the session to another agent. */
    async assign(id: string, supervisor: Agent, to: Agent): Promise<void> {
      await db.transaction(async (tx) => {
        await sessionFor(tx, id, true);
        const before = await claimOf(tx, id);
        await tx.query("update sessions set claimed_by = $2, claimed_at = $3 where id = $1", [id, to.id, clock()]);
        await appendAudit(tx, keys, {
          sessionId: id,
          at: clock(),
          actor: "agent",
          agentId: supervisor.id,
          action: "assigned",
          detail: { before, after: to.id, afterEmail: to.email },
        });
      });
    },

    /** Changes a field's value with a reason; an MRZ-backed field is re-checked against its printed check digit. */
    async edit(
      id: string,
      agent: Agent,
      input: { field: ReviewFieldKey; value: string; reason: string; version: number },
    ): Promise<ReviewState> {
      return db.transaction(async (tx) => {
        const { result, review } = await openReview(tx, id, agent, input.version);
        const read = readValue(result, input.field);
        const current = review.edits.findLast((e) => e.field === input.field)?.value ?? read;
        const problems: EditProblem[] = validateEdit(input.field, current, input.value, input.reason);
        if (problems.length > 0) {
          throw new AppError("invalid_request", { message: `The edit is not valid (${problems.join(", ")}).` });
        }
        const edit: FieldEdit = {
          field: input.field,
          read,
          value: input.value.trim(),
          reason: input.reason.trim(),
          at: clock().toISOString(),
          by: agent.id,
          state: recheckEditedField(result?.mrz ?? null, input.field, input.value),
        };
        const saved = await saveReview(tx, keys, id, { ...review, edits: [...review.edits, edit] }, review.version);
        await appendAudit(tx, keys, {
          sessionId: id,
          at: clock(),
          actor: "agent",
          agentId: agent.id,
          action: "edited",
          detail: { field: edit.field, before: current, after: edit.value, reason: edit.reason, state: edit.state },
        });
        return saved;
      });
    },

    /** Records that the agent has seen a critical warning and why it does not stop approval. */
    async acknowledge(
      id: string,
      agent: Agent,
      input: { code: string; field?: string | undefined; reason: string; version: number },
    ): Promise<ReviewState> {
      return db.transaction(async (tx) => {
        const { result, review } = await openReview(tx, id, agent, input.version);
        const warning = result?.warnings.find((w) => w.code === input.code && (w.field ?? undefined) === input.field);
        if (!warning) throw new AppError("invalid_request", { message: "code: no such warning on this read" });
        const ack = {
          code: input.code,
          ...(input.field ? { field: input.field } : {}),
          reason: input.reason.trim(),
          at: clock().toISOString(),
          by: agent.id,
        };
        const saved = await saveReview(
          tx,
          keys,
          id,
          { ...review, acknowledgements: [...review.acknowledgements, ack] },
          review.version,
        );
        await appendAudit(tx, keys, {
          sessionId: id,
          at: clock(),
          actor: "agent",
          agentId: agent.id,
          action: "acknowledged",
          detail: { code: ack.code, field: ack.field ?? null, reason: ack.reason },
        });
        return saved;
      });
    },

    /**
     * Approve, reject or ask for a retake. Approval is blocked while a critical warning is unacknowledged, and with
     * the second-reviewer setting on, a read with critical warnings needs two different agents' approvals.
     */
    async decide(
      id: string,
      agent: Agent,
      input: { outcome: DecisionOutcome; reason: string; version: number },
    ): Promise<{ review: ReviewState; status: SessionStatus }> {
      let queued = false;
      const outcome = await db.transaction(async (tx) => {
        const { session, result, review } = await openReview(tx, id, agent, input.version);
        const at = clock();
        const decision = { outcome: input.outcome, reason: input.reason.trim(), at: at.toISOString(), by: agent.id };
        let next: ReviewState = { ...review, decision };
        let status: SessionStatus =
          input.outcome === "approve" ? "approved" : input.outcome === "reject" ? "rejected" : "retake_requested";
        if (input.outcome === "approve") {
          const { requireSecondReviewer } = await readDeskSettings(tx);
          const check = checkApproval(result?.warnings ?? [], review, agent.id, requireSecondReviewer);
          if (!check.ok) {
            throw check.reason === "same-reviewer"
              ? new AppError("second_reviewer_required")
              : new AppError("approval_blocked", {
                  message: `Acknowledge every critical warning before approving (${check.warnings?.map((w) => w.code).join(", ")}).`,
                });
          }
          next = {
            ...review,
            approvals: [...review.approvals, { by: agent.id, at: at.toISOString() }],
            decision: null,
          };
          if (!check.complete) {
            const saved = await saveReview(tx, keys, id, next, review.version, { awaitingSecondReview: true });
            await tx.query("update sessions set claimed_by = null, claimed_at = null where id = $1", [id]);
            await appendAudit(tx, keys, {
              sessionId: id,
              at,
              actor: "agent",
              agentId: agent.id,
              action: "approved",
              detail: { reason: decision.reason, awaitingSecondReviewer: true },
            });
            return { review: saved, status: session.status };
          }
          next = { ...next, decision };
        }
        const saved = await saveReview(tx, keys, id, next, review.version, { awaitingSecondReview: false });
        const updated = await setSessionStatus(tx, id, status, at);
        if (status === "retake_requested") {
          await tx.query(
            `update sessions set max_reads = reads_used + $2, expires_at = greatest(expires_at, $3) where id = $1`,
            [id, retakeReads, new Date(at.getTime() + retakeValidMs)],
          );
        }
        await appendAudit(tx, keys, {
          sessionId: id,
          at,
          actor: "agent",
          agentId: agent.id,
          action: "decided",
          detail: { outcome: input.outcome, reason: decision.reason },
        });
        if (await enqueueWebhook(tx, updated, "session.decided", at)) queued = true;
        status = updated.status;
        return { review: saved, status };
      });
      if (queued) onWebhookQueued();
      return outcome;
    },

    async exported(id: string, agent: Agent): Promise<void> {
      await appendAudit(db, keys, {
        sessionId: id,
        at: clock(),
        actor: "agent",
        agentId: agent.id,
        action: "exported",
      });
    },
  };
}

export type DeskService = ReturnType<typeof createDeskService>;

/** The value the read gave a review field (before any edit). */
function readValue(result: PassportResult | null, field: ReviewFieldKey): string | null {
  if (!result) return null;
  if (field === "optionalData1" || field === "optionalData2") {
    return result.mrz?.fields.find((f) => f.name === field)?.value ?? null;
  }
  return result.document[field] ?? null;
}
