import { type HandoffLink, SESSION_TOKEN_HEADER } from "contract/session";
import { Hono } from "hono";
import { z } from "zod";
import { AppError } from "../errors";
import type { ClientVariables } from "../http/client-address";
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

const RedeemBody = z.strictObject({ token: z.string().min(1).max(100) });

/**
 * /api/customer: what the customer's page does with its link (token-based, no API key): open the session, submit the
 * confirmed read, hand over to a phone (`/session/handoff` makes the link, `/handoff/redeem` is the phone's side).
 */
export function customerRoutes(sessions: SessionService, publicUrl: string | undefined) {
  return new Hono<{ Variables: ClientVariables }>()
    .get("/session", async (c) => c.json(await sessions.open(sessionToken(c.req.header(SESSION_TOKEN_HEADER))), 200))
    .post("/session/handoff", async (c) => {
      const link = await sessions.startHandoff(sessionToken(c.req.header(SESSION_TOKEN_HEADER)));
      const base = publicUrl ?? c.get("requestOrigin");
      const body: HandoffLink = {
        url: new URL(`/h/${link.token}`, base).href,
        expiresAt: link.expiresAt.toISOString(),
      };
      return c.json(body, 201);
    })
    .post("/handoff/redeem", async (c) => {
      const body = await jsonBody(c.req.raw, RedeemBody);
      return c.json(await sessions.redeemHandoff(body.token), 200);
    })
    .post("/session/submit", async (c) => {
      const token = sessionToken(c.req.header(SESSION_TOKEN_HEADER));
      const body = await jsonBody(c.req.raw, SubmitBody);
      return c.json(await sessions.submit(token, body), 200);
    });
}
