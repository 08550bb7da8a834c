import { reviewFieldOfWarning } from "contract/review/review-fields";
import {
  acknowledgementOf,
  type ReviewState,
  unacknowledgedCritical,
  type WarningAcknowledgement,
} from "contract/review/review-state";
import type { Warning } from "contract/warning";
import { isWarningCode } from "contract/warning-catalogue";
import { type FormEvent, useId, useState } from "react";
import { format, useStrings } from "../../i18n/i18n";
import { deskReviewStrings } from "../../i18n/strings/desk-review";
import { reviewStrings, warningStrings } from "../../i18n/strings/review";
import { ErrorAlert } from "../../lib/error-alert";
import { useUnsavedChanges } from "../../lib/unsaved-changes";
import { orderWarnings } from "./warning-order";

export interface AcknowledgementInput {
  code: string;
  field?: string | undefined;
  reason: string;
}

interface WarningAcknowledgementsProps {
  warnings: readonly Warning[];
  review: ReviewState;
  /** The agent holds the claim and the session waits for a decision. */
  canChange: boolean;
  agentEmail: (id: string) => string;
  onAcknowledge: (input: AcknowledgementInput) => Promise<void>;
}

/** The critical warnings: each must be acknowledged with a reason before the session can be approved. */
export function WarningAcknowledgements({
  warnings,
  review,
  canChange,
  agentEmail,
  onAcknowledge,
}: WarningAcknowledgementsProps) {
  const d = useStrings(deskReviewStrings);
  const id = useId();
  const critical = orderWarnings(warnings).filter((warning) => warning.severity === "critical");
  if (critical.length === 0) return null;
  const open = unacknowledgedCritical(critical, review);
  return (
    <section className="review-acknowledgements" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{d["ack.heading"]}</h3>
      <p>{open.length === 0 ? d["ack.allDone"] : format(d["ack.left"], { count: open.length })}</p>
      <ul>
        {critical.map((warning) => (
          <li key={`${warning.code}-${warning.field ?? ""}`} data-code={warning.code}>
            <CriticalWarning
              warning={warning}
              acknowledgement={acknowledgementOf(warning, review)}
              canChange={canChange}
              agentEmail={agentEmail}
              onAcknowledge={onAcknowledge}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function CriticalWarning({
  warning,
  acknowledgement,
  canChange,
  agentEmail,
  onAcknowledge,
}: {
  warning: Warning;
  acknowledgement: WarningAcknowledgement | null;
  canChange: boolean;
  agentEmail: (id: string) => string;
  onAcknowledge: (input: AcknowledgementInput) => Promise<void>;
}) {
  const t = useStrings(reviewStrings);
  const d = useStrings(deskReviewStrings);
  const words = useStrings(warningStrings);
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  useUnsavedChanges(open && !saving && reason.trim() !== "");
  const title = isWarningCode(warning.code) ? words[`${warning.code}.title`] : warning.code;
  const field = reviewFieldOfWarning(warning.field);
  const name = field ? `${title} (${t[`field.${field}`]})` : title;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMissing(reason.trim() === "");
    if (reason.trim() === "" || saving) return;
    setSaving(true);
    setFailure(null);
    try {
      await onAcknowledge({ code: warning.code, field: warning.field, reason: reason.trim() });
      setOpen(false);
      setReason("");
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  if (acknowledgement) {
    return (
      <p className="review-ack" data-state="acknowledged">
        <span aria-hidden="true">✓ </span>
        {format(d["ack.done"], {
          warning: name,
          agent: agentEmail(acknowledgement.by),
          reason: acknowledgement.reason,
        })}
      </p>
    );
  }
  return (
    <div className="review-ack" data-state="open">
      <p>
        <span aria-hidden="true">✖ </span>
        {format(d["ack.open"], { warning: name })}
      </p>
      {canChange && !open && (
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          {format(d["ack.button"], { warning: name })}
        </button>
      )}
      {canChange && open && (
        <form
          onSubmit={(event) => void submit(event)}
          noValidate
          aria-label={format(d["ack.button"], { warning: name })}
        >
          <label htmlFor={`${id}-reason`}>{d["ack.reason"]}</label>
          <textarea
            id={`${id}-reason`}
            value={reason}
            rows={2}
            required
            // biome-ignore lint/a11y/noAutofocus: the agent just asked to acknowledge: the reason is next
            autoFocus
            aria-invalid={missing}
            aria-describedby={missing ? `${id}-error` : undefined}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          {missing && (
            <p id={`${id}-error`} className="review-error" role="alert">
              {d["ack.reasonRequired"]}
            </p>
          )}
          <ErrorAlert error={failure} />
          <div className="review-buttons">
            <button type="submit" disabled={saving}>
              {saving ? d.saving : d["ack.save"]}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              {t["edit.cancel"]}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
