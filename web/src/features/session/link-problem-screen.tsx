import { useId } from "react";
import { useStrings } from "../../i18n/i18n";
import { customerStrings } from "../../i18n/strings/customer";

/** Why a verification link cannot be used, as the customer needs to hear it. */
export type LinkProblem = "not-found" | "expired" | "erased" | "failed" | "handoff-used";

const WORDS = {
  "not-found": ["link.notFoundTitle", "link.notFound"],
  expired: ["link.expiredTitle", "link.expired"],
  erased: ["link.erasedTitle", "link.erased"],
  failed: ["link.failedTitle", "link.failed"],
  "handoff-used": ["link.handoffUsedTitle", "link.handoffUsed"],
} as const;

/** The page for a link that is unknown, expired, erased or could not be opened: what happened and what to do. */
export function LinkProblemScreen({ problem, onRetry }: { problem: LinkProblem; onRetry?: () => void }) {
  const t = useStrings(customerStrings);
  const titleId = useId();
  const [title, body] = WORDS[problem];
  return (
    <section className="link-problem" aria-labelledby={titleId} data-problem={problem}>
      <h2 id={titleId}>{t[title]}</h2>
      <p>{t[body]}</p>
      {problem === "failed" && onRetry && (
        <button type="button" onClick={onRetry}>
          {t["link.retry"]}
        </button>
      )}
    </section>
  );
}

/** The problem behind an error code from opening a link (anything unexpected counts as a failed connection). */
export function linkProblemOf(code: string | undefined): LinkProblem {
  if (code === "session_not_found" || code === "session_token_missing") return "not-found";
  if (code === "session_expired") return "expired";
  if (code === "session_erased") return "erased";
  return "failed";
}
