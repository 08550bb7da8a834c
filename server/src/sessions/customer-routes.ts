import { SESSION_TOKEN_HEADER } from "contract/session";
import { Hono } from "hono";
import { z } from "zod";
import { AppError } from "../errors";
import { jsonBody } from "../http/json-body";
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
      const body = await jsonBody(c.req.raw, SubmitBody);
      return c.json(await sessions.submit(token, body), 200);
    });
}
