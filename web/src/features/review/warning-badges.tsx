import { reviewFieldOfWarning } from "contract/review/review-fields";
import type { Warning } from "contract/warning";
import { format, useLocale, useStrings } from "../../i18n/i18n";
import { reviewStrings, warningStrings } from "../../i18n/strings/review";
import { ReviewListSection } from "./review-list-section";
import { orderWarnings } from "./warning-order";
import { warningWords } from "./warning-words";

const SEVERITY_ICON = { critical: "✖", warning: "⚠", info: "ℹ" } as const;

/** One badge per warning, most severe first, each with what it means and what to do. */
export function WarningBadges({ warnings }: { warnings: readonly Warning[] }) {
  const t = useStrings(reviewStrings);
  const words = useStrings(warningStrings);
  const locale = useLocale();
  const ordered = orderWarnings(warnings);
  return (
    <ReviewListSection name="warnings" empty={ordered.length === 0}>
      <ul>
        {ordered.map((warning) => {
          const { title, message, action } = warningWords(warning, words, locale);
          const field = reviewFieldOfWarning(warning.field);
          return (
            <li
              key={`${warning.code}-${warning.field ?? ""}`}
              className="review-warning"
              data-severity={warning.severity}
              data-code={warning.code}
            >
              <p className="review-warning-title">
                <span className="review-severity">
                  <span aria-hidden="true">{SEVERITY_ICON[warning.severity]}</span> {t[`severity.${warning.severity}`]}
                </span>{" "}
                <strong>{title}</strong>
                {field && (
                  <span className="review-sub"> {format(t["warnings.field"], { field: t[`field.${field}`] })}</span>
                )}
              </p>
              <p>{message}</p>
              {action && (
                <p>
                  <span className="review-action-label">{t["warnings.action"]}</span> {action}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </ReviewListSection>
  );
}
