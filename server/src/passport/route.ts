import { MAX_BODY_BYTES } from "contract/image-limits";
import { SESSION_TOKEN_HEADER } from "contract/session";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { RequestIdVariables } from "hono/request-id";
import { AppError } from "../errors";
import type { SessionService } from "../sessions/session-service";
import { readImageIntake } from "./image-intake";
import type { PassportProvider } from "./provider";

export interface SessionReads {
  sessions: SessionService;
  /** Every read needs a session's token (REQUIRE_SESSION): anonymous visitors cannot spend the provider's quota. */
  requireSession: boolean;
}

/**
 * POST /api/passport: read one passport image with the configured provider. With a session's token
 * (X-Session-Token) the read is charged to that session and stored on it; the answer then names the capture to confirm.
 */
export function passportRoute(provider: PassportProvider, sessionReads?: SessionReads) {
  return new Hono<{ Variables: RequestIdVariables }>().post(
    "/",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new AppError("payload_too_large");
      },
    }),
    async (c) => {
      const token = c.req.header(SESSION_TOKEN_HEADER);
      if (!token && sessionReads?.requireSession) {
        throw new AppError("session_required");
      }
      const intake = await readImageIntake(c.req.raw);
      const session = token && sessionReads ? await sessionReads.sessions.chargeRead(token) : undefined;
      const result = await provider.recognize({ ...intake, requestId: c.get("requestId"), signal: c.req.raw.signal });
      if (!session || !sessionReads) return c.json(result, 200);
      const capture = await sessionReads.sessions.recordRead(session, {
        image: intake.image,
        mediaType: intake.mediaType,
        result,
      });
      return c.json({ ...result, capture }, 200);
    },
  );
}
