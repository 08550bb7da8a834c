import type { SignedInAgent } from "contract/desk";
import { useStrings } from "../../i18n/i18n";
import { deskStrings } from "../../i18n/strings/desk";

/** Who has a session: "you", another agent's email, or nobody. */
export function ClaimHolder({ holder, agent }: { holder: { id: string; email: string } | null; agent: SignedInAgent }) {
  const t = useStrings(deskStrings);
  if (!holder)
    return (
      <span className="desk-claim" data-claim="none">
        {t["claim.none"]}
      </span>
    );
  if (holder.id === agent.id)
    return (
      <span className="desk-claim" data-claim="you">
        {t["claim.you"]}
      </span>
    );
  return (
    <span className="desk-claim" data-claim="other">
      {holder.email}
    </span>
  );
}
