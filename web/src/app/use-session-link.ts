import { isLocale } from "contract/locales";
import { useEffect, useMemo, useState } from "react";
import { useCustomerSession, useRedeemedHandoff } from "../features/session/use-customer-session";
import { setLocale } from "../i18n/i18n";
import { sessionLinkFromPath } from "./mode";

/**
 * The verification session behind the page's path, if any: `/s/<token>` opens it, `/h/<token>` (a computer's QR code)
 * is redeemed once for this phone's own token (kept in sessionStorage, never in the address, so reloading keeps working).
 * The session's language applies once; `follow()` makes the page watch the session (it went on on a phone).
 */
export function useSessionLink(pathname: string) {
  const link = useMemo(() => sessionLinkFromPath(pathname), [pathname]);
  const redeemed = useRedeemedHandoff(link.kind === "handoff" ? link.token : null);
  const deviceToken = redeemed.data?.deviceToken ?? null;
  const token = link.kind === "token" ? link.token : deviceToken;
  const [following, setFollowing] = useState(false);
  const opened = useCustomerSession(token, following);

  // Once per session: the customer may still pick another language.
  const sessionLocale = opened.data?.locale;
  useEffect(() => {
    if (sessionLocale && isLocale(sessionLocale)) setLocale(sessionLocale);
  }, [sessionLocale]);

  return { link, redeemed, token, opened, follow: () => setFollowing(true) };
}
