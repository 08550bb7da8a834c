import type { PassportResult } from "contract/result";
import { useStrings } from "../../i18n/i18n";
import { reviewStrings } from "../../i18n/strings/review";
import { CustomerConfirm } from "./customer-confirm";
import { DeskReview } from "./desk-review";
import "./review.css";

export interface ReviewScreenProps {
  mode: "customer" | "desk";
  result: PassportResult;
  image: Blob;
  onRetake: () => void;
  /** Customer mode: called when the person confirms the details are theirs. */
  onConfirm?: (result: PassportResult) => void;
}

/** Review of one read: "Is this you?" for the customer at `/`, the full review at the agent's `/desk`. */
export function ReviewScreen({ mode, result, image, onRetake, onConfirm }: ReviewScreenProps) {
  const t = useStrings(reviewStrings);
  return (
    <section className="review-screen" aria-labelledby="review-title" data-mode={mode}>
      <h2 id="review-title">{mode === "customer" ? t["title.customer"] : t["title.desk"]}</h2>
      {mode === "customer" ? (
        <CustomerConfirm result={result} image={image} onRetake={onRetake} {...(onConfirm ? { onConfirm } : {})} />
      ) : (
        // Keyed by request: a new read starts a fresh review (no edits or decision carried over).
        <DeskReview key={result.requestId} result={result} image={image} onRetake={onRetake} />
      )}
    </section>
  );
}
