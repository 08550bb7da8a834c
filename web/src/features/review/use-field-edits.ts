import { currentValues, editDiff, type FieldEdit } from "contract/review/field-edits";
import type { ReviewFieldKey } from "contract/review/review-fields";
import { useMemo, useRef, useState } from "react";
import type { FieldRow } from "./field-rows";

/**
 * The desk's edits to the read fields: the edits so far, each field's value now, the diff against the read, and
 * the one field being edited. Closing the editor returns focus to the row's Edit button.
 */
export function useFieldEdits(rows: readonly FieldRow[]) {
  const [edits, setEdits] = useState<FieldEdit[]>([]);
  const [editing, setEditing] = useState<ReviewFieldKey | null>(null);
  const returnFocus = useRef<HTMLButtonElement | null>(null);
  const values = useMemo(() => currentValues(edits), [edits]);
  const diffs = useMemo(() => editDiff(edits), [edits]);
  const editingRow = rows.find((row) => row.key === editing) ?? null;

  const open = (field: ReviewFieldKey, button: HTMLButtonElement) => {
    returnFocus.current = button;
    setEditing(field);
  };

  const close = () => {
    setEditing(null);
    // The editor unmounts first; then focus goes back to the row's Edit button.
    queueMicrotask(() => returnFocus.current?.focus());
  };

  const save = (edit: FieldEdit) => {
    setEdits((previous) => [...previous, edit]);
    close();
  };

  return { edits, values, diffs, editingRow, open, close, save };
}
