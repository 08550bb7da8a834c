import { format, useStrings } from "../../i18n/i18n";
import { reviewStrings } from "../../i18n/strings/review";
import { useRecentCaptures } from "./recent-captures";
import { ReviewListSection } from "./review-list-section";

/** Captures reviewed in this tab, newest first; held in memory only. */
export function RecentCapturesList({ currentId }: { currentId: string }) {
  const t = useStrings(reviewStrings);
  const captures = useRecentCaptures();
  return (
    <ReviewListSection name="recent" empty={captures.length === 0}>
      <ol>
        {captures.map((capture) => (
          <li key={capture.requestId} aria-current={capture.requestId === currentId ? "true" : undefined}>
            {format(t["recent.entry"], {
              time: new Date(capture.at).toLocaleTimeString(),
              name: capture.name,
              number: capture.number,
            })}{" "}
            — {capture.outcome ? t[`decision.${capture.outcome}`] : t["recent.pending"]}
            {capture.requestId === currentId && ` ${t["recent.current"]}`}
          </li>
        ))}
      </ol>
    </ReviewListSection>
  );
}
