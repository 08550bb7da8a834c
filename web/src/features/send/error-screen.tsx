import { type ReactNode, useEffect, useId, useRef } from "react";
import { format, useStrings } from "../../i18n/i18n";
import type { CaptureStrings } from "../../i18n/strings/capture";
import { customerStrings } from "../../i18n/strings/customer";
import { describeError, errorStrings } from "../../i18n/strings/errors";

/** Failures to find or read the page: with an uploaded photo, a page turned sideways is a common cause. */
const READ_FAILURES = new Set([
  "mrz_not_found",
  "mrz_unreadable",
  "no_passport",
  "ocr_failed",
  "recognition_failed",
  "passport_fields_unreadable",
]);

/**
 * Any failure after capture: what happened, the next step, and the buttons for it. When the next step is another
 * file, `upload` (the app's upload panel) is shown below. An uploaded photo that could not be read gets a hint to turn
 * the page (until the engine turns pages by itself).
 */
export function ErrorScreen({
  error,
  t,
  canResend,
  onRetake,
  onResend,
  onRestart,
  upload,
  from,
}: {
  error: unknown;
  /** Where the photo came from. */
  from: "camera" | "upload";
  t: CaptureStrings;
  canResend: boolean;
  onRetake: () => void;
  onResend: () => void;
  onRestart: () => void;
  upload: ReactNode;
}) {
  const e = useStrings(errorStrings);
  const c = useStrings(customerStrings);
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
        {from === "upload" && READ_FAILURES.has(described.code) && <p>{c["rotated.hint"]}</p>}
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
