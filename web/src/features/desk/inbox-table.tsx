import type { InboxItem, SignedInAgent } from "contract/desk";
import { useStrings } from "../../i18n/i18n";
import { deskStrings } from "../../i18n/strings/desk";
import { ErrorAlert } from "../../lib/error-alert";
import { useClaimSession } from "./api/claim-session";
import { AssignControl } from "./assign-control";
import { ClaimHolder } from "./claim-holder";
import { SessionTime } from "./session-time";

interface InboxTableProps {
  items: readonly InboxItem[];
  agent: SignedInAgent;
  sessionHref: (id: string) => string;
  onOpen: (id: string) => void;
}

/** One row per session: reference (opens it), status, when, where from, who has it, and claim or assign. */
export function InboxTable({ items, agent, sessionHref, onOpen }: InboxTableProps) {
  const t = useStrings(deskStrings);
  const claim = useClaimSession();
  return (
    <>
      <ErrorAlert error={claim.error} />
      <table className="desk-inbox-table">
        <thead>
          <tr>
            <th scope="col">{t["inbox.reference"]}</th>
            <th scope="col">{t["inbox.status"]}</th>
            <th scope="col">{t["inbox.when"]}</th>
            <th scope="col">{t["inbox.origin"]}</th>
            <th scope="col">{t["inbox.claimedBy"]}</th>
            <th scope="col">{t["inbox.actions"]}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const open = item.status === "submitted" && !item.erased;
            return (
              <tr key={item.id} data-session={item.id} data-status={item.status}>
                <th scope="row">
                  <a
                    href={sessionHref(item.id)}
                    onClick={(event) => {
                      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                      event.preventDefault();
                      onOpen(item.id);
                    }}
                  >
                    {item.reference}
                  </a>
                </th>
                <td>
                  <span className="desk-status" data-status={item.status}>
                    {t[`status.${item.status}`]}
                  </span>
                  {item.awaitingSecondReview && (
                    <span className="desk-marker" data-marker="second-review">
                      {t["inbox.secondReview"]}
                    </span>
                  )}
                  {item.erased && (
                    <span className="desk-marker" data-marker="erased">
                      {t["inbox.erased"]}
                    </span>
                  )}
                </td>
                <td>
                  <SessionTime iso={item.submittedAt ?? item.createdAt} />
                </td>
                <td>{item.origin === "desk" ? t["inbox.originDesk"] : item.origin}</td>
                <td>
                  <ClaimHolder holder={item.claimedBy} agent={agent} />
                </td>
                <td>
                  <div className="desk-row-actions">
                    {open && item.claimedBy === null && (
                      <button
                        type="button"
                        disabled={claim.isPending}
                        aria-label={`${t["session.claim"]} ${item.reference}`}
                        onClick={() => claim.mutate(item.id, { onSuccess: () => onOpen(item.id) })}
                      >
                        {t["session.claim"]}
                      </button>
                    )}
                    {open && agent.role === "supervisor" && (
                      <AssignControl sessionId={item.id} reference={item.reference} holder={item.claimedBy} />
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
