import { format, useStrings } from "../i18n/i18n";
import { describeError, errorStrings } from "../i18n/strings/errors";
import { ApiError } from "./api-error";

/** A failed request in the reader's words, with how long to wait when the server said (e.g. a locked sign-in). */
export function ErrorAlert({ error, id }: { error: unknown; id?: string }) {
  const e = useStrings(errorStrings);
  if (!error) return null;
  const described = describeError(error, e);
  const seconds = error instanceof ApiError ? error.retryAfterSeconds : undefined;
  return (
    <div className="error-alert" role="alert" id={id} data-code={described.code}>
      <p>{described.message}</p>
      {seconds !== undefined && seconds > 0 && (
        <p>{format(e.wait_minutes, { minutes: Math.max(1, Math.ceil(seconds / 60)) })}</p>
      )}
    </div>
  );
}
