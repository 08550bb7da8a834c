import { useEffect, useMemo, useRef, useState } from "react";
import { thresholdsFromParams } from "../../features/capture/quality-thresholds";
import type { InboxFilter } from "../../features/desk/api/get-inbox";
import { useSignedInAgent } from "../../features/desk/api/get-signed-in-agent";
import { useSignOut } from "../../features/desk/api/sign-out";
import { ConfirmDialog } from "../../features/desk/confirm-dialog";
import { DeskNav, type DeskSection } from "../../features/desk/desk-nav";
import { InboxScreen } from "../../features/desk/inbox-screen";
import { PasswordScreen } from "../../features/desk/password-screen";
import { SettingsScreen } from "../../features/desk/settings-screen";
import { SignInScreen } from "../../features/desk/sign-in-screen";
import { WalkInForm } from "../../features/desk/walk-in-form";
import "../../features/desk/desk.css";
import { useStrings } from "../../i18n/i18n";
import { captureStrings } from "../../i18n/strings/capture";
import { deskStrings } from "../../i18n/strings/desk";
import { ErrorAlert } from "../../lib/error-alert";
import { UnsavedChangesProvider } from "../../lib/unsaved-changes";
import { LanguagePicker } from "../language-picker";
import { useHeadingFocus } from "../use-heading-focus";
import { deskPath } from "./desk-path";
import { SessionScreen } from "./session-screen";
import { useDeskLocation } from "./use-desk-location";
import { WalkInCaptureScreen } from "./walk-in-screen";
import { forgetAllWalkIns, rememberWalkIn, walkInCapture } from "./walk-in-tokens";

/**
 * The agents' back office at /desk: sign-in (and the first sign-in's password change), then the inbox, a session's
 * stored review, walk-in capture and settings, each at its own address. Leaving unsaved input asks first.
 */
export function DeskApp({ search }: { search: string }) {
  const t = useStrings(captureStrings);
  const d = useStrings(deskStrings);
  const me = useSignedInAgent();
  const signOut = useSignOut();
  const [dirty, setDirty] = useState(false);
  const location = useDeskLocation(dirty);
  const { view, navigate } = location;
  const [filter, setFilter] = useState<InboxFilter>({ status: null, search: "" });
  const thresholds = useMemo(() => thresholdsFromParams(new URLSearchParams(search)), [search]);
  const main = useRef<HTMLElement>(null);
  const agent = me.data ?? null;
  const screenKey = !agent ? "sign-in" : agent.mustChangePassword ? "password" : location.pathname;
  useHeadingFocus(main, screenKey);

  useEffect(() => {
    document.title = t.deskTitle;
  }, [t]);

  const leaveDesk = () =>
    location.guard(() => {
      forgetAllWalkIns();
      signOut.mutate();
    });
  const section: DeskSection | null =
    view.name === "inbox" || view.name === "walk-in" || view.name === "settings" ? view.name : null;

  const screen = (() => {
    if (me.isPending) return <p role="status">{d.loading}</p>;
    if (me.isError) return <ErrorAlert error={me.error} />;
    if (!agent) return <SignInScreen />;
    if (agent.mustChangePassword) return <PasswordScreen agent={agent} onSignOut={leaveDesk} />;
    switch (view.name) {
      case "inbox":
        return (
          <InboxScreen
            agent={agent}
            filter={filter}
            onFilter={setFilter}
            sessionHref={(id) => deskPath({ name: "session", id })}
            onOpen={(id) => navigate(deskPath({ name: "session", id }))}
          />
        );
      case "session":
        return (
          <SessionScreen
            key={view.id}
            id={view.id}
            agent={agent}
            onCaptureAgain={(id) => navigate(deskPath({ name: "walk-in-capture", id }))}
          />
        );
      case "walk-in":
        return (
          <WalkInForm
            onCreated={(session, reference) => {
              rememberWalkIn(session.id, { token: session.token, reference });
              navigate(deskPath({ name: "walk-in-capture", id: session.id }));
            }}
          />
        );
      case "walk-in-capture": {
        const capture = walkInCapture(view.id);
        if (!capture) return <SessionScreen key={view.id} id={view.id} agent={agent} onCaptureAgain={() => {}} />;
        return (
          <WalkInCaptureScreen
            key={view.id}
            sessionId={view.id}
            capture={capture}
            thresholds={thresholds}
            onSubmitted={(id) => navigate(deskPath({ name: "session", id }), { replace: true })}
          />
        );
      }
      case "settings":
        return <SettingsScreen agent={agent} />;
    }
  })();

  return (
    <div className="app app-desk">
      <header className="desk-header">
        <h1>{t.deskTitle}</h1>
        {agent && !agent.mustChangePassword && (
          <DeskNav
            agent={agent}
            current={section}
            href={(name) => deskPath({ name })}
            onNavigate={navigate}
            onSignOut={leaveDesk}
          />
        )}
        <LanguagePicker />
      </header>
      <main ref={main}>
        <UnsavedChangesProvider onChange={setDirty}>{screen}</UnsavedChangesProvider>
      </main>
      <ConfirmDialog
        open={location.leave !== null}
        title={d["leave.title"]}
        confirmLabel={d["leave.leave"]}
        cancelLabel={d["leave.stay"]}
        danger
        onConfirm={() => location.leave?.confirm()}
        onCancel={() => location.leave?.cancel()}
      >
        <p>{d["leave.body"]}</p>
      </ConfirmDialog>
    </div>
  );
}
