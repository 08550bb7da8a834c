import type { AuditAction, AuditEvent } from "contract/desk";
import type { MrzFieldState } from "contract/mrz/types";
import { DECISION_OUTCOMES, type DecisionOutcome } from "contract/review/decision";
import { REVIEW_FIELDS, type ReviewFieldKey } from "contract/review/review-fields";

/** What one audit event says, taken out of its free-form detail (anything missing or odd is left out). */
export interface AuditLine {
  action: AuditAction;
  field: ReviewFieldKey | null;
  before: string | null;
  after: string | null;
  outcome: DecisionOutcome | null;
  /** A warning's code (acknowledged) and the codes a read raised. */
  code: string | null;
  warnings: string[];
  /** Who a session was assigned to. */
  assignee: string | null;
  reason: string | null;
  /** An edited value against the MRZ's check digit. */
  state: MrzFieldState | null;
  /** A first approval that waits for a second reviewer. */
  awaitingSecond: boolean;
  /** Erased because the retention period ended (not on request). */
  retention: boolean;
}

const MRZ_STATES: readonly MrzFieldState[] = ["verified", "corrected", "failed", "unchecked"];

function text(value: unknown): string | null {
  return typeof value === "string" || typeof value === "number" ? String(value) : null;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | null {
  return typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

export function auditLine(event: AuditEvent): AuditLine {
  const detail = event.detail ?? {};
  const retention = event.action === "erased" && detail.reason === "retention";
  const warnings = Array.isArray(detail.warnings) ? detail.warnings.filter((w) => typeof w === "string") : [];
  return {
    action: event.action,
    field: oneOf(detail.field, REVIEW_FIELDS),
    before: text(detail.before),
    after: text(detail.after),
    outcome: oneOf(detail.outcome, DECISION_OUTCOMES),
    code: text(detail.code),
    warnings,
    assignee: text(detail.afterEmail),
    reason: retention ? null : text(detail.reason),
    state: oneOf(detail.state, MRZ_STATES),
    awaitingSecond: detail.awaitingSecondReviewer === true,
    retention,
  };
}
