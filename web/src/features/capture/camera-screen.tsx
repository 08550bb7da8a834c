import { useCallback, useId, useState } from "react";
import Webcam from "react-webcam";
import type { CaptureStrings } from "../../i18n/strings/capture";
import { CameraPicker } from "./camera-picker";
import { FailureScreen } from "./failure-screen";
import { grabStill } from "./grab-still";
import { GuideFrame } from "./guide-frame";
import type { QualityThresholds } from "./quality-thresholds";
import { useCamera } from "./use-camera";
import { useDeskShutterKey } from "./use-desk-shutter-key";
import { useFrameQuality } from "./use-frame-quality";
import { WhyPanel } from "./why-panel";

export interface CameraScreenProps {
  mode: "customer" | "desk";
  t: CaptureStrings;
  thresholds: QualityThresholds;
  onStill: (still: Blob) => void;
  onFile: (file: File) => void;
  onUploadInstead: () => void;
  showCameraApp: boolean;
}

/**
 * The live camera: react-webcam with a 1920x1080 request and graceful fallback, the best back camera by score,
 * a picker, torch, mirroring only for a user-facing camera, the ID-3 guide, live hints and auto-capture.
 */
export function CameraScreen({
  mode,
  t,
  thresholds,
  onStill,
  onFile,
  onUploadInstead,
  showCameraApp,
}: CameraScreenProps) {
  const camera = useCamera(mode);
  const { video, track } = camera;
  const [capturing, setCapturing] = useState(false);
  const hintId = useId();

  const capture = useCallback(async () => {
    if (!video || capturing) return;
    setCapturing(true);
    try {
      onStill(await grabStill(video, track));
    } catch {
      setCapturing(false);
    }
  }, [video, track, capturing, onStill]);

  const quality = useFrameQuality(video, !capturing && camera.failure === null, thresholds, capture);
  useDeskShutterKey(mode === "desk", capture);

  if (camera.failure) {
    return (
      <FailureScreen
        failure={camera.failure}
        t={t}
        onFile={onFile}
        showCameraApp={showCameraApp}
        onRetry={camera.retry}
      />
    );
  }

  const hintText = quality.hint ? t[`hint_${quality.hint}`] : quality.metrics ? t.hint_good : t.startingCamera;
  return (
    <section className="camera-screen" aria-label={t.cameraRegion}>
      <div className="viewfinder">
        <Webcam
          key={camera.webcamKey}
          ref={camera.webcam}
          audio={false}
          videoConstraints={camera.videoConstraints}
          mirrored={camera.mirrored}
          onUserMedia={camera.onUserMedia}
          onUserMediaError={camera.onUserMediaError}
          forceScreenshotSourceSize
          disablePictureInPicture
          playsInline
          muted
          aria-label={t.cameraPreviewLabel}
          aria-describedby={hintId}
        />
        <GuideFrame mrzLabel={t.mrzZone} progress={quality.progress} />
      </div>
      <p id={hintId} className="hint" role="status" aria-live="polite" aria-atomic="true">
        {hintText}
      </p>
      <p className="guide-text">{t.guideDescription}</p>
      <div className="controls">
        <button type="button" className="shutter" onClick={() => void capture()} disabled={!video || capturing}>
          {t.shutter}
        </button>
        {camera.torch.supported && (
          <button type="button" aria-pressed={camera.torch.on} onClick={() => void camera.torch.toggle()}>
            {camera.torch.on ? t.torchOff : t.torchOn}
          </button>
        )}
        {camera.cameras.length > 0 && (
          <CameraPicker t={t} cameras={camera.cameras} value={camera.selected} onChoose={camera.choose} />
        )}
        <button type="button" className="secondary" onClick={onUploadInstead}>
          {t.uploadInstead}
        </button>
      </div>
      <WhyPanel metrics={quality.metrics} document={quality.document} thresholds={thresholds} t={t} />
    </section>
  );
}
