import { useStrings } from "../i18n/i18n";
import { customerStrings } from "../i18n/strings/customer";

export const JOURNEY_STEPS = ["start", "photo", "check", "done"] as const;
export type JourneyStep = (typeof JOURNEY_STEPS)[number];

/** Where the customer is in the journey: an ordered list with the current step marked (aria-current) for every reader. */
export function StepIndicator({ current }: { current: JourneyStep }) {
  const t = useStrings(customerStrings);
  const index = JOURNEY_STEPS.indexOf(current);
  return (
    <ol className="step-indicator" aria-label={t["steps.label"]}>
      {JOURNEY_STEPS.map((step, i) => (
        <li
          key={step}
          aria-current={i === index ? "step" : undefined}
          data-state={i < index ? "done" : i === index ? "current" : "next"}
        >
          <span className="step-number" aria-hidden="true">
            {i + 1}
          </span>{" "}
          {t[`steps.${step}`]}
        </li>
      ))}
    </ol>
  );
}
