import type { AuditEvent } from "contract/desk";
import { isWarningCode } from "contract/warning-catalogue";
import { useId } from "react";
import { format, useStrings } from "../../i18n/i18n";
import { deskStrings } from "../../i18n/strings/desk";
import { reviewStrings, warningStrings } from "../../i18n/strings/review";
import { type AuditLine, auditLine } from "./audit-line";
import { SessionTime } from "./session-time";

/** Everything done to the session, oldest first: when, who, what, and the before/after and reasons. */
export function AuditTrail({ events }: { events: readonly AuditEvent[] }) {
  const t = useStrings(deskStrings);
  const id = useId();
  return (
    <section className="desk-audit" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t["audit.title"]}</h3>
      <ol>
        {events.map((event) => (
          <li key={event.id} data-action={event.action}>
            <AuditEntry event={event} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function AuditEntry({ event }: { event: AuditEvent }) {
  const t = useStrings(deskStrings);
  const r = useStrings(reviewStrings);
  const w = useStrings(warningStrings);
  const line = auditLine(event);
  const who = event.agent ? event.agent.email : t[`actor.${event.actor}`];
  const warning = (code: string) => (isWarningCode(code) ? w[`${code}.title`] : code);
  const notes: string[] = [];
  if (line.state) notes.push(format(t["audit.check"], { state: r[`state.${line.state}`] }));
  if (line.warnings.length > 0)
    notes.push(format(t["audit.warnings"], { warnings: line.warnings.map(warning).join(", ") }));
  if (line.reason) notes.push(format(t["audit.reason"], { reason: line.reason }));
  return (
    <>
      <SessionTime iso={event.at} /> <span className="desk-audit-who">{who}</span>{" "}
      <span className="desk-audit-what">{what(line, t, r, warning)}</span>
      {notes.map((note) => (
        <span key={note} className="desk-audit-note">
          {" "}
          · {note}
        </span>
      ))}
    </>
  );
}

function what(
  line: AuditLine,
  t: (typeof deskStrings)["en"],
  r: (typeof reviewStrings)["en"],
  warning: (code: string) => string,
): string {
  const empty = r["fields.empty"];
  switch (line.action) {
    case "edited":
      return format(t["audit.edited"], {
        field: line.field ? r[`field.${line.field}`] : "?",
        before: line.before ?? empty,
        after: line.after ?? empty,
      });
    case "acknowledged":
      return format(t["audit.acknowledged"], {
        warning: line.code ? warning(line.code) : "?",
        field: line.field ? ` (${r[`field.${line.field}`]})` : "",
      });
    case "decided":
      return format(t["audit.decided"], { outcome: line.outcome ? r[`decision.${line.outcome}`] : "?" });
    case "approved":
      return line.awaitingSecond ? t["audit.approvedFirst"] : t["audit.approved"];
    case "assigned":
      return format(t["audit.assigned"], { agent: line.assignee ?? "?" });
    case "erased":
      return line.retention ? t["audit.erasedRetention"] : t["audit.erased"];
    default:
      return t[`audit.${line.action}`];
  }
}
