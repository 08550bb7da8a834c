import {
  DECISION_OUTCOMES,
  type DecisionOutcome,
  type DecisionProblem,
  type ReviewDecision,
  validateDecision,
} from "contract/review/decision";
import { type FormEvent, useId, useState } from "react";
import { format, useStrings } from "../../i18n/i18n";
import { reviewStrings } from "../../i18n/strings/review";

interface DecisionFormProps {
  decision: ReviewDecision | null;
  onDecide: (decision: ReviewDecision) => void;
  onRetake: () => void;
}

/** Approve, reject or ask for a retake, always with a reason. */
export function DecisionForm({ decision, onDecide, onRetake }: DecisionFormProps) {
  const t = useStrings(reviewStrings);
  const id = useId();
  const [outcome, setOutcome] = useState<DecisionOutcome | null>(decision?.outcome ?? null);
  const [reason, setReason] = useState(decision?.reason ?? "");
  const [problems, setProblems] = useState<DecisionProblem[]>([]);
  const [editing, setEditing] = useState(decision === null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateDecision(outcome, reason);
    setProblems(found);
    if (found.length > 0 || outcome === null) return;
    onDecide({ outcome, reason: reason.trim(), at: new Date().toISOString() });
    setEditing(false);
  };

  return (
    <section className="review-decision" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t["decision.heading"]}</h3>
      <div role="status">
        {decision && !editing && (
          <p className="review-decision-recorded" data-outcome={decision.outcome}>
            {format(t["decision.recorded"], { outcome: t[`decision.${decision.outcome}`], reason: decision.reason })}
          </p>
        )}
      </div>
      {decision && !editing ? (
        <div className="review-buttons">
          <button type="button" onClick={() => setEditing(true)}>
            {t["decision.change"]}
          </button>
          {decision.outcome === "retake" && (
            <button type="button" onClick={onRetake}>
              {t["decision.retakeNow"]}
            </button>
          )}
        </div>
      ) : (
        <form onSubmit={submit} noValidate>
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
          <label htmlFor={`${id}-reason`}>{t["decision.reason"]}</label>
          <textarea
            id={`${id}-reason`}
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
          <button type="submit">{t["decision.submit"]}</button>
        </form>
      )}
    </section>
  );
}
