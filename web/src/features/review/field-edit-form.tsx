import { type EditProblem, type FieldEdit, validateEdit } from "contract/review/field-edits";
import type { ReviewFieldKey } from "contract/review/review-fields";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { format, useStrings } from "../../i18n/i18n";
import { reviewStrings } from "../../i18n/strings/review";

interface FieldEditFormProps {
  field: ReviewFieldKey;
  /** As read by the provider. */
  read: string | null;
  /** Current value (after earlier edits). */
  current: string | null;
  onSave: (edit: FieldEdit) => void;
  onCancel: () => void;
}

/** Edits one field; what was read and the new value stay side by side, and a reason is required. */
export function FieldEditForm({ field, read, current, onSave, onCancel }: FieldEditFormProps) {
  const t = useStrings(reviewStrings);
  const [value, setValue] = useState(current ?? "");
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<EditProblem[]>([]);
  const valueRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const label = t[`field.${field}`];

  useEffect(() => {
    valueRef.current?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateEdit(field, current, value, reason);
    setProblems(found);
    if (found.length > 0) return;
    onSave({ field, read, value: value.trim(), reason: reason.trim(), at: new Date().toISOString() });
  };

  const valueProblems = problems.filter((p) => p !== "reason-required");
  const reasonProblem = problems.includes("reason-required");
  return (
    <form
      className="review-edit"
      aria-labelledby={`${id}-heading`}
      onSubmit={submit}
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
        aria-describedby={valueProblems.length > 0 ? `${id}-value-error` : undefined}
        onChange={(event) => setValue(event.currentTarget.value)}
      />
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
      <div className="review-buttons">
        <button type="submit">{t["edit.save"]}</button>
        <button type="button" onClick={onCancel}>
          {t["edit.cancel"]}
        </button>
      </div>
    </form>
  );
}
