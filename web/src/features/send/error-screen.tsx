import { type ReactNode, useEffect, useId, useRef } from "react";
import { format, useStrings } from "../../i18n/i18n";
import type { CaptureStrings } from "../../i18n/strings/capture";
import { describeError, errorStrings } from "../../i18n/strings/errors";

/**
 * Any failure after capture: what happened, the next step, and the buttons for it. When the next step is another
 * file, `upload` (the app's upload panel) is shown below.
 */
export function ErrorScreen({
  error,
  t,
  canResend,
  onRetake,
  onResend,
  onRestart,
  upload,
}: {
  error: unknown;
  t: CaptureStrings;
  canResend: boolean;
  onRetake: () => void;
  onResend: () => void;
  onRestart: () => void;
  upload: ReactNode;
}) {
  const e = useStrings(errorStrings);
  const described = describeError(error, e);
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="error-screen" aria-labelledby={titleId} data-code={described.code}>
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {e.title}
      </h2>
      <div role="alert">
        <p>{described.message}</p>
        <p>{described.nextText}</p>
      </div>
      <p className="error-code">{format(e.code, { code: described.code })}</p>
      <div className="actions">
        {described.next === "later" && canResend && (
          <button type="button" onClick={onResend}>
            {t.tryAgain}
          </button>
        )}
        {(described.next === "retake" || described.next === "other-file") && (
          <button type="button" onClick={onRetake}>
            {t.retake}
          </button>
        )}
        <button type="button" className="secondary" onClick={onRestart}>
          {t.backToStart}
        </button>
      </div>
      {described.next === "other-file" && upload}
    </section>
  );
}
