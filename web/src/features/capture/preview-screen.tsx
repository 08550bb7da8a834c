import { useEffect, useId, useRef } from "react";
import type { CaptureStrings } from "../../i18n/strings/capture";
import { useObjectUrl } from "../../lib/use-object-url";

/** The still just taken, with retake / use. At the desk: R retakes, Enter uses. */
export function PreviewScreen({
  still,
  t,
  mode,
  onUse,
  onRetake,
}: {
  still: Blob;
  t: CaptureStrings;
  mode: "customer" | "desk";
  onUse: () => void;
  onRetake: () => void;
}) {
  const url = useObjectUrl(still);
  const titleId = useId();
  const useButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    useButton.current?.focus();
    if (mode !== "desk") return;
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLElement && event.target.closest("input, select, textarea")) return;
      if (event.key === "r" || event.key === "R") {
        event.preventDefault();
        onRetake();
      } else if (event.key === "Enter" && !(event.target instanceof HTMLButtonElement)) {
        event.preventDefault();
        onUse();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [mode, onUse, onRetake]);

  return (
    <section className="preview-screen" aria-labelledby={titleId}>
      <h2 id={titleId}>{t.previewTitle}</h2>
      {url && <img src={url} alt={t.previewAlt} className="preview-image" />}
      <p>{t.previewQuestion}</p>
      <div className="actions">
        <button type="button" ref={useButton} onClick={onUse}>
          {t.usePhoto}
        </button>
        <button type="button" className="secondary" onClick={onRetake}>
          {t.retake}
        </button>
      </div>
    </section>
  );
}
