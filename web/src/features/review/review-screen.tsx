import type { PassportResult } from "contract/result";
import { useStrings } from "../../i18n/i18n";
import { reviewStrings } from "../../i18n/strings/review";
import { CustomerConfirm } from "./customer-confirm";
import "./review.css";

export interface ReviewScreenProps {
  result: PassportResult;
  image: Blob;
  onRetake: () => void;
  /** Called when the person confirms the details are theirs. */
  onConfirm?: (result: PassportResult) => void;
}

/** The customer's review of one read: "Is this you?". (The agents' review of stored sessions is DeskReview.) */
export function ReviewScreen({ result, image, onRetake, onConfirm }: ReviewScreenProps) {
  const t = useStrings(reviewStrings);
  return (
    <section className="review-screen" aria-labelledby="review-title" data-mode="customer">
      <h2 id="review-title">{t["title.customer"]}</h2>
      <CustomerConfirm result={result} image={image} onRetake={onRetake} {...(onConfirm ? { onConfirm } : {})} />
    </section>
  );
}
