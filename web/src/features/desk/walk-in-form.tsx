import type { WalkInSession } from "contract/desk";
import { type FormEvent, useId, useState } from "react";
import { useStrings } from "../../i18n/i18n";
import { deskStrings } from "../../i18n/strings/desk";
import { ErrorAlert } from "../../lib/error-alert";
import { useCreateWalkIn } from "./api/create-walk-in";

/** A customer at the desk: the agent names the case, which opens a session of its own for the capture. */
export function WalkInForm({ onCreated }: { onCreated: (session: WalkInSession, reference: string) => void }) {
  const t = useStrings(deskStrings);
  const id = useId();
  const create = useCreateWalkIn();
  const [reference, setReference] = useState("");
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(reference.trim() === "");
    if (reference.trim() === "" || create.isPending) return;
    create.mutate(reference.trim(), { onSuccess: (session) => onCreated(session, reference.trim()) });
  };

  return (
    <section className="desk-walk-in" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t["walkIn.title"]}</h2>
      <p>{t["walkIn.intro"]}</p>
      <form className="desk-form" onSubmit={submit} noValidate>
        <label htmlFor={`${id}-reference`}>{t["walkIn.reference"]}</label>
        <input
          id={`${id}-reference`}
          autoComplete="off"
          required
          maxLength={200}
          value={reference}
          aria-invalid={missing}
          aria-describedby={missing ? `${id}-error` : undefined}
          onChange={(event) => setReference(event.currentTarget.value)}
        />
        {missing && (
          <p id={`${id}-error`} className="review-error" role="alert">
            {t["walkIn.referenceRequired"]}
          </p>
        )}
        <ErrorAlert error={create.error} />
        <button type="submit" disabled={create.isPending}>
          {t["walkIn.start"]}
        </button>
      </form>
    </section>
  );
}
