import type { Warning } from "../warning";
import type { DecisionOutcome } from "./decision";
import type { FieldEdit } from "./field-edits";

/** An agent's acknowledgement of a critical warning: seen, judged, with the reason it does not stop approval. */
export interface WarningAcknowledgement {
  code: string;
  /** The field the warning names, when it names one (one warning code may concern several fields). */
  field?: string;
  reason: string;
  /** ISO timestamp. */
  at: string;
  by: string;
}

export interface Approval {
  /** The approving agent's id. */
  by: string;
  at: string;
}

/** Everything a desk review has decided so far on one session, stored with it. */
export interface ReviewState {
  /** Increments on every save; a save must name the version it started from (optimistic concurrency). */
  version: number;
  edits: FieldEdit[];
  acknowledgements: WarningAcknowledgement[];
  /** Approvals given: one is enough, unless a second reviewer is required (then two different agents). */
  approvals: Approval[];
  decision: { outcome: DecisionOutcome; reason: string; at: string; by: string } | null;
}

export const EMPTY_REVIEW: ReviewState = { version: 0, edits: [], acknowledgements: [], approvals: [], decision: null };

/** The acknowledgement of this warning (same code, same field), if an agent gave one. */
export function acknowledgementOf(warning: Warning, review: ReviewState): WarningAcknowledgement | null {
  return (
    review.acknowledgements.find(
      (ack) => ack.code === warning.code && (ack.field ?? null) === (warning.field ?? null),
    ) ?? null
  );
}

/** The critical warnings no agent has acknowledged: approving is blocked while any is left. */
export function unacknowledgedCritical(warnings: readonly Warning[], review: ReviewState): Warning[] {
  return warnings.filter((warning) => warning.severity === "critical" && acknowledgementOf(warning, review) === null);
}

export type ApprovalCheck =
  | { ok: true; complete: boolean }
  | { ok: false; reason: "critical-unacknowledged" | "same-reviewer"; warnings?: Warning[] };

/**
 * Whether `agentId` may approve now, and whether that approval completes the review: with `requireSecondReviewer`
 * and any critical warning on the read, two different agents must approve.
 */
export function checkApproval(
  warnings: readonly Warning[],
  review: ReviewState,
  agentId: string,
  requireSecondReviewer: boolean,
): ApprovalCheck {
  const open = unacknowledgedCritical(warnings, review);
  if (open.length > 0) return { ok: false, reason: "critical-unacknowledged", warnings: open };
  const needsTwo = requireSecondReviewer && warnings.some((w) => w.severity === "critical");
  if (!needsTwo) return { ok: true, complete: true };
  if (review.approvals.some((a) => a.by === agentId)) return { ok: false, reason: "same-reviewer" };
  return { ok: true, complete: review.approvals.length + 1 >= 2 };
}
