import { useStrings } from "../../i18n/i18n";
import { reviewStrings } from "../../i18n/strings/review";

export type BadgeState =
  | "verified"
  | "corrected"
  | "failed"
  | "unchecked"
  | "mismatch"
  | "low-confidence"
  | "edited"
  | "none";

const ICON: Record<BadgeState, string> = {
  verified: "✓",
  corrected: "✎",
  failed: "✗",
  unchecked: "○",
  mismatch: "≠",
  "low-confidence": "?",
  edited: "✐",
  none: "–",
};

/** A state as icon and words together, so colour is never the only signal. */
export function StateBadge({ state }: { state: BadgeState }) {
  const t = useStrings(reviewStrings);
  return (
    <span className="review-state" data-state={state}>
      <span aria-hidden="true" className="review-state-icon">
        {ICON[state]}
      </span>{" "}
      {t[`state.${state}`]}
    </span>
  );
}

export function stateIcon(state: BadgeState): string {
  return ICON[state];
}
