import { useId } from "react";
import { format } from "../../i18n/i18n";
import type { CaptureStrings } from "../../i18n/strings/capture";

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(2)} MB`;

/** What the screen tells of the image being sent: its size before and after preparing, and its pixels. */
interface SentImageSize {
  originalBytes: number;
  blob: Blob;
  width: number;
  height: number;
}

/** Progress of preparing and sending, with cancel. */
export function WorkingScreen({
  stage,
  percent,
  prepared,
  retrying,
  t,
  onCancel,
}: {
  stage: "convert" | "compress" | "upload" | "read";
  percent: number;
  prepared?: SentImageSize;
  retrying: boolean;
  t: CaptureStrings;
  onCancel: () => void;
}) {
  const barId = useId();
  const label = { convert: t.converting, compress: t.preparing, upload: t.sending, read: t.reading }[stage];
  const barLabel = stage === "upload" || stage === "read" ? t.progressUpload : t.progressCompress;
  return (
    <section className="working-screen" aria-busy="true" aria-labelledby={`${barId}-status`}>
      <p id={`${barId}-status`} role="status" aria-live="polite">
        {retrying ? t.retrying : label}
      </p>
      <label htmlFor={barId}>{barLabel}</label>
      {stage === "read" ? (
        <progress id={barId} />
      ) : (
        <progress id={barId} max={100} value={Math.round(percent)}>
          {Math.round(percent)}%
        </progress>
      )}
      {prepared && (
        <p className="size-info">
          {format(t.sizeInfo, {
            original: mb(prepared.originalBytes),
            final: mb(prepared.blob.size),
            width: prepared.width,
            height: prepared.height,
          })}
        </p>
      )}
      <button type="button" className="secondary" onClick={onCancel}>
        {t.cancel}
      </button>
    </section>
  );
}
