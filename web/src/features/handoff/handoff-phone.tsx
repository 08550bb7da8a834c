import { type ReactNode, useEffect, useId, useState } from "react";
import { useStrings } from "../../i18n/i18n";
import { handoffStrings } from "../../i18n/strings/handoff";
import { redeemHandoff } from "./api/redeem-handoff";
import { storeDeviceToken, storedDeviceToken } from "./device-token";

/** One redemption per link in this page, whatever React runs twice (the link works only once). */
const redeeming = new Map<string, Promise<{ deviceToken: string }>>();

/**
 * The phone's side of a handoff, at /h/<link>: redeems the link once for a device token (kept for reloads), then shows
 * `children` with it: the same flow as the customer's own link. A used or expired link says to show the code again.
 */
export function HandoffPhone({
  linkToken,
  children,
}: {
  linkToken: string;
  children: (deviceToken: string) => ReactNode;
}) {
  const t = useStrings(handoffStrings);
  const id = useId();
  const [deviceToken, setDeviceToken] = useState(() => storedDeviceToken(linkToken));
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (deviceToken) return;
    let live = true;
    const pending = redeeming.get(linkToken) ?? redeemHandoff(linkToken);
    redeeming.set(linkToken, pending);
    pending.then(
      ({ deviceToken: token }) => {
        storeDeviceToken(linkToken, token);
        if (live) setDeviceToken(token);
      },
      () => {
        redeeming.delete(linkToken);
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [deviceToken, linkToken]);

  if (deviceToken) return children(deviceToken);
  if (failed) {
    return (
      <section className="handoff-phone" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t.phoneProblemTitle}</h2>
        <p role="alert">{t.phoneProblem}</p>
      </section>
    );
  }
  return <p role="status">{t.phoneConnecting}</p>;
}
