import { AppError } from "../errors";
import type { Database } from "../storage/database";
import { newSecret, secretHash } from "../storage/random-id";
import type { SessionRecord } from "./session-store";

/** How long a handoff link (the QR code a computer shows) may wait for the phone. */
export const HANDOFF_LINK_TTL_MS = 10 * 60_000;

/**
 * Cross-device handoff: a customer on a computer without a camera continues on their phone. The computer asks for a
 * short-lived link (`/h/<token>`, shown as a QR code); the phone redeems it once and gets a device token of its own for
 * the same session (the link then no longer works). The computer follows the session's status.
 */
export function createHandoff(deps: { db: Database; clock: () => Date }) {
  const { db, clock } = deps;
  return {
    async start(session: SessionRecord): Promise<{ token: string; expiresAt: Date }> {
      const token = newSecret(256);
      const now = clock();
      const expiresAt = new Date(Math.min(now.getTime() + HANDOFF_LINK_TTL_MS, session.expiresAt.getTime()));
      await db.query(
        "insert into handoff_tokens (token_hash, session_id, created_at, expires_at) values ($1, $2, $3, $4)",
        [await secretHash(token), session.id, now, expiresAt],
      );
      return { token, expiresAt };
    },

    /** Exchanges a handoff link's token, once, for a device token valid as long as the session. */
    async redeem(linkToken: string): Promise<{ deviceToken: string; sessionId: string }> {
      if (linkToken.length < 20 || linkToken.length > 100) throw new AppError("session_not_found");
      const deviceToken = newSecret(256);
      const rows = await db.query<{ session_id: string }>(
        `update handoff_tokens h set token_hash = $2, redeemed_at = $3, expires_at = s.expires_at
         from sessions s
         where h.token_hash = $1 and h.redeemed_at is null and h.expires_at > $3 and s.id = h.session_id
         returning h.session_id`,
        [await secretHash(linkToken), await secretHash(deviceToken), clock()],
      );
      const row = rows[0];
      if (!row) {
        throw new AppError("session_not_found", {
          message: "This link has been used or has expired. Show the QR code on your computer again.",
        });
      }
      return { deviceToken, sessionId: row.session_id };
    },

    /** Whether a phone has taken over the session. */
    async phoneConnected(sessionId: string): Promise<boolean> {
      const rows = await db.query("select 1 from handoff_tokens where session_id = $1 and redeemed_at is not null", [
        sessionId,
      ]);
      return rows.length > 0;
    },
  };
}
