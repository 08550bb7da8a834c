import type { MrzReport } from "contract/mrz/types";
import { type EditProblem, validateEdit } from "contract/review/field-edits";
import { recheckEditedField } from "contract/review/recheck-field";
import type { ReviewFieldKey } from "contract/review/review-fields";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { format, useStrings } from "../../i18n/i18n";
import { deskReviewStrings } from "../../i18n/strings/desk-review";
import { reviewStrings } from "../../i18n/strings/review";
import { ErrorAlert } from "../../lib/error-alert";
import { useUnsavedChanges } from "../../lib/unsaved-changes";

export interface FieldEditInput {
  field: ReviewFieldKey;
  value: string;
  reason: string;
}

interface FieldEditFormProps {
  field: ReviewFieldKey;
  /** As read by the provider. */
  read: string | null;
  /** Current value (after earlier edits). */
  current: string | null;
  /** The read's MRZ: the new value is checked against its printed check digit as it is typed. */
  mrz: MrzReport | null;
  /** Stores the edit; rejects with the server's error. */
  onSave: (edit: FieldEditInput) => Promise<void>;
  onCancel: () => void;
}

/**
 * Edits one field; what was read and the new value stay side by side, a reason is required, and an MRZ-backed value
 * is re-checked against its printed check digit the same way the server does when it stores the edit.
 */
export function FieldEditForm({ field, read, current, mrz, onSave, onCancel }: FieldEditFormProps) {
  const t = useStrings(reviewStrings);
  const d = useStrings(deskReviewStrings);
  const [value, setValue] = useState(current ?? "");
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<EditProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const valueRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const label = t[`field.${field}`];
  useUnsavedChanges(!saving && (value !== (current ?? "") || reason.trim() !== ""));

  useEffect(() => {
    valueRef.current?.focus();
  }, []);

  const recheck =
    value.trim() === "" || value.trim() === (current ?? "") ? null : recheckEditedField(mrz, field, value);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateEdit(field, current, value, reason);
    setProblems(found);
    if (found.length > 0 || saving) return;
    setSaving(true);
    setFailure(null);
    try {
      await onSave({ field, value: value.trim(), reason: reason.trim() });
    } catch (error) {
      setFailure(error);
      setSaving(false);
    }
  };

  const valueProblems = problems.filter((p) => p !== "reason-required");
  const reasonProblem = problems.includes("reason-required");
  return (
    <form
      className="review-edit"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onCancel();
        }
      }}
      noValidate
    >
      <h4 id={`${id}-heading`}>{format(t["edit.heading"], { field: label })}</h4>
      <p className="review-diff" aria-live="polite">
        <span className="review-diff-read">
          {t["edit.read"]}: <del>{read ?? t["fields.empty"]}</del>
        </span>{" "}
        <span className="review-diff-now">
          {t["edit.now"]}: <ins>{value.trim() || t["fields.empty"]}</ins>
        </span>
      </p>
      <label htmlFor={`${id}-value`}>{t["edit.value"]}</label>
      <input
        id={`${id}-value`}
        ref={valueRef}
        value={value}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={valueProblems.length > 0}
        aria-describedby={[valueProblems.length > 0 ? `${id}-value-error` : "", `${id}-recheck`].join(" ").trim()}
        onChange={(event) => setValue(event.currentTarget.value)}
      />
      <p id={`${id}-recheck`} className="review-recheck" data-state={recheck ?? "none"} aria-live="polite">
        {recheck === "verified" && d["recheck.verified"]}
        {recheck === "failed" && d["recheck.failed"]}
      </p>
      {valueProblems.length > 0 && (
        <p id={`${id}-value-error`} className="review-error" role="alert">
          {valueProblems.map((p) => t[`edit.problem.${p}`]).join(" ")}
        </p>
      )}
      <label htmlFor={`${id}-reason`}>{t["edit.reason"]}</label>
      <textarea
        id={`${id}-reason`}
        value={reason}
        required
        rows={2}
        aria-invalid={reasonProblem}
        aria-describedby={reasonProblem ? `${id}-reason-error` : undefined}
        onChange={(event) => setReason(event.currentTarget.value)}
      />
      {reasonProblem && (
        <p id={`${id}-reason-error`} className="review-error" role="alert">
          {t["edit.problem.reason-required"]}
        </p>
      )}
      <ErrorAlert error={failure} />
      <div className="review-buttons">
        <button type="submit" disabled={saving}>
          {saving ? d.saving : t["edit.save"]}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t["edit.cancel"]}
        </button>
      </div>
    </form>
  );
}
