import type { PassportResult } from "contract/result";
import type { ReviewFieldKey } from "contract/review/review-fields";
import { useState } from "react";
import { useStrings } from "../../i18n/i18n";
import { customerStrings } from "../../i18n/strings/customer";
import { reviewStrings } from "../../i18n/strings/review";
import { useObjectUrl } from "../../lib/use-object-url";
import { BannerList } from "./banner-list";
import { PortraitView } from "./portrait-view";

const KEY_FIELDS = [
  "surname",
  "givenNames",
  "number",
  "nationality",
  "birthDate",
  "expiryDate",
] as const satisfies readonly ReviewFieldKey[];

/**
 * Sending the customer's confirmation somewhere (a verification session): the app submits and says how it went.
 * Without it (the try-it flow at `/`) confirming only says thank you.
 */
export interface ConfirmSending {
  confirm: () => void;
  sending: boolean;
  failed: boolean;
}

interface CustomerConfirmProps {
  result: PassportResult;
  image: Blob;
  onRetake: () => void;
  sending?: ConfirmSending | undefined;
}

/** "Is this you?": the key fields, confirm or retake. No agent controls. */
export function CustomerConfirm({ result, image, onRetake, sending }: CustomerConfirmProps) {
  const t = useStrings(reviewStrings);
  const c = useStrings(customerStrings);
  const imageUrl = useObjectUrl(image);
  const [confirmed, setConfirmed] = useState(false);
  const busy = sending?.sending === true;
  return (
    <div className="review review-customer">
      <p>{t["customer.intro"]}</p>
      <BannerList document={result.document} today={new Date()} />
      <div className="review-columns">
        {result.portrait ? (
          <PortraitView portrait={result.portrait} />
        ) : (
          imageUrl && <img className="review-thumb" src={imageUrl} alt={t["image.alt"]} />
        )}
        <dl className="review-key-fields">
          {KEY_FIELDS.map((key) => (
            <div key={key}>
              <dt>{t[`field.${key}`]}</dt>
              <dd>{result.document[key] ?? t["fields.empty"]}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div role="status">
        {confirmed && <p>{t["customer.confirmed"]}</p>}
        {busy && <p>{c["confirm.sending"]}</p>}
      </div>
      {sending?.failed && !busy && (
        <p role="alert" className="confirm-failed">
          {c["confirm.failed"]}
        </p>
      )}
      {!confirmed && (
        <div className="review-buttons">
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              if (sending) sending.confirm();
              else setConfirmed(true);
            }}
          >
            {sending?.failed ? c["confirm.retry"] : t["customer.confirm"]}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={onRetake}>
            {t["customer.retake"]}
          </button>
        </div>
      )}
    </div>
  );
}
