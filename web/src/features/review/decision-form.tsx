import {
  DECISION_OUTCOMES,
  type DecisionOutcome,
  type DecisionProblem,
  validateDecision,
} from "contract/review/decision";
import { checkApproval, type ReviewState } from "contract/review/review-state";
import type { Warning } from "contract/warning";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { format, useStrings } from "../../i18n/i18n";
import { deskReviewStrings } from "../../i18n/strings/desk-review";
import { reviewStrings } from "../../i18n/strings/review";
import { ErrorAlert } from "../../lib/error-alert";
import { useUnsavedChanges } from "../../lib/unsaved-changes";

export interface DecisionInput {
  outcome: DecisionOutcome;
  reason: string;
}

interface DecisionFormProps {
  warnings: readonly Warning[];
  review: ReviewState;
  /** The signed-in agent's id (a second approval must come from someone else). */
  agentId: string;
  requireSecondReviewer: boolean;
  /** The agent holds the claim and the session waits for a decision. */
  canDecide: boolean;
  /** An agent's email by id, for the approvals given so far. */
  agentEmail: (id: string) => string;
  /** Stores the decision; rejects with the server's error (approval_blocked, second_reviewer_required...). */
  onDecide: (decision: DecisionInput) => Promise<void>;
}

/**
 * Approve, reject or ask for a retake, always with a reason. Approval follows the shared rules (contract/review):
 * blocked while a critical warning is unacknowledged, and with a second reviewer required, two different agents.
 * At the desk, R chooses "retake" and moves to the reason.
 */
export function DecisionForm({
  warnings,
  review,
  agentId,
  requireSecondReviewer,
  canDecide,
  agentEmail,
  onDecide,
}: DecisionFormProps) {
  const t = useStrings(reviewStrings);
  const d = useStrings(deskReviewStrings);
  const id = useId();
  const [outcome, setOutcome] = useState<DecisionOutcome | null>(null);
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<(DecisionProblem | "approval-blocked")[]>([]);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  // Input being saved is not input to lose: leaving then does not ask.
  useUnsavedChanges(canDecide && !saving && (outcome !== null || reason.trim() !== ""));
  const check = checkApproval(warnings, review, agentId, requireSecondReviewer);
  const approvedBy = review.approvals.map((approval) => agentEmail(approval.by)).join(", ");

  useEffect(() => {
    if (!canDecide) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLElement && event.target.closest("input, select, textarea, dialog")) return;
      if (event.key !== "r" && event.key !== "R") return;
      event.preventDefault();
      setOutcome("retake");
      reasonRef.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canDecide]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: (DecisionProblem | "approval-blocked")[] = validateDecision(outcome, reason);
    if (outcome === "approve" && !check.ok && check.reason === "critical-unacknowledged")
      found.push("approval-blocked");
    setProblems(found);
    if (found.length > 0 || outcome === null || saving) return;
    setSaving(true);
    setFailure(null);
    try {
      await onDecide({ outcome, reason: reason.trim() });
      setOutcome(null);
      setReason("");
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  const decision = review.decision;
  return (
    <section className="review-decision" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t["decision.heading"]}</h3>
      <div role="status">
        {decision && (
          <p className="review-decision-recorded" data-outcome={decision.outcome}>
            {format(d["decision.recordedBy"], {
              outcome: t[`decision.${decision.outcome}`],
              reason: decision.reason,
              agent: agentEmail(decision.by),
            })}
          </p>
        )}
        {!decision && review.approvals.length > 0 && (
          <p className="review-approvals">{format(d["approval.given"], { agents: approvedBy })}</p>
        )}
      </div>
      {canDecide && (
        <>
          <p className="review-approval-rule" data-state={check.ok ? "open" : check.reason}>
            {!check.ok && check.reason === "critical-unacknowledged" && d["approval.blocked"]}
            {!check.ok && check.reason === "same-reviewer" && d["approval.sameReviewer"]}
            {check.ok && !check.complete && d["approval.firstOfTwo"]}
            {check.ok && check.complete && review.approvals.length > 0 && d["approval.completes"]}
          </p>
          <form onSubmit={(event) => void submit(event)} noValidate>
            <fieldset
              aria-invalid={problems.includes("outcome-required")}
              aria-describedby={problems.includes("outcome-required") ? `${id}-outcome-error` : undefined}
            >
              <legend>{t["decision.outcome"]}</legend>
              {DECISION_OUTCOMES.map((option) => (
                <label key={option} className="review-radio">
                  <input
                    type="radio"
                    name={`${id}-outcome`}
                    value={option}
                    checked={outcome === option}
                    disabled={option === "approve" && !check.ok && check.reason === "same-reviewer"}
                    onChange={() => setOutcome(option)}
                  />{" "}
                  {t[`decision.${option}`]}
                </label>
              ))}
            </fieldset>
            {problems.includes("outcome-required") && (
              <p id={`${id}-outcome-error`} className="review-error" role="alert">
                {t["decision.problem.outcome-required"]}
              </p>
            )}
            {problems.includes("approval-blocked") && (
              <p className="review-error" role="alert">
                {d["approval.blocked"]}
              </p>
            )}
            <label htmlFor={`${id}-reason`}>
              {outcome === "retake" ? d["decision.retakeReason"] : t["decision.reason"]}
            </label>
            <textarea
              id={`${id}-reason`}
              ref={reasonRef}
              value={reason}
              rows={3}
              required
              aria-invalid={problems.includes("reason-required")}
              aria-describedby={problems.includes("reason-required") ? `${id}-reason-error` : undefined}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
            {problems.includes("reason-required") && (
              <p id={`${id}-reason-error`} className="review-error" role="alert">
                {t["decision.problem.reason-required"]}
              </p>
            )}
            <ErrorAlert error={failure} />
            <button type="submit" disabled={saving}>
              {saving ? d.saving : t["decision.submit"]}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
