import { type FormEvent, useId, useRef, useState } from "react";
import { useStrings } from "../../i18n/i18n";
import { deskStrings } from "../../i18n/strings/desk";
import { ErrorAlert } from "../../lib/error-alert";
import { useSignIn } from "./api/sign-in";
import { FormField } from "./form-field";

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
        <FormField
          id={`${id}-email`}
          label={t["signIn.email"]}
          type="email"
          autoComplete="username"
          value={email}
          onValue={setEmail}
        />
        <FormField
          id={`${id}-password`}
          label={t["signIn.password"]}
          ref={passwordRef}
          type="password"
          autoComplete="current-password"
          value={password}
          onValue={setPassword}
        />
        <ErrorAlert error={signIn.error} />
        <button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? t["signIn.working"] : t["signIn.submit"]}
        </button>
      </form>
    </section>
  );
}
