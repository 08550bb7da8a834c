import type { CustomerConfig } from "contract/customer-config";
import { policyFailures } from "contract/document-policy";
import type { PassportResult } from "contract/result";
import { retakeRequest } from "contract/warning-policy";
import { useEffect, useId, useRef, useState } from "react";
import { useStrings } from "../../i18n/i18n";
import { reviewStrings } from "../../i18n/strings/review";
import { type ConfirmSending, CustomerConfirm } from "./customer-confirm";
import { PolicyStop } from "./policy-stop";
import { RetakePrompt } from "./retake-prompt";

export interface CustomerReviewProps {
  result: PassportResult;
  image: Blob;
  config: Pick<CustomerConfig, "documentPolicy" | "warningPolicy">;
  onRetake: () => void;
  sending?: ConfirmSending | undefined;
}

/**
 * The customer's side of a read, in order: a retake question when the photo has a problem a new photo can fix
 * (operator's per-warning policy), a stop when the document fails the operator's policy (expired, age,
 * nationality), else "Is this you?". Focus moves to each new heading.
 */
export function CustomerReview({ result, image, config, onRetake, sending }: CustomerReviewProps) {
  const t = useStrings(reviewStrings);
  const titleId = useId();
  const [continued, setContinued] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const retake = continued ? null : retakeRequest(result.warnings, config.warningPolicy);
  const failures = policyFailures(result.document, config.documentPolicy, new Date());
  const stage = retake ? "retake" : failures.length > 0 ? "stop" : "confirm";

  useEffect(() => {
    if (stage === "retake") return; // The first screen of a read: the app moves focus to it.
    const heading = box.current?.querySelector<HTMLElement>("h2");
    if (heading && !heading.contains(document.activeElement)) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }, [stage]);

  return (
    <div ref={box} className="customer-review" data-stage={stage}>
      {stage === "retake" && retake && (
        <RetakePrompt request={retake} onRetake={onRetake} onContinue={() => setContinued(true)} />
      )}
      {stage === "stop" && (
        <PolicyStop
          failures={failures}
          document={result.document}
          policy={config.documentPolicy}
          onOtherPassport={onRetake}
        />
      )}
      {stage === "confirm" && (
        <section className="review-screen" aria-labelledby={titleId} data-mode="customer">
          <h2 id={titleId}>{t["title.customer"]}</h2>
          <CustomerConfirm result={result} image={image} onRetake={onRetake} sending={sending} />
        </section>
      )}
    </div>
  );
}
