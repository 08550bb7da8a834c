import type { DocumentPolicy, PolicyFailure } from "contract/document-policy";
import type { DocumentFields } from "contract/result";
import { useId } from "react";
import { format, useStrings } from "../../i18n/i18n";
import { customerStrings } from "../../i18n/strings/customer";

/**
 * The end of the road for a document the operator does not accept (expired, holder under age, nationality): why,
 * and what the customer can still do. There is no way to confirm it; the read stays stored for the desk.
 */
export function PolicyStop({
  failures,
  document,
  policy,
  onOtherPassport,
}: {
  failures: readonly PolicyFailure[];
  document: DocumentFields;
  policy: DocumentPolicy;
  onOtherPassport: () => void;
}) {
  const t = useStrings(customerStrings);
  const titleId = useId();
  const values = {
    date: document.expiryDate ?? "",
    age: policy.minAge,
    nationality: document.nationality ?? "",
  };
  return (
    <section className="policy-stop" aria-labelledby={titleId}>
      <h2 id={titleId}>{t["stop.title"]}</h2>
      <div role="alert">
        <p>{t["stop.intro"]}</p>
        <ul>
          {failures.map((failure) => (
            <li key={failure} data-code={failure}>
              {format(t[`stop.${failure}`], values)}
            </li>
          ))}
        </ul>
      </div>
      <p>{t["stop.next"]}</p>
      <div className="actions">
        <button type="button" className="secondary" onClick={onOtherPassport}>
          {t["stop.other"]}
        </button>
      </div>
    </section>
  );
}
