import type { PassportResult } from "contract/result";
import type { ReviewFieldKey } from "contract/review/review-fields";
import { useState } from "react";
import { useStrings } from "../../i18n/i18n";
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

interface CustomerConfirmProps {
  result: PassportResult;
  image: Blob;
  onRetake: () => void;
  onConfirm?: (result: PassportResult) => void;
}

/** "Is this you?": the key fields, confirm or retake. No agent controls. */
export function CustomerConfirm({ result, image, onRetake, onConfirm }: CustomerConfirmProps) {
  const t = useStrings(reviewStrings);
  const imageUrl = useObjectUrl(image);
  const [confirmed, setConfirmed] = useState(false);
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
      <div role="status">{confirmed && <p>{t["customer.confirmed"]}</p>}</div>
      {!confirmed && (
        <div className="review-buttons">
          <button
            type="button"
            onClick={() => {
              setConfirmed(true);
              onConfirm?.(result);
            }}
          >
            {t["customer.confirm"]}
          </button>
          <button type="button" onClick={onRetake}>
            {t["customer.retake"]}
          </button>
        </div>
      )}
    </div>
  );
}
