import { currentValues, type FieldEdit } from "contract/review/field-edits";
import type { ReviewFieldKey } from "contract/review/review-fields";
import type { FieldRow } from "./field-rows";

/** Tab-separated `label<TAB>value` lines of the final values, for pasting into another system. */
export function fieldsAsText(
  rows: readonly FieldRow[],
  edits: readonly FieldEdit[],
  label: (key: ReviewFieldKey) => string,
): string {
  const values = currentValues(edits);
  return rows.map((row) => `${label(row.key)}\t${values.get(row.key) ?? row.value ?? ""}`).join("\n");
}
