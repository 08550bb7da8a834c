import { isOperatorOnly } from "contract/error-catalogue";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { AppError } from "../errors";
import type { OperatorLog } from "./operator-log";

/** Retry-After for a 503 whose cause named no better time: every 503 carries one (README, RFC 9110 §10.2.3). */
export const DEFAULT_RETRY_AFTER_SECONDS = 30;

/**
 * app.onError: every failure becomes `{ error: { code, message, retake } }` with its catalogued status, never cached.
 * A failure that describes the operator's setup (operator-only codes: credentials, account, configuration) is logged
 * for the operator and answered as `service_unavailable`; anything unexpected is logged by name and answered as
 * `internal_error`.
 */
export function errorResponse(operatorLog: OperatorLog) {
  return (err: Error, c: Context) => {
    const requestId = String(c.get("requestId" as never) ?? "");
    let error =
      err instanceof AppError
        ? err
        : err instanceof HTTPException && err.status === 400
          ? new AppError("malformed_json")
          : new AppError("internal_error");
    if (!(err instanceof AppError) && !(err instanceof HTTPException)) {
      console.error(`[${requestId}] unhandled error: ${describe(err)}`);
    }
    if (isOperatorOnly(error.code)) {
      const upstreamCode = (error.cause as { upstreamCode?: unknown } | undefined)?.upstreamCode;
      operatorLog.record({
        time: new Date().toISOString(),
        requestId,
        code: error.code,
        detail: error.message,
        ...(typeof upstreamCode === "string" ? { upstreamCode } : {}),
        ...(error.upstreamRequestId ? { upstreamRequestId: error.upstreamRequestId } : {}),
      });
      error = new AppError("service_unavailable", { retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS });
    }
    const retryAfter = error.retryAfterSeconds ?? (error.status === 503 ? DEFAULT_RETRY_AFTER_SECONDS : undefined);
    if (retryAfter !== undefined) c.header("Retry-After", String(retryAfter));
    c.header("X-Error-Code", error.code);
    c.header("Cache-Control", "no-store");
    return c.json(error.toBody(), error.status);
  };
}

/** Name and message of an unexpected error, never its data (which might hold image bytes). */
function describe(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message.slice(0, 200)}`;
  return typeof err;
}
