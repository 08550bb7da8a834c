import { useQueryClient } from "@tanstack/react-query";
import { DEFAULT_CUSTOMER_CONFIG } from "contract/customer-config";
import { useEffect, useMemo, useRef } from "react";
import type { QualityThresholds } from "../../features/capture/quality-thresholds";
import { useSubmitSession } from "../../features/session/use-customer-session";
import { format, useStrings } from "../../i18n/i18n";
import { captureStrings } from "../../i18n/strings/capture";
import { deskStrings } from "../../i18n/strings/desk";
import { ErrorAlert } from "../../lib/error-alert";
import { StepScreen } from "../step-screen";
import { useDeskRetakeKey } from "../use-desk-retake-key";
import { usePassportFlow } from "../use-passport-flow";
import type { WalkInCapture } from "./walk-in-tokens";

interface WalkInCaptureScreenProps {
  sessionId: string;
  capture: WalkInCapture;
  thresholds: QualityThresholds;
  /** The read is submitted to the walk-in's session: its review opens. */
  onSubmitted: (sessionId: string) => void;
}

/**
 * A walk-in's capture at the desk: the camera at once (Space takes the photo, R retakes, Enter sends), every read
 * charged to the walk-in's own session; a read that arrives is submitted to it (the customer is at the desk) and the
 * session's review opens.
 */
export function WalkInCaptureScreen({ sessionId, capture, thresholds, onSubmitted }: WalkInCaptureScreenProps) {
  const t = useStrings(captureStrings);
  const d = useStrings(deskStrings);
  const flow = usePassportFlow("camera", capture.token);
  const { step } = flow;
  const submit = useSubmitSession(capture.token);
  const queryClient = useQueryClient();
  const submitted = useRef<string | null>(null);
  const retake = useMemo(() => () => flow.go({ name: "camera" }), [flow.go]);
  useDeskRetakeKey(step.name === "error", retake);

  const captureId = step.name === "review" ? step.result.capture?.captureId : undefined;
  useEffect(() => {
    if (!captureId || submitted.current === captureId) return;
    submitted.current = captureId;
    submit.mutate(captureId, {
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: ["desk"] });
        onSubmitted(sessionId);
      },
    });
  }, [captureId, sessionId, submit.mutate, onSubmitted, queryClient]);

  return (
    <div className="desk-walk-in-capture">
      <p className="desk-help">{format(d["walkIn.capturing"], { reference: capture.reference })}</p>
      {step.name === "review" ? (
        <section aria-labelledby="walk-in-saving">
          <h2 id="walk-in-saving">{d["walkIn.submitting"]}</h2>
          <ErrorAlert error={submit.error} />
          {submit.isError && (
            <button type="button" onClick={retake}>
              {t.retake}
            </button>
          )}
        </section>
      ) : (
        // One screen per step: a new step mounts a new screen.
        <StepScreen
          key={step.name}
          flow={flow}
          mode="desk"
          t={t}
          thresholds={thresholds}
          showCameraApp={false}
          onRetake={retake}
          consent={null}
          config={DEFAULT_CUSTOMER_CONFIG}
        />
      )}
    </div>
  );
}
