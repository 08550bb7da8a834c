import { useCallback, useRef, useState } from "react";
import type Webcam from "react-webcam";
import { constraintLadder, isOverconstrained } from "./camera-constraints";
import { listCameras, rememberCamera, rememberedCamera } from "./camera-devices";
import { type CameraFailure, classifyCameraError, isInAppBrowser, preflightFailure } from "./camera-failure";
import { betterCamera, type CameraInfo, shouldMirror } from "./camera-scoring";
import { nativeGetUserMedia } from "./camera-support";
import { useTorch } from "./use-torch";

/**
 * The camera behind the live view: which device (remembered at the desk, else the best camera by score), the
 * constraint ladder for browsers that refuse 1920x1080, the list for the picker, mirroring, torch and what failed.
 * `webcam`, `webcamKey`, `videoConstraints`, `mirrored`, `onUserMedia` and `onUserMediaError` go to react-webcam.
 */
export function useCamera(mode: "customer" | "desk") {
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
  const torch = useTorch(track);
  const resetTorch = torch.reset;
  const webcam = useRef<Webcam>(null);
  const chosen = useRef(deviceId !== undefined);

  /** A camera picked by hand. */
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
      resetTorch(videoTrack);
      const list = await listCameras().catch(() => []);
      setCameras(list);
      if (chosen.current) return;
      chosen.current = true;
      // facingMode alone is ignored by some browsers and cannot tell the main lens from ultra-wide: score them.
      const better = betterCamera(list, settings.deviceId);
      if (better) {
        setDeviceId(better.deviceId);
        setRung(0);
      }
    },
    [mode, resetTorch],
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

  /** Another try after a failure, from the top of the ladder. */
  const retry = () => {
    setFailure(null);
    setRung(0);
    setVideo(null);
    setAttempt((n) => n + 1);
  };

  return {
    failure,
    retry,
    webcam,
    /** A new key starts react-webcam afresh: another device, rung or attempt. */
    webcamKey: `${deviceId ?? "auto"}-${rung}-${attempt}`,
    videoConstraints: constraintLadder(deviceId)[rung],
    mirrored,
    onUserMedia,
    onUserMediaError,
    video,
    track,
    cameras,
    /** The device in use, for the picker. */
    selected: track?.getSettings().deviceId ?? deviceId ?? "",
    choose,
    torch,
  };
}
