import { useMutation } from "@tanstack/react-query";
import { lazy, Suspense, useId } from "react";
import { format, useLocale, useStrings } from "../../i18n/i18n";
import { customerStrings } from "../../i18n/strings/customer";
import { startHandoff } from "./session-api";

/** The QR encoder loads only when a code is shown (computers that hand over to a phone). */
const QrCode = lazy(() => import("./qr-code").then((m) => ({ default: m.QrCode })));

/**
 * On a computer (no camera, or an awkward one): a QR code and link that take the same session to the customer's phone.
 * The link works once, for a few minutes; this page follows the session (`phoneConnected`, then finished).
 */
export function HandoffPanel({
  token,
  phoneConnected,
  onStarted,
}: {
  token: string;
  phoneConnected: boolean;
  /** The link exists: the page should now follow the session. */
  onStarted: () => void;
}) {
  const t = useStrings(customerStrings);
  const locale = useLocale();
  const titleId = useId();
  const link = useMutation({ mutationFn: () => startHandoff(token), onSuccess: onStarted });
  const expires = link.data ? new Date(link.data.expiresAt) : null;
  return (
    <section className="handoff-panel" aria-labelledby={titleId}>
      <h3 id={titleId}>{t["handoff.title"]}</h3>
      {!link.data && (
        <button type="button" className="secondary" disabled={link.isPending} onClick={() => link.mutate()}>
          {t["handoff.start"]}
        </button>
      )}
      {link.isError && <p role="alert">{t["handoff.failed"]}</p>}
      {link.data && expires && (
        <>
          <p>{t["handoff.scan"]}</p>
          <Suspense fallback={null}>
            <QrCode text={link.data.url} label={t["handoff.qr"]} />
          </Suspense>
          <p className="handoff-url">{link.data.url}</p>
          <p>
            {format(t["handoff.validUntil"], {
              time: expires.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" }),
            })}
          </p>
          <p role="status">{phoneConnected ? t["handoff.connected"] : t["handoff.waiting"]}</p>
        </>
      )}
    </section>
  );
}
