import type { CustomerConfig } from "contract/customer-config";
import type { PassportResult } from "contract/result";
import { useStrings } from "../../i18n/i18n";
import { reviewStrings } from "../../i18n/strings/review";
import type { ConfirmSending } from "./customer-confirm";
import { CustomerReview } from "./customer-review";
import { DeskReview } from "./desk-review";
import "./review.css";

export interface ReviewScreenProps {
  mode: "customer" | "desk";
  result: PassportResult;
  image: Blob;
  onRetake: () => void;
  /** Customer mode: the operator's policies the read is checked against before "Is this you?". */
  config: Pick<CustomerConfig, "documentPolicy" | "warningPolicy">;
  /** Customer mode with a verification session: sends the confirmation. */
  sending?: ConfirmSending | undefined;
}

/** Review of one read: the customer's retake question, policy stop or "Is this you?"; the agent's full review. */
export function ReviewScreen({ mode, result, image, onRetake, config, sending }: ReviewScreenProps) {
  const t = useStrings(reviewStrings);
  if (mode === "customer") {
    return <CustomerReview result={result} image={image} config={config} onRetake={onRetake} sending={sending} />;
  }
  return (
    <section className="review-screen" aria-labelledby="review-title" data-mode={mode}>
      <h2 id="review-title">{t["title.desk"]}</h2>
      {/* Keyed by request: a new read starts a fresh review (no edits or decision carried over). */}
      <DeskReview key={result.requestId} result={result} image={image} onRetake={onRetake} />
    </section>
  );
}
