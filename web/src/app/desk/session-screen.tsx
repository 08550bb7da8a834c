import type { SignedInAgent } from "contract/desk";
import { useMemo } from "react";
import { useAcknowledgeWarning } from "../../features/desk/api/acknowledge-warning";
import { useDecideSession } from "../../features/desk/api/decide-session";
import { useCaptureImage } from "../../features/desk/api/get-capture-image";
import { useDeskSession } from "../../features/desk/api/get-desk-session";
import { useDeskSettings } from "../../features/desk/api/get-desk-settings";
import { useSaveEdit } from "../../features/desk/api/save-edit";
import { AuditTrail } from "../../features/desk/audit-trail";
import { SessionHeader } from "../../features/desk/session-header";
import { DeskReview } from "../../features/review/desk-review";
import "../../features/review/review.css";
import { useStrings } from "../../i18n/i18n";
import { deskStrings } from "../../i18n/strings/desk";
import { ErrorAlert } from "../../lib/error-alert";
import { forgetWalkIn, walkInCapture } from "./walk-in-tokens";

interface SessionScreenProps {
  id: string;
  agent: SignedInAgent;
  /** After a retake request on a walk-in this tab captured: capture again at once. */
  onCaptureAgain: (id: string) => void;
}

/** One stored session: its facts and claim, the review saved on the server, and its audit trail. */
export function SessionScreen({ id, agent, onCaptureAgain }: SessionScreenProps) {
  const t = useStrings(deskStrings);
  const detail = useDeskSession(id);
  const settings = useDeskSettings();
  const capture = detail.data?.capture;
  const image = useCaptureImage(id, capture && !capture.erasedAt && detail.data?.result ? capture.id : null);
  const saveEdit = useSaveEdit(id);
  const acknowledge = useAcknowledgeWarning(id);
  const decide = useDecideSession(id);

  // The review names agents by id; the trail and the claim know their emails.
  const emails = useMemo(() => {
    const known = new Map<string, string>([[agent.id, agent.email]]);
    for (const event of detail.data?.audit ?? []) if (event.agent) known.set(event.agent.id, event.agent.email);
    const holder = detail.data?.session.claimedBy;
    if (holder) known.set(holder.id, holder.email);
    return known;
  }, [agent, detail.data]);

  if (detail.isPending) return <p role="status">{t.loading}</p>;
  if (detail.isError || !detail.data) {
    return (
      <section className="desk-session" aria-labelledby="desk-session-missing">
        <h2 id="desk-session-missing">{t["session.notFound"]}</h2>
        <ErrorAlert error={detail.error} />
      </section>
    );
  }
  const { session, result, review, audit } = detail.data;
  const canChange = session.status === "submitted" && session.claimedBy?.id === agent.id;
  const awaitingSecondReview = session.status === "submitted" && review.approvals.length > 0 && !review.decision;
  const trail = <AuditTrail events={audit} />;

  return (
    <section className="review-screen desk-session" data-mode="desk" data-status={session.status}>
      <SessionHeader session={session} agent={agent} awaitingSecondReview={awaitingSecondReview} />
      {result && image.data ? (
        <DeskReview
          result={result}
          image={image.data}
          review={review}
          canChange={canChange}
          agentId={agent.id}
          requireSecondReviewer={settings.data?.requireSecondReviewer ?? false}
          agentEmail={(agentId) => emails.get(agentId) ?? agentId}
          exportHref={`/api/desk/sessions/${encodeURIComponent(id)}/export`}
          onEdit={async (edit) => {
            await saveEdit.mutateAsync({ ...edit, version: review.version });
          }}
          onAcknowledge={async (ack) => {
            await acknowledge.mutateAsync({ ...ack, version: review.version });
          }}
          onDecide={async (decision) => {
            await decide.mutateAsync({ ...decision, version: review.version });
            if (decision.outcome !== "retake") forgetWalkIn(id);
            else if (walkInCapture(id)) onCaptureAgain(id);
          }}
        >
          {trail}
        </DeskReview>
      ) : (
        <>
          {result ? <p role="status">{t.loading}</p> : <p>{t["session.noRead"]}</p>}
          <ErrorAlert error={image.error} />
          {trail}
        </>
      )}
    </section>
  );
}
