import { editDiff, type FieldEdit } from "contract/review/field-edits";
import { format, useStrings } from "../../i18n/i18n";
import { reviewStrings } from "../../i18n/strings/review";
import { ReviewListSection } from "./review-list-section";

/** Every edited field: what was read, what it is now, and each reason given. */
export function EditsSummary({ edits }: { edits: readonly FieldEdit[] }) {
  const t = useStrings(reviewStrings);
  const diffs = editDiff(edits);
  return (
    <ReviewListSection name="edits" empty={diffs.length === 0}>
      <ul>
        {diffs.map((diff) => (
          <li key={diff.field}>
            {format(t["edits.entry"], {
              field: t[`field.${diff.field}`],
              read: diff.read ?? t["fields.empty"],
              value: diff.value,
            })}
            <ul>
              {diff.reasons.map((reason, index) => (
                // Reasons can repeat; their position is their identity.
                // biome-ignore lint/suspicious/noArrayIndexKey: append-only list
                <li key={index}>{format(t["edits.reason"], { reason })}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </ReviewListSection>
  );
}
