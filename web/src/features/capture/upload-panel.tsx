import { type ChangeEvent, type DragEvent, useEffect, useId, useState } from "react";
import type { CaptureStrings } from "../../i18n/strings/capture";

/** What the file inputs accept. Windows may send HEIC with no MIME type, so the extensions are listed too. */
export const UPLOAD_ACCEPT = "image/png,image/jpeg,image/bmp,image/heic,image/heif,.png,.jpg,.jpeg,.bmp,.heic,.heif";

/**
 * Upload as the way forward from every screen: a file picker, the phone's camera app (`capture="environment"`),
 * drag-and-drop and paste. The file goes to onFile as it is; checks and conversion happen after.
 */
export function UploadPanel({
  t,
  onFile,
  showCameraApp,
}: {
  t: CaptureStrings;
  onFile: (file: File) => void;
  showCameraApp: boolean;
}) {
  const titleId = useId();
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const file = Array.from(event.clipboardData?.files ?? []).find(
        (f) => f.type.startsWith("image/") || f.type === "",
      );
      if (file) {
        event.preventDefault();
        onFile(file);
      }
    };
    document.addEventListener("paste", onPaste);
    return () => document.removeEventListener("paste", onPaste);
  }, [onFile]);

  /** Both file inputs: the picked file goes on; the input is cleared so picking the same file again fires again. */
  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = "";
    if (file) onFile(file);
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };

  return (
    <section
      className="upload-panel"
      aria-labelledby={titleId}
      data-dragging={dragging}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <h2 id={titleId}>{t.uploadTitle}</h2>
      <p>{t.uploadHelp}</p>
      <div className="actions">
        {showCameraApp && (
          <label className="button">
            {t.takeWithCameraApp}
            <input type="file" accept="image/*" capture="environment" className="visually-hidden" onChange={onPick} />
          </label>
        )}
        <label className="button">
          {t.chooseFile}
          <input type="file" accept={UPLOAD_ACCEPT} className="visually-hidden" onChange={onPick} />
        </label>
      </div>
      <p className="drop-hint">{t.dropHere}</p>
    </section>
  );
}
