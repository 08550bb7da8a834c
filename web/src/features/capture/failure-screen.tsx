import { useId } from "react";
import type { CaptureStrings } from "../../i18n/strings/capture";
import { browserFamily, type CameraFailure } from "./camera-failure";
import { UploadPanel } from "./upload-panel";

const RETRYABLE: ReadonlySet<CameraFailure> = new Set(["no-camera", "denied", "busy", "track-ended", "unknown"]);

/** One screen per camera failure, each with what to do and upload as the way forward. */
export function FailureScreen({
  failure,
  t,
  onRetry,
  onFile,
  showCameraApp,
}: {
  failure: CameraFailure;
  t: CaptureStrings;
  onRetry: () => void;
  onFile: (file: File) => void;
  showCameraApp: boolean;
}) {
  const titleId = useId();
  const family = browserFamily(navigator.userAgent);
  return (
    <section className="failure-screen" aria-labelledby={titleId} data-failure={failure}>
      <h2 id={titleId}>{t[`fail_${failure}_title`]}</h2>
      <p>{t[`fail_${failure}_body`]}</p>
      {failure === "denied" && (
        <div className="steps">
          <h3>{t.stepsTitle}</h3>
          <p>{t[`steps_${family}`]}</p>
        </div>
      )}
      {RETRYABLE.has(failure) && (
        <button type="button" onClick={onRetry}>
          {t.retryCamera}
        </button>
      )}
      <UploadPanel t={t} onFile={onFile} showCameraApp={showCameraApp} />
    </section>
  );
}
