import { format, useStrings } from "../../i18n/i18n";
import { reviewStrings } from "../../i18n/strings/review";
import { useRecentCaptures } from "./recent-captures";

/** Captures reviewed in this tab, newest first; held in memory only. */
export function RecentCapturesList({ currentId }: { currentId: string }) {
  const t = useStrings(reviewStrings);
  const captures = useRecentCaptures();
  return (
    <section className="review-recent" aria-labelledby="review-recent-heading">
      <h3 id="review-recent-heading">{t["recent.heading"]}</h3>
      {captures.length === 0 ? (
        <p>{t["recent.none"]}</p>
      ) : (
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
      )}
    </section>
  );
}
