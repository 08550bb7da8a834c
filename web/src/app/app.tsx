import { useCallback, useEffect, useMemo, useRef } from "react";
import { thresholdsFromParams } from "../features/capture/quality-thresholds";
import { useStrings } from "../i18n/i18n";
import { captureStrings } from "../i18n/strings/capture";
import { LanguagePicker } from "./language-picker";
import { modeFromPath } from "./mode";
import { StepScreen } from "./step-screen";
import { useDeskRetakeKey } from "./use-desk-retake-key";
import { useHeadingFocus } from "./use-heading-focus";
import { usePassportFlow } from "./use-passport-flow";

export function App({ pathname = window.location.pathname, search = window.location.search }) {
  const mode = modeFromPath(pathname);
  const t = useStrings(captureStrings);
  const thresholds = useMemo(() => thresholdsFromParams(new URLSearchParams(search)), [search]);
  const showCameraApp = useMemo(
    () => mode === "customer" && window.matchMedia?.("(pointer: coarse)").matches === true,
    [mode],
  );
  const flow = usePassportFlow(mode === "desk" ? "camera" : "start");
  const { step } = flow;
  const main = useRef<HTMLElement>(null);

  useEffect(() => {
    document.title = mode === "desk" ? t.deskTitle : t.appTitle;
  }, [mode, t]);
  useHeadingFocus(main, step.name);

  const retake = useCallback(() => flow.go({ name: "camera" }), [flow.go]);
  useDeskRetakeKey(mode === "desk" && (step.name === "review" || step.name === "error"), retake);

  return (
    <div className={`app app-${mode}`}>
      <header>
        <h1>{mode === "desk" ? t.deskTitle : t.appTitle}</h1>
        <LanguagePicker />
      </header>
      <main ref={main}>
        {/* One screen per step: a new step mounts a new screen. */}
        <StepScreen
          key={step.name}
          flow={flow}
          mode={mode}
          t={t}
          thresholds={thresholds}
          showCameraApp={showCameraApp}
          onRetake={retake}
        />
      </main>
    </div>
  );
}
