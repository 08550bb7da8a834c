import type { ReactNode } from "react";
import type { CaptureStrings } from "../i18n/strings/capture";

/** A screen that offers the camera and upload. */
export interface CameraOrUploadProps {
  t: CaptureStrings;
  onCamera: () => void;
  /** The upload panel. */
  upload: ReactNode;
}

/**
 * The customer's first screen: the consent intro, then the camera or upload (choosing one is agreeing), and on a
 * computer the way to continue on a phone.
 */
export function StartScreen({
  t,
  onCamera,
  upload,
  consent,
  handoff,
}: CameraOrUploadProps & { consent: ReactNode; handoff?: ReactNode }) {
  return (
    <section className="start-screen" aria-labelledby="start-title">
      <h2 id="start-title">{t.startTitle}</h2>
      <p>{t.intro}</p>
      {consent}
      <button type="button" className="primary" onClick={onCamera}>
        {t.startCamera}
      </button>
      {upload}
      {handoff}
    </section>
  );
}
