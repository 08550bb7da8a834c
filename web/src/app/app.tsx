import { lazy, Suspense, useCallback, useEffect, useMemo, useRef } from "react";
import { PreviewScreen } from "../features/capture/preview-screen";
import { thresholdsFromParams } from "../features/capture/quality-thresholds";
import { UploadPanel } from "../features/capture/upload-panel";
import { ErrorScreen } from "../features/send/error-screen";
import { WorkingScreen } from "../features/send/working-screen";
import { LOCALES, type Locale, setLocale, useLocale, useStrings } from "../i18n/i18n";
import { captureStrings } from "../i18n/strings/capture";
import { usePassportFlow } from "./use-passport-flow";
// Read before react-webcam (lazy, with its getUserMedia polyfill) can load.
import "../features/capture/camera-support";

/** The camera screen (with react-webcam) loads when the camera is asked for: people who upload never need it. */
const CameraScreen = lazy(() => import("../features/capture/camera-screen").then((m) => ({ default: m.CameraScreen })));

/** The review screen (task F) is loaded when the first result arrives; it is not needed to take the photo. */
const ReviewScreen = lazy(() => import("../features/review/review-screen").then((m) => ({ default: m.ReviewScreen })));

export type Mode = "customer" | "desk";

/** `/desk` is the agents' desk, everything else the customer's flow. */
export function modeFromPath(pathname: string): Mode {
  return /^\/desk\/?$/.test(pathname) ? "desk" : "customer";
}

const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-CN": "中文" };

function LanguagePicker() {
  const locale = useLocale();
  const t = useStrings(captureStrings);
  return (
    <label className="language">
      <span className="visually-hidden">{t.language}</span>
      <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)} aria-label={t.language}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

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

  // Move focus to the new screen's heading area so keyboard and screen-reader users follow the flow.
  useEffect(() => {
    if (step.name === "working") return;
    const heading = main.current?.querySelector<HTMLElement>("h2");
    if (heading && !heading.contains(document.activeElement)) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }, [step.name]);

  const onFile = useCallback((file: File) => flow.submit(file, "upload"), [flow.submit]);
  const retake = useCallback(() => flow.go({ name: "camera" }), [flow.go]);

  // Desk: R retakes from the review and error screens too.
  useEffect(() => {
    if (mode !== "desk" || (step.name !== "review" && step.name !== "error")) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLElement && event.target.closest("input, select, textarea")) return;
      if (event.key === "r" || event.key === "R") retake();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [mode, step.name, retake]);

  return (
    <div className={`app app-${mode}`}>
      <header>
        <h1>{mode === "desk" ? t.deskTitle : t.appTitle}</h1>
        <LanguagePicker />
      </header>
      <main ref={main}>
        {step.name === "start" && (
          <section className="start-screen" aria-labelledby="start-title">
            <h2 id="start-title">{t.startTitle}</h2>
            <p>{t.intro}</p>
            <button type="button" className="primary" onClick={() => flow.go({ name: "camera" })}>
              {t.startCamera}
            </button>
            <UploadPanel t={t} onFile={onFile} showCameraApp={showCameraApp} />
          </section>
        )}
        {step.name === "camera" && (
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
        )}
        {step.name === "upload" && (
          <section className="upload-screen">
            <UploadPanel t={t} onFile={onFile} showCameraApp={showCameraApp} />
            <button type="button" className="secondary" onClick={() => flow.go({ name: "camera" })}>
              {t.startCamera}
            </button>
          </section>
        )}
        {step.name === "preview" && (
          <PreviewScreen
            still={step.still}
            t={t}
            mode={mode}
            onUse={() => flow.submit(step.still, "camera")}
            onRetake={retake}
          />
        )}
        {step.name === "working" && (
          <WorkingScreen
            stage={step.stage}
            percent={step.percent}
            prepared={step.prepared}
            retrying={flow.failureCount > 0}
            t={t}
            onCancel={flow.cancel}
          />
        )}
        {step.name === "error" && (
          <ErrorScreen
            error={step.error}
            t={t}
            canResend={step.prepared !== undefined}
            onResend={() => step.prepared && flow.retrySend(step.prepared)}
            onRetake={() => flow.go(step.from === "upload" ? { name: "upload" } : { name: "camera" })}
            onRestart={() => flow.go({ name: mode === "desk" ? "camera" : "start" })}
            upload={<UploadPanel t={t} onFile={onFile} showCameraApp={showCameraApp} />}
          />
        )}
        {step.name === "review" && (
          <Suspense fallback={<p role="status">{t.reading}</p>}>
            <ReviewScreen mode={mode} result={step.result} image={step.image} onRetake={retake} />
          </Suspense>
        )}
      </main>
    </div>
  );
}
