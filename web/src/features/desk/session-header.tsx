import type { DeskSession, SignedInAgent } from "contract/desk";
import { useId, useState } from "react";
import { format, useStrings } from "../../i18n/i18n";
import { deskStrings } from "../../i18n/strings/desk";
import { ErrorAlert } from "../../lib/error-alert";
import { useClaimSession } from "./api/claim-session";
import { useEraseSession } from "./api/erase-session";
import { useReleaseSession } from "./api/release-session";
import { AssignControl } from "./assign-control";
import { ClaimHolder } from "./claim-holder";
import { ConfirmDialog } from "./confirm-dialog";
import { SessionTime } from "./session-time";

interface SessionHeaderProps {
  session: DeskSession;
  agent: SignedInAgent;
  awaitingSecondReview: boolean;
}

/** A session's facts (status, origin, times, who has it) and what may be done to it: claim, release, assign, erase. */
export function SessionHeader({ session, agent, awaitingSecondReview }: SessionHeaderProps) {
  const t = useStrings(deskStrings);
  const id = useId();
  const claim = useClaimSession();
  const release = useReleaseSession();
  const erase = useEraseSession();
  const [confirmErase, setConfirmErase] = useState(false);
  const mine = session.claimedBy?.id === agent.id;
  const supervisor = agent.role === "supervisor";
  const erased = session.erasedAt !== null;
  const reviewable = session.status === "submitted" && !erased;

  return (
    <div className="desk-session-header">
      <h2 id={`${id}-title`}>{format(t["session.title"], { reference: session.reference })}</h2>
      <dl className="desk-facts">
        <dt>{t["inbox.status"]}</dt>
        <dd>
          <span className="desk-status" data-status={session.status}>
            {t[`status.${session.status}`]}
          </span>
          {erased && (
            <span className="desk-marker" data-marker="erased">
              {t["inbox.erased"]}
            </span>
          )}
          {awaitingSecondReview && (
            <span className="desk-marker" data-marker="second-review">
              {t["inbox.secondReview"]}
            </span>
          )}
        </dd>
        <dt>{t["inbox.origin"]}</dt>
        <dd>{session.origin === "desk" ? t["inbox.originDesk"] : session.origin}</dd>
        <dt>{t["session.created"]}</dt>
        <dd>
          <SessionTime iso={session.createdAt} />
        </dd>
        {session.submittedAt && (
          <>
            <dt>{t["session.submitted"]}</dt>
            <dd>
              <SessionTime iso={session.submittedAt} />
            </dd>
          </>
        )}
        <dt>{t["inbox.claimedBy"]}</dt>
        <dd>
          <ClaimHolder holder={session.claimedBy} agent={agent} />
        </dd>
      </dl>
      {reviewable && !session.claimedBy && <p className="desk-help">{t["session.claimToReview"]}</p>}
      {reviewable && session.claimedBy && !mine && <p className="desk-help">{t["session.claimedByOther"]}</p>}
      <div className="actions">
        {reviewable && !session.claimedBy && (
          <button type="button" disabled={claim.isPending} onClick={() => claim.mutate(session.id)}>
            {t["session.claim"]}
          </button>
        )}
        {session.claimedBy && (mine || supervisor) && (
          <button
            type="button"
            className="secondary"
            disabled={release.isPending}
            onClick={() => release.mutate(session.id)}
          >
            {t["session.release"]}
          </button>
        )}
        {reviewable && supervisor && (
          <AssignControl sessionId={session.id} reference={session.reference} holder={session.claimedBy} />
        )}
        {supervisor && !erased && (
          <button type="button" className="danger" onClick={() => setConfirmErase(true)}>
            {t["session.erase"]}
          </button>
        )}
      </div>
      <ErrorAlert error={claim.error ?? release.error ?? erase.error} />
      <ConfirmDialog
        open={confirmErase}
        title={t["erase.title"]}
        confirmLabel={t["erase.confirm"]}
        cancelLabel={t["dialog.cancel"]}
        danger
        onCancel={() => setConfirmErase(false)}
        onConfirm={() => {
          setConfirmErase(false);
          erase.mutate(session.id);
        }}
      >
        <p>{format(t["erase.body"], { reference: session.reference })}</p>
      </ConfirmDialog>
    </div>
  );
}
