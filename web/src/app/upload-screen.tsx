import type { CameraOrUploadProps } from "./start-screen";

/** Upload chosen instead of the camera, with the way back to it. */
export function UploadScreen({ t, onCamera, upload }: CameraOrUploadProps) {
  return (
    <section className="upload-screen">
      {upload}
      <button type="button" className="secondary" onClick={onCamera}>
        {t.startCamera}
      </button>
    </section>
  );
}
