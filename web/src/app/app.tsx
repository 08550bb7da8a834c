import { type ReactNode, useCallback, useEffect, useMemo, useRef } from "react";
import { thresholdsFromParams } from "../features/capture/quality-thresholds";
import { ConsentNotice } from "../features/consent/consent-notice";
import type { ConfirmSending } from "../features/review/customer-confirm";
import { FinishedScreen } from "../features/session/finished-screen";
import { HandoffPanel } from "../features/session/handoff-panel";
import { LinkProblemScreen, linkProblemOf } from "../features/session/link-problem-screen";
import { isFinished, useSubmitSession } from "../features/session/use-customer-session";
import { useStrings } from "../i18n/i18n";
import { captureStrings } from "../i18n/strings/capture";
import { customerStrings } from "../i18n/strings/customer";
import { ApiError } from "../lib/api-error";
import { useCustomerConfig } from "../lib/use-customer-config";
import { LanguagePicker } from "./language-picker";
import { type JourneyStep, StepIndicator } from "./step-indicator";
import { StepScreen } from "./step-screen";
import { useHeadingFocus } from "./use-heading-focus";
import { type FlowStep, usePassportFlow } from "./use-passport-flow";
import { useSessionLink } from "./use-session-link";

const JOURNEY_STEP: Record<FlowStep["name"], JourneyStep> = {
  start: "start",
  camera: "photo",
  upload: "photo",
  preview: "photo",
  working: "photo",
  error: "photo",
  review: "check",
  finished: "done",
};

export function App({ pathname = window.location.pathname, search = window.location.search }) {
  const { link, redeemed, token, opened, follow } = useSessionLink(pathname);
  const t = useStrings(captureStrings);
  const c = useStrings(customerStrings);
  const config = useCustomerConfig();
  const submitSession = useSubmitSession(token);
  const thresholds = useMemo(() => thresholdsFromParams(new URLSearchParams(search)), [search]);
  const showCameraApp = useMemo(() => window.matchMedia?.("(pointer: coarse)").matches === true, []);
  const flow = usePassportFlow("start", token ?? undefined);
  const { step } = flow;
  const main = useRef<HTMLElement>(null);

  useEffect(() => {
    document.title = t.appTitle;
  }, [t]);

  const retake = useCallback(() => flow.go({ name: "camera" }), [flow.go]);

  const captureId = step.name === "review" ? step.result.capture?.captureId : undefined;
  const sending: ConfirmSending | undefined =
    token && captureId
      ? {
          confirm: () =>
            submitSession.mutate(captureId, {
              onSuccess: (session) => flow.go({ name: "finished", session }),
              onError: (error) => {
                // Anything but a lost connection has a catalogued answer (expired link, policy): show it.
                if (!(error instanceof ApiError && error.code === "network_error"))
                  flow.go({ name: "error", error, from: "camera" });
              },
            }),
          sending: submitSession.isPending,
          failed: submitSession.isError,
        }
      : undefined;

  const session = opened.data;
  const screen: { key: string; journey: JourneyStep | null; node: ReactNode } = (() => {
    if (link.kind === "malformed")
      return { key: "link", journey: null, node: <LinkProblemScreen problem="not-found" /> };
    if (link.kind === "handoff" && redeemed.isPending)
      return { key: "loading", journey: null, node: <p role="status">{c["link.loading"]}</p> };
    if (link.kind === "handoff" && redeemed.isError) {
      const failed = redeemed.error instanceof ApiError && redeemed.error.code === "network_error";
      const problem = failed ? "failed" : "handoff-used";
      return {
        key: `link-${problem}`,
        journey: null,
        node: <LinkProblemScreen problem={problem} onRetry={() => void redeemed.refetch()} />,
      };
    }
    if (token && opened.isPending)
      return { key: "loading", journey: null, node: <p role="status">{c["link.loading"]}</p> };
    if (token && (opened.isError || !session)) {
      const code = opened.error instanceof ApiError ? opened.error.code : undefined;
      const problem = linkProblemOf(code);
      return {
        key: `link-${problem}`,
        journey: null,
        node: <LinkProblemScreen problem={problem} onRetry={() => void opened.refetch()} />,
      };
    }
    if (session?.status === "expired")
      return { key: "link-expired", journey: null, node: <LinkProblemScreen problem="expired" /> };
    if (session && isFinished(session.status) && step.name !== "finished")
      return { key: "finished", journey: "done", node: <FinishedScreen session={session} /> };
    return {
      key: step.name,
      journey: JOURNEY_STEP[step.name],
      node: (
        // One screen per step: a new step mounts a new screen.
        <StepScreen
          key={step.name}
          flow={flow}
          mode="customer"
          t={t}
          thresholds={thresholds}
          showCameraApp={showCameraApp}
          onRetake={retake}
          config={config}
          sending={sending}
          handoff={
            token && session && !showCameraApp ? (
              <HandoffPanel token={token} phoneConnected={session.phoneConnected} onStarted={follow} />
            ) : undefined
          }
          consent={
            <ConsentNotice
              config={config}
              retakeReason={session?.status === "retake_requested" ? (session.retakeReason ?? "") : undefined}
            />
          }
        />
      ),
    };
  })();
  useHeadingFocus(main, screen.key);

  return (
    <div className="app app-customer">
      <header>
        <h1>{t.appTitle}</h1>
        <LanguagePicker />
      </header>
      <main ref={main}>
        {screen.journey && <StepIndicator current={screen.journey} />}
        {screen.node}
      </main>
    </div>
  );
}
