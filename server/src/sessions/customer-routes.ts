import { SESSION_TOKEN_HEADER } from "contract/session";
import { Hono } from "hono";
import { z } from "zod";
import { AppError } from "../errors";
import type { SessionService } from "./session-service";

const SubmitBody = z.strictObject({
  captureId: z.string().min(1).max(100),
  confirmed: z.literal(true, { error: "confirmed must be true: the customer confirms the details are theirs" }),
});

/** The customer's link token, from its header (never a URL: URLs end up in logs and browser history). */
export function sessionToken(header: string | undefined): string {
  if (!header) throw new AppError("session_token_missing");
  return header;
}

/** /api/customer/session: what the customer's page does with its link (token-based, no API key). */
export function customerRoutes(sessions: SessionService) {
  return new Hono()
    .get("/", async (c) => c.json(await sessions.open(sessionToken(c.req.header(SESSION_TOKEN_HEADER))), 200))
    .post("/submit", async (c) => {
      const token = sessionToken(c.req.header(SESSION_TOKEN_HEADER));
      let raw: unknown;
      try {
        raw = await c.req.json();
      } catch {
        throw new AppError("malformed_json");
      }
      const parsed = SubmitBody.safeParse(raw);
      if (!parsed.success) {
        const detail = parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
        throw new AppError("invalid_request", { message: `The request is not valid (${detail}).` });
      }
      return c.json(await sessions.submit(token, parsed.data), 200);
    });
}
