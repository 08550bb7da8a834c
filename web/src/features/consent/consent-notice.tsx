import type { CustomerConfig } from "contract/customer-config";
import { format, useLocale, useStrings } from "../../i18n/i18n";
import { customerStrings } from "../../i18n/strings/customer";

/**
 * Before any capture: who asks for the passport, the operator's consent text in the reader's language (or the
 * app's own words), what is captured and why, and the operator's privacy notice. Continuing is agreeing.
 */
export function ConsentNotice({
  config,
  retakeReason,
}: {
  config: Pick<CustomerConfig, "operatorName" | "consentText" | "privacyUrl">;
  /** A desk agent asked for a new photo, with this reason (empty: no reason given). */
  retakeReason?: string | null | undefined;
}) {
  const t = useStrings(customerStrings);
  const locale = useLocale();
  const operatorText = config.consentText[locale];
  return (
    <div className="consent-notice">
      {retakeReason !== undefined && retakeReason !== null && (
        <div className="consent-retake" role="note">
          <p>{t["intro.retakeAsked"]}</p>
          {retakeReason && <p>{format(t["intro.retakeReason"], { reason: retakeReason })}</p>}
        </div>
      )}
      <p>
        {config.operatorName ? format(t["intro.operator"], { operator: config.operatorName }) : t["intro.noOperator"]}
      </p>
      <p className="consent-text">{operatorText ?? t["intro.consent"]}</p>
      <h3>{t["intro.whatTitle"]}</h3>
      <ul className="consent-what">
        <li>{t["intro.what.page"]}</li>
        <li>{t["intro.what.portrait"]}</li>
        <li>{t["intro.what.lines"]}</li>
      </ul>
      {config.privacyUrl && (
        <p>
          <a href={config.privacyUrl} target="_blank" rel="noopener noreferrer">
            {t["intro.privacy"]}
          </a>
        </p>
      )}
      <p className="consent-agree">{t["intro.agree"]}</p>
    </div>
  );
}
