import { MIN_PASSWORD_LENGTH, type PasswordProblem, passwordProblem } from "contract/agent-password";
import type { SignedInAgent } from "contract/desk";
import { type FormEvent, useId, useState } from "react";
import { format, useStrings } from "../../i18n/i18n";
import { deskStrings } from "../../i18n/strings/desk";
import { ErrorAlert } from "../../lib/error-alert";
import { useChangePassword } from "./api/change-password";

type Problem = PasswordProblem | "mismatch" | "current-required";

/**
 * The first sign-in's one-time password must be replaced before anything else; the same rules as the server's
 * (contract/agent-password.ts) are checked before sending, in the agent's language.
 */
export function PasswordScreen({ agent, onSignOut }: { agent: SignedInAgent; onSignOut: () => void }) {
  const t = useStrings(deskStrings);
  const id = useId();
  const change = useChangePassword();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Problem | null =
      current === ""
        ? "current-required"
        : (passwordProblem(next, { email: agent.email, previous: current }) ?? (next !== repeat ? "mismatch" : null));
    setProblem(found);
    if (found || change.isPending) return;
    change.mutate({ current, next });
  };

  return (
    <section className="desk-password" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t["password.title"]}</h2>
      <p>{agent.mustChangePassword ? t["password.intro"] : t["password.introChange"]}</p>
      <p id={`${id}-rules`}>{format(t["password.rules"], { min: MIN_PASSWORD_LENGTH })}</p>
      <form className="desk-form" onSubmit={submit} noValidate>
        <label htmlFor={`${id}-current`}>{t["password.current"]}</label>
        <input
          id={`${id}-current`}
          type="password"
          autoComplete="current-password"
          required
          value={current}
          aria-invalid={problem === "current-required"}
          onChange={(event) => setCurrent(event.currentTarget.value)}
        />
        <label htmlFor={`${id}-next`}>{t["password.next"]}</label>
        <input
          id={`${id}-next`}
          type="password"
          autoComplete="new-password"
          required
          value={next}
          aria-describedby={`${id}-rules`}
          aria-invalid={problem !== null && problem !== "current-required" && problem !== "mismatch"}
          onChange={(event) => setNext(event.currentTarget.value)}
        />
        <label htmlFor={`${id}-repeat`}>{t["password.repeat"]}</label>
        <input
          id={`${id}-repeat`}
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          aria-invalid={problem === "mismatch"}
          onChange={(event) => setRepeat(event.currentTarget.value)}
        />
        {problem && (
          <p className="review-error" role="alert">
            {format(t[`password.problem.${problem}`], { min: MIN_PASSWORD_LENGTH })}
          </p>
        )}
        <ErrorAlert error={change.error} />
        <div className="actions">
          <button type="submit" disabled={change.isPending}>
            {t["password.submit"]}
          </button>
          <button type="button" className="secondary" onClick={onSignOut}>
            {t["nav.signOut"]}
          </button>
        </div>
      </form>
    </section>
  );
}
