import type { SignedInAgent } from "contract/desk";
import { type FormEvent, useId, useState } from "react";
import { useStrings } from "../../i18n/i18n";
import { deskStrings } from "../../i18n/strings/desk";
import { ErrorAlert } from "../../lib/error-alert";
import { useDeskSettings } from "./api/get-desk-settings";
import { useUpdateDeskSettings } from "./api/update-desk-settings";

/** The desk's rules: supervisors change them, agents see them. */
export function SettingsScreen({ agent }: { agent: SignedInAgent }) {
  const t = useStrings(deskStrings);
  const settings = useDeskSettings();
  return (
    <section className="desk-settings" aria-labelledby="desk-settings-title">
      <h2 id="desk-settings-title">{t["settings.title"]}</h2>
      <ErrorAlert error={settings.error} />
      {settings.data &&
        (agent.role === "supervisor" ? (
          <SettingsForm requireSecondReviewer={settings.data.requireSecondReviewer} />
        ) : (
          <>
            <p>{settings.data.requireSecondReviewer ? t["settings.secondOn"] : t["settings.secondOff"]}</p>
            <p>{t["settings.supervisorsOnly"]}</p>
          </>
        ))}
    </section>
  );
}

function SettingsForm({ requireSecondReviewer }: { requireSecondReviewer: boolean }) {
  const t = useStrings(deskStrings);
  const id = useId();
  const update = useUpdateDeskSettings();
  const [second, setSecond] = useState(requireSecondReviewer);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ requireSecondReviewer: second });
  };

  return (
    <form className="desk-form" onSubmit={submit}>
      <label htmlFor={`${id}-second`} className="desk-checkbox">
        <input
          id={`${id}-second`}
          type="checkbox"
          checked={second}
          aria-describedby={`${id}-second-help`}
          onChange={(event) => setSecond(event.currentTarget.checked)}
        />{" "}
        {t["settings.second"]}
      </label>
      <p id={`${id}-second-help`} className="desk-help">
        {t["settings.secondHelp"]}
      </p>
      <ErrorAlert error={update.error} />
      <button type="submit" disabled={update.isPending}>
        {t["settings.save"]}
      </button>
      <p role="status">{update.isSuccess && !update.isPending ? t["settings.saved"] : ""}</p>
    </form>
  );
}
