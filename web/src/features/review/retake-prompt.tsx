import type { RetakeRequest } from "contract/warning-policy";
import { useId } from "react";
import { useLocale, useStrings } from "../../i18n/i18n";
import { customerStrings } from "../../i18n/strings/customer";
import { warningStrings } from "../../i18n/strings/review";
import { warningWords } from "./warning-words";

/**
 * Asked at once when a read carries warnings a new photo can fix: each reason and how to fix it, the retake first,
 * and "continue" only when the operator's policy allows it for every one of them.
 */
export function RetakePrompt({
  request,
  onRetake,
  onContinue,
}: {
  request: RetakeRequest;
  onRetake: () => void;
  onContinue: () => void;
}) {
  const t = useStrings(customerStrings);
  const words = useStrings(warningStrings);
  const locale = useLocale();
  const titleId = useId();
  return (
    <section className="retake-prompt" aria-labelledby={titleId}>
      <h2 id={titleId}>{t["retake.title"]}</h2>
      <p>{t["retake.intro"]}</p>
      <ul className="retake-reasons">
        {request.warnings.map((warning) => {
          const { title, message, action } = warningWords(warning, words, locale);
          return (
            <li key={warning.code} data-code={warning.code}>
              <p>
                <strong>{title}</strong>: {message}
              </p>
              {action && (
                <p>
                  <span className="review-action-label">{t["retake.fix"]}</span> {action}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <div className="actions">
        <button type="button" onClick={onRetake}>
          {t["retake.again"]}
        </button>
        {request.canContinue ? (
          <button type="button" className="secondary" onClick={onContinue}>
            {t["retake.continue"]}
          </button>
        ) : (
          <p>{t["retake.noContinue"]}</p>
        )}
      </div>
    </section>
  );
}
