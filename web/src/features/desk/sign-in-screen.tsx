import { type FormEvent, useId, useRef, useState } from "react";
import { useStrings } from "../../i18n/i18n";
import { deskStrings } from "../../i18n/strings/desk";
import { ErrorAlert } from "../../lib/error-alert";
import { useSignIn } from "./api/sign-in";

/** The desk's door: email and password; a wrong one, a locked account or too many tries are said plainly. */
export function SignInScreen() {
  const t = useStrings(deskStrings);
  const id = useId();
  const signIn = useSignIn();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (signIn.isPending) return;
    signIn.mutate(
      { email: email.trim(), password },
      {
        onError: () => {
          setPassword("");
          passwordRef.current?.focus();
        },
      },
    );
  };

  return (
    <section className="desk-sign-in" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t["signIn.title"]}</h2>
      <p>{t["signIn.intro"]}</p>
      <form className="desk-form" onSubmit={submit}>
        <label htmlFor={`${id}-email`}>{t["signIn.email"]}</label>
        <input
          id={`${id}-email`}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
        />
        <label htmlFor={`${id}-password`}>{t["signIn.password"]}</label>
        <input
          id={`${id}-password`}
          ref={passwordRef}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        <ErrorAlert error={signIn.error} />
        <button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? t["signIn.working"] : t["signIn.submit"]}
        </button>
      </form>
    </section>
  );
}
