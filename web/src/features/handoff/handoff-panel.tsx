import { useEffect, useId, useState } from "react";
import { format, useLocale, useStrings } from "../../i18n/i18n";
import { handoffStrings } from "../../i18n/strings/handoff";
import { ErrorAlert } from "../../lib/error-alert";
import { useStartHandoff } from "./api/start-handoff";
import { QrCode } from "./qr-code";
import "./handoff.css";

interface HandoffPanelProps {
  sessionToken: string;
  /** The session says a phone has taken over (the page polls it while a code is shown). */
  phoneConnected: boolean;
  /** A code is on screen: the page should follow the session's progress. */
  onShowing: (showing: boolean) => void;
}

/**
 * For a computer without a camera: a QR code of a short-lived, single-use link to the same session, to finish on the
 * phone. The computer's page follows the phone's progress (the app polls the session) and ends on the finished screen.
 */
export function HandoffPanel({ sessionToken, phoneConnected, onShowing }: HandoffPanelProps) {
  const t = useStrings(handoffStrings);
  const locale = useLocale();
  const id = useId();
  const start = useStartHandoff(sessionToken);
  const link = start.data;
  const [now, setNow] = useState(() => Date.now());
  const expired = link !== undefined && !phoneConnected && now >= Date.parse(link.expiresAt);

  useEffect(() => onShowing(link !== undefined && !expired), [link, expired, onShowing]);
  useEffect(() => {
    if (!link || phoneConnected) return;
    const timer = window.setInterval(() => setNow(Date.now()), 5000);
    return () => window.clearInterval(timer);
  }, [link, phoneConnected]);

  const until = link ? new Intl.DateTimeFormat(locale, { timeStyle: "short" }).format(new Date(link.expiresAt)) : "";
  return (
    <section className="handoff-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t.title}</h3>
      {!link && (
        <>
          <p>{t.intro}</p>
          <button type="button" className="secondary" disabled={start.isPending} onClick={() => start.mutate()}>
            {t.show}
          </button>
        </>
      )}
      {link && !expired && !phoneConnected && (
        <>
          <QrCode text={link.url} label={t.qrLabel} />
          <p>{format(t.scan, { time: until })}</p>
          <p className="handoff-link">
            {t.orOpen} <code>{link.url}</code>
          </p>
        </>
      )}
      <div role="status">
        {phoneConnected && <p className="handoff-connected">{t.connected}</p>}
        {expired && <p>{t.expired}</p>}
      </div>
      {link && (expired || !phoneConnected) && (
        <button type="button" className="secondary" disabled={start.isPending} onClick={() => start.mutate()}>
          {t.again}
        </button>
      )}
      <ErrorAlert error={start.error} />
    </section>
  );
}
