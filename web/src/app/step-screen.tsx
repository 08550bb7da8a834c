import type { CustomerConfig } from "contract/customer-config";
import { lazy, type ReactNode, Suspense, useCallback } from "react";
import { PreviewScreen } from "../features/capture/preview-screen";
import type { QualityThresholds } from "../features/capture/quality-thresholds";
import { UploadPanel } from "../features/capture/upload-panel";
import type { ConfirmSending } from "../features/review/customer-confirm";
import { ErrorScreen } from "../features/send/error-screen";
import { WorkingScreen } from "../features/send/working-screen";
import { FinishedScreen } from "../features/session/finished-screen";
import type { CaptureStrings } from "../i18n/strings/capture";
import type { Mode } from "./mode";
import { StartScreen } from "./start-screen";
import { UploadScreen } from "./upload-screen";
import type { PassportFlow } from "./use-passport-flow";
// Read before react-webcam (lazy, with its getUserMedia polyfill) can load.
import "../features/capture/camera-support";

/** The camera screen (with react-webcam) loads when the camera is asked for: people who upload never need it. */
const CameraScreen = lazy(() => import("../features/capture/camera-screen").then((m) => ({ default: m.CameraScreen })));

/** The review screen (task F) is loaded when the first result arrives; it is not needed to take the photo. */
const ReviewScreen = lazy(() => import("../features/review/review-screen").then((m) => ({ default: m.ReviewScreen })));

export interface StepScreenProps {
  flow: PassportFlow;
  mode: Mode;
  t: CaptureStrings;
  thresholds: QualityThresholds;
  showCameraApp: boolean;
  onRetake: () => void;
  /** The customer's consent intro, shown on the first screen. */
  consent: ReactNode;
  /** On a computer with a verification session: continue on a phone. */
  handoff?: ReactNode;
  config: CustomerConfig;
  /** With a verification session: sends the customer's confirmation. */
  sending?: ConfirmSending | undefined;
}

/** The screen for the flow's current step, wired to the flow. */
export function StepScreen({
  flow,
  mode,
  t,
  thresholds,
  showCameraApp,
  onRetake,
  consent,
  handoff,
  config,
  sending,
}: StepScreenProps) {
  const { step } = flow;
  const onFile = useCallback((file: File) => flow.submit(file, "upload"), [flow.submit]);
  const camera = () => flow.go({ name: "camera" });
  const upload = <UploadPanel t={t} onFile={onFile} showCameraApp={showCameraApp} />;
  switch (step.name) {
    case "start":
      return <StartScreen t={t} onCamera={camera} upload={upload} consent={consent} handoff={handoff} />;
    case "camera":
      return (
        <Suspense fallback={<p role="status">{t.startingCamera}</p>}>
          {mode === "desk" && <p className="keyboard-help">{t.deskIntro}</p>}
          <CameraScreen
            mode={mode}
            t={t}
            thresholds={thresholds}
            showCameraApp={showCameraApp}
            onStill={(still) => flow.go({ name: "preview", still })}
            onFile={onFile}
            onUploadInstead={() => flow.go({ name: "upload" })}
          />
        </Suspense>
      );
    case "upload":
      return <UploadScreen t={t} onCamera={camera} upload={upload} />;
    case "preview":
      return (
        <PreviewScreen
          still={step.still}
          t={t}
          mode={mode}
          onUse={() => flow.submit(step.still, "camera")}
          onRetake={onRetake}
        />
      );
    case "working":
      return (
        <WorkingScreen
          stage={step.stage}
          percent={step.percent}
          prepared={step.prepared}
          retrying={flow.failureCount > 0}
          t={t}
          onCancel={flow.cancel}
        />
      );
    case "error":
      return (
        <ErrorScreen
          error={step.error}
          from={step.from}
          t={t}
          canResend={step.prepared !== undefined}
          onResend={() => step.prepared && flow.retrySend(step.prepared)}
          onRetake={() => flow.go(step.from === "upload" ? { name: "upload" } : { name: "camera" })}
          onRestart={() => flow.go({ name: mode === "desk" ? "camera" : "start" })}
          upload={upload}
        />
      );
    case "review":
      return (
        <Suspense fallback={<p role="status">{t.reading}</p>}>
          <ReviewScreen result={step.result} image={step.image} onRetake={onRetake} config={config} sending={sending} />
        </Suspense>
      );
    case "finished":
      return <FinishedScreen session={step.session} />;
  }
}
