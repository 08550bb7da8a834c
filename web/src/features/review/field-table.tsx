import type { ReviewFieldKey } from "contract/review/review-fields";
import { format, useStrings } from "../../i18n/i18n";
import { reviewStrings } from "../../i18n/strings/review";
import { type EditedField, rowStates } from "./edited-fields";
import type { FieldRow } from "./field-rows";
import { StateBadge } from "./state-badge";

interface FieldTableProps {
  rows: readonly FieldRow[];
  /** Fields the stored edits changed: value now and its re-check. */
  edited: ReadonlyMap<ReviewFieldKey, EditedField>;
  active: ReviewFieldKey | null;
  onActivate: (field: ReviewFieldKey | null) => void;
  /** Present at the desk: offers an Edit button per row. */
  onEdit?: (field: ReviewFieldKey, button: HTMLButtonElement) => void;
}

/** Every field with value, source, confidence and state; rows and MRZ segments highlight each other. */
export function FieldTable({ rows, edited, active, onActivate, onEdit }: FieldTableProps) {
  const t = useStrings(reviewStrings);
  return (
    <section className="review-fields" aria-labelledby="review-fields-heading">
      <h3 id="review-fields-heading">{t["fields.heading"]}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t["fields.field"]}</th>
            <th scope="col">{t["fields.value"]}</th>
            <th scope="col">{t["fields.source"]}</th>
            <th scope="col">{t["fields.confidence"]}</th>
            <th scope="col">{t["fields.state"]}</th>
            {onEdit && <th scope="col">{t["fields.actions"]}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const label = t[`field.${row.key}`];
            const edit = edited.get(row.key);
            return (
              <tr
                key={row.key}
                data-field={row.key}
                data-active={row.key === active}
                data-state={row.mrzState ?? "none"}
                onMouseEnter={() => onActivate(row.key)}
                onMouseLeave={() => onActivate(null)}
                onFocus={() => onActivate(row.key)}
                onBlur={() => onActivate(null)}
              >
                <th scope="row">{label}</th>
                <td>
                  {edit ? (
                    <span className="review-diff">
                      <span className="review-diff-read">
                        {t["edit.read"]}: <del>{row.value ?? t["fields.empty"]}</del>
                      </span>{" "}
                      <span className="review-diff-now">
                        {t["edit.now"]}: <ins>{edit.value}</ins>
                      </span>
                    </span>
                  ) : (
                    <span className="review-value">{row.value ?? t["fields.empty"]}</span>
                  )}
                  {row.original !== null && row.mrzState === "corrected" && (
                    <span className="review-sub">{format(t["fields.original"], { value: row.original })}</span>
                  )}
                  {row.mismatches.map((mismatch) => (
                    <dl key={mismatch.against} className="review-mismatch" data-against={mismatch.against}>
                      <dt>{t["fields.mismatchMrz"]}</dt>
                      <dd>{mismatch.mrz ?? t["fields.empty"]}</dd>
                      <dt>
                        {mismatch.against === "printed" ? t["fields.mismatchPrinted"] : t["fields.mismatchProvider"]}
                      </dt>
                      <dd>{mismatch.other ?? t["fields.empty"]}</dd>
                    </dl>
                  ))}
                </td>
                <td>{row.source ? t[`source.${row.source}`] : t["fields.empty"]}</td>
                <td>{row.confidence === null ? t["fields.noConfidence"] : `${Math.round(row.confidence * 100)}%`}</td>
                <td>
                  <ul className="review-states">
                    {rowStates(row, edit).map((state) => (
                      <li key={state}>
                        <StateBadge state={state} />
                      </li>
                    ))}
                  </ul>
                </td>
                {onEdit && (
                  <td>
                    <button
                      type="button"
                      aria-label={format(t["edit.button"], { field: label })}
                      onClick={(event) => onEdit(row.key, event.currentTarget)}
                    >
                      {t["edit.short"]}
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
