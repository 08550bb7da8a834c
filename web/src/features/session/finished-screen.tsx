import type { CustomerSession } from "contract/session";
import { useEffect, useId } from "react";
import { format, useStrings } from "../../i18n/i18n";
import { customerStrings } from "../../i18n/strings/customer";
import { redirectTarget } from "./redirect-url";

/** Long enough to read the reference and the next step, short enough not to look stuck. */
export const REDIRECT_DELAY_MS = 4000;

/**
 * The end of the customer's journey: the session's reference, what happens next, and the way back to the
 * integrator's site when it gave one (followed by itself after a few seconds). Shown again on reloading the link.
 */
export function FinishedScreen({ session }: { session: CustomerSession }) {
  const t = useStrings(customerStrings);
  const titleId = useId();
  const target = redirectTarget(session.redirectUrl, session.sessionId, "submitted");
  const href = target?.href;
  useEffect(() => {
    if (!href) return;
    const timer = window.setTimeout(() => window.location.assign(href), REDIRECT_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [href]);
  return (
    <section className="finished-screen" aria-labelledby={titleId}>
      <h2 id={titleId}>{t["finished.title"]}</h2>
      <p className="finished-reference">{format(t["finished.reference"], { reference: session.reference })}</p>
      <p>{t["finished.next"]}</p>
      {target && (
        <>
          <p role="status">{format(t["finished.redirecting"], { site: target.host })}</p>
          <a className="button" href={target.href} rel="noreferrer">
            {format(t["finished.continue"], { site: target.host })}
          </a>
        </>
      )}
    </section>
  );
}
