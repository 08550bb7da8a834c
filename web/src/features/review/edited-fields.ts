import type { MrzFieldState } from "contract/mrz/types";
import type { FieldEdit } from "contract/review/field-edits";
import type { ReviewFieldKey } from "contract/review/review-fields";
import type { FieldRow } from "./field-rows";
import type { BadgeState } from "./state-badge";

/** A field as the stored edits leave it: its value now, and that value against the MRZ's printed check digit. */
export interface EditedField {
  value: string;
  /** From the server's re-check (recheck-field.ts); null when there is no MRZ to check against. */
  state: MrzFieldState | null;
}

/** Every field whose latest edit leaves it different from what was read. */
export function editedFields(edits: readonly FieldEdit[]): Map<ReviewFieldKey, EditedField> {
  const latest = new Map<ReviewFieldKey, FieldEdit>();
  for (const edit of edits) latest.set(edit.field, edit);
  const edited = new Map<ReviewFieldKey, EditedField>();
  for (const [field, edit] of latest) {
    if (edit.value !== (edit.read ?? "")) edited.set(field, { value: edit.value, state: edit.state ?? null });
  }
  return edited;
}

/**
 * A row's badges: the check-digit state first (an edited field's own re-check replaces the read's, so an edit the
 * check digit does not support loses "verified"), then the read's flags, then "edited".
 */
export function rowStates(row: FieldRow, edit: EditedField | undefined): BadgeState[] {
  const check = edit ? (edit.state ?? row.mrzState) : row.mrzState;
  const states: BadgeState[] = [check ?? "none", ...row.flags];
  if (edit) states.push("edited");
  return states;
}
