import { SESSION_TOKEN_HEADER } from "contract/session";
import { Hono, type MiddlewareHandler } from "hono";
import type { RequestIdVariables } from "hono/request-id";
import { AppError } from "../errors";
import type { UploadVariables } from "../http/upload-gate";
import type { SessionService } from "../sessions/session-service";
import { readImageIntake } from "./image-intake";
import type { PassportProvider } from "./provider";

export interface SessionReads {
  sessions: SessionService;
  /** Every read needs a session's token (REQUIRE_SESSION): anonymous visitors cannot spend the provider's quota. */
  requireSession: boolean;
}

/** Under REQUIRE_SESSION, a read without a session's token is refused before its body is read. */
export function sessionTokenRequired(sessionReads: SessionReads | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (sessionReads?.requireSession && !c.req.header(SESSION_TOKEN_HEADER)) throw new AppError("session_required");
    await next();
  };
}

/**
 * POST /api/passport: read one passport image with the configured provider. The body arrives read and bounded by the
 * upload gate (http/upload-gate.ts). With a session's token (X-Session-Token) the read is charged to that session and
 * stored on it; the answer then names the capture to confirm.
 */
export function passportRoute(provider: PassportProvider, sessionReads?: SessionReads) {
  return new Hono<{ Variables: RequestIdVariables & UploadVariables }>().post("/", async (c) => {
    const token = c.req.header(SESSION_TOKEN_HEADER);
    const intake = readImageIntake(c.get("uploadBody"), c.req.header("content-type"), c.req.url);
    const session = token && sessionReads ? await sessionReads.sessions.chargeRead(token) : undefined;
    const result = await provider.recognize({
      ...intake,
      requestId: c.get("requestId"),
      client: c.get("clientAddress"),
      signal: c.req.raw.signal,
    });
    if (!session || !sessionReads) return c.json(result, 200);
    const capture = await sessionReads.sessions.recordRead(session, {
      image: intake.image,
      mediaType: intake.mediaType,
      result,
    });
    return c.json({ ...result, capture }, 200);
  });
}
