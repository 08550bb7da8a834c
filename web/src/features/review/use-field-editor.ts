import type { ReviewFieldKey } from "contract/review/review-fields";
import { useRef, useState } from "react";
import type { FieldRow } from "./field-rows";

/** Which field's editor is open; closing it returns focus to the row's Edit button. */
export function useFieldEditor(rows: readonly FieldRow[]) {
  const [editing, setEditing] = useState<ReviewFieldKey | null>(null);
  const returnFocus = useRef<HTMLButtonElement | null>(null);
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

  return { editingRow, open, close };
}
