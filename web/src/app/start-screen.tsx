import type { ReactNode } from "react";
import type { CaptureStrings } from "../i18n/strings/capture";

/** A screen that offers the camera and upload. */
export interface CameraOrUploadProps {
  t: CaptureStrings;
  onCamera: () => void;
  /** The upload panel. */
  upload: ReactNode;
}

/** The customer's first screen: what this is, the camera, or upload. */
export function StartScreen({ t, onCamera, upload }: CameraOrUploadProps) {
  return (
    <section className="start-screen" aria-labelledby="start-title">
      <h2 id="start-title">{t.startTitle}</h2>
      <p>{t.intro}</p>
      <button type="button" className="primary" onClick={onCamera}>
        {t.startCamera}
      </button>
      {upload}
    </section>
  );
}
