import { type FormEvent, useId, useState } from "react";
import { useStrings } from "../../i18n/i18n";
import { deskStrings } from "../../i18n/strings/desk";
import { ErrorAlert } from "../../lib/error-alert";
import { useAssignSession } from "./api/assign-session";
import { useAgents } from "./api/get-agents";

/** A supervisor hands a session to an agent (whoever has it now). */
export function AssignControl({
  sessionId,
  reference,
  holder,
}: {
  sessionId: string;
  reference: string;
  holder: { id: string } | null;
}) {
  const t = useStrings(deskStrings);
  const id = useId();
  const agents = useAgents(true);
  const assign = useAssignSession();
  const [agentId, setAgentId] = useState("");
  const choices = (agents.data ?? []).filter((agent) => agent.id !== holder?.id);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (agentId === "") return;
    assign.mutate({ sessionId, agentId }, { onSuccess: () => setAgentId("") });
  };

  return (
    <form className="desk-assign" onSubmit={submit}>
      <label htmlFor={`${id}-agent`} className="visually-hidden">
        {`${t["assign.label"]} ${reference}`}
      </label>
      <select id={`${id}-agent`} value={agentId} onChange={(event) => setAgentId(event.currentTarget.value)}>
        <option value="">{t["assign.choose"]}</option>
        {choices.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {agent.email}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="secondary"
        disabled={agentId === "" || assign.isPending}
        aria-label={`${t["assign.submit"]} ${reference}`}
      >
        {t["assign.submit"]}
      </button>
      <ErrorAlert error={assign.error} />
    </form>
  );
}
