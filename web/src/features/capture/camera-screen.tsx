import { useCallback, useEffect, useId, useRef, useState } from "react";
import Webcam from "react-webcam";
import type { CaptureStrings } from "../../i18n/strings/capture";
import { constraintLadder, isOverconstrained } from "./camera-constraints";
import { type CameraFailure, classifyCameraError, isInAppBrowser, preflightFailure } from "./camera-failure";
import { type CameraInfo, pickBestCamera, scoreCamera, shouldMirror } from "./camera-scoring";
import { nativeGetUserMedia } from "./camera-support";
import { FailureScreen } from "./failure-screen";
import { grabStill } from "./grab-still";
import { GuideFrame } from "./guide-frame";
import type { QualityThresholds } from "./quality-thresholds";
import { useFrameQuality } from "./use-frame-quality";
import { WhyPanel } from "./why-panel";

/** Where the desk remembers the agent's camera. */
export const DESK_CAMERA_KEY = "passport-kyc.desk.camera";

type TorchTrackCapabilities = MediaTrackCapabilities & { torch?: boolean };

async function listCameras(): Promise<CameraInfo[]> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices
    .filter((d) => d.kind === "videoinput")
    .map((d) => {
      const caps = (d as InputDeviceInfo).getCapabilities?.() as TorchTrackCapabilities | undefined;
      return {
        deviceId: d.deviceId,
        label: d.label,
        facingMode: caps?.facingMode,
        maxWidth: caps?.width?.max,
        maxHeight: caps?.height?.max,
        torch: caps?.torch === true,
      };
    });
}

function rememberedCamera(mode: "customer" | "desk"): string | undefined {
  if (mode !== "desk") return undefined;
  try {
    return localStorage.getItem(DESK_CAMERA_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function rememberCamera(deviceId: string): void {
  try {
    localStorage.setItem(DESK_CAMERA_KEY, deviceId);
  } catch {
    // Private mode or storage disabled: nothing to remember.
  }
}

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
  const [failure, setFailure] = useState<CameraFailure | null>(() =>
    preflightFailure({
      isSecureContext: window.isSecureContext,
      hasGetUserMedia: nativeGetUserMedia,
      userAgent: navigator.userAgent,
    }),
  );
  const [deviceId, setDeviceId] = useState<string | undefined>(() => rememberedCamera(mode));
  const [rung, setRung] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const [cameras, setCameras] = useState<CameraInfo[]>([]);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const [track, setTrack] = useState<MediaStreamTrack | undefined>();
  const [mirrored, setMirrored] = useState(false);
  const [torch, setTorch] = useState<{ supported: boolean; on: boolean }>({ supported: false, on: false });
  const [capturing, setCapturing] = useState(false);
  const webcam = useRef<Webcam>(null);
  const chosen = useRef(deviceId !== undefined);
  const pickerId = useId();
  const hintId = useId();

  const choose = useCallback(
    (id: string) => {
      chosen.current = true;
      setDeviceId(id);
      setRung(0);
      setVideo(null);
      if (mode === "desk") rememberCamera(id);
    },
    [mode],
  );

  const onUserMedia = useCallback(
    async (stream: MediaStream) => {
      const videoTrack = stream.getVideoTracks()[0];
      setVideo(webcam.current?.video ?? null);
      setTrack(videoTrack);
      if (!videoTrack) return;
      videoTrack.addEventListener("ended", () => setFailure("track-ended"));
      const settings = videoTrack.getSettings();
      // The desk remembers the camera in use (picked by hand or by score) for the next visit.
      if (mode === "desk" && settings.deviceId) rememberCamera(settings.deviceId);
      setMirrored(shouldMirror(settings.facingMode, videoTrack.label));
      const caps = videoTrack.getCapabilities?.() as TorchTrackCapabilities | undefined;
      setTorch({ supported: caps?.torch === true, on: false });
      const list = await listCameras().catch(() => []);
      setCameras(list);
      if (chosen.current) return;
      // facingMode alone is ignored by some browsers and cannot tell the main lens from ultra-wide: score them.
      const best = pickBestCamera(list);
      const current = list.find((c) => c.deviceId === settings.deviceId);
      if (best && current && best.deviceId !== current.deviceId && scoreCamera(best) > scoreCamera(current)) {
        chosen.current = true;
        setDeviceId(best.deviceId);
        setRung(0);
      } else {
        chosen.current = true;
      }
    },
    [mode],
  );

  const onUserMediaError = useCallback(
    (error: string | DOMException) => {
      if (isOverconstrained(error) && rung < 2) {
        setRung(rung + 1);
        return;
      }
      // A remembered camera that is gone: forget it and let the browser pick.
      if (deviceId && (error as DOMException).name === "NotFoundError" && rung === 0) {
        chosen.current = false;
        setDeviceId(undefined);
        return;
      }
      const kind = typeof error === "string" ? "unsupported" : classifyCameraError(error);
      // In-app browsers refuse the camera without a prompt the person could answer: send them to a real browser.
      setFailure(isInAppBrowser(navigator.userAgent) && kind !== "busy" && kind !== "no-camera" ? "in-app" : kind);
    },
    [rung, deviceId],
  );

  const capture = useCallback(async () => {
    if (!video || capturing) return;
    setCapturing(true);
    try {
      onStill(await grabStill(video, track));
    } catch {
      setCapturing(false);
    }
  }, [video, track, capturing, onStill]);

  const quality = useFrameQuality(video, !capturing && failure === null, thresholds, capture);

  useEffect(() => {
    if (mode !== "desk") return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, select, textarea, button, summary, a")) return;
      if (event.key === " ") {
        event.preventDefault();
        void capture();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [mode, capture]);

  const toggleTorch = async () => {
    if (!track) return;
    const on = !torch.on;
    try {
      await track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
      setTorch({ supported: true, on });
    } catch {
      setTorch({ supported: false, on: false });
    }
  };

  if (failure) {
    return (
      <FailureScreen
        failure={failure}
        t={t}
        onFile={onFile}
        showCameraApp={showCameraApp}
        onRetry={() => {
          setFailure(null);
          setRung(0);
          setVideo(null);
          setAttempt((n) => n + 1);
        }}
      />
    );
  }

  const hintText = quality.hint ? t[`hint_${quality.hint}`] : quality.metrics ? t.hint_good : t.startingCamera;
  return (
    <section className="camera-screen" aria-label={t.cameraRegion}>
      <div className="viewfinder">
        <Webcam
          key={`${deviceId ?? "auto"}-${rung}-${attempt}`}
          ref={webcam}
          audio={false}
          videoConstraints={constraintLadder(deviceId)[rung]}
          mirrored={mirrored}
          onUserMedia={onUserMedia}
          onUserMediaError={onUserMediaError}
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
        {torch.supported && (
          <button type="button" aria-pressed={torch.on} onClick={() => void toggleTorch()}>
            {torch.on ? t.torchOff : t.torchOn}
          </button>
        )}
        {cameras.length > 0 && (
          <div className="picker">
            <label htmlFor={pickerId}>{t.camera}</label>
            <select
              id={pickerId}
              value={track?.getSettings().deviceId ?? deviceId ?? ""}
              onChange={(e) => choose(e.target.value)}
            >
              {cameras.map((c, i) => (
                <option key={c.deviceId || i} value={c.deviceId}>
                  {c.label || `${t.camera} ${i + 1}`}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="button" className="secondary" onClick={onUploadInstead}>
          {t.uploadInstead}
        </button>
      </div>
      <WhyPanel metrics={quality.metrics} thresholds={thresholds} t={t} />
    </section>
  );
}
