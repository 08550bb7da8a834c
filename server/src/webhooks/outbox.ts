import type { SessionRecord } from "../sessions/session-store";
import type { Queryable } from "../storage/database";
import { newId } from "../storage/random-id";

/** The events an integrator can receive. */
export const WEBHOOK_EVENTS = ["session.submitted", "session.decided", "session.expired"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The body of every webhook (Standard Webhooks style): ids and statuses only, never personal data. */
export interface WebhookPayload {
  type: WebhookEvent;
  timestamp: string;
  data: {
    id: string;
    reference: string;
    status: SessionRecord["status"];
    submittedAt: string | null;
    decidedAt: string | null;
  };
}

/**
 * Queues an event for the session's webhook URL (its own, else its API key's default), in the caller's transaction:
 * the event exists exactly when the status change it reports was committed. No URL: nothing to deliver.
 */
export async function enqueueWebhook(
  tx: Queryable,
  session: SessionRecord,
  type: WebhookEvent,
  now: Date,
): Promise<string | null> {
  let url = session.webhookUrl;
  if (!url && session.apiKeyId) {
    const [key] = await tx.query<{ webhook_url: string | null }>("select webhook_url from api_keys where id = $1", [
      session.apiKeyId,
    ]);
    url = key?.webhook_url ?? null;
  }
  if (!url || !session.apiKeyId) return null;
  const payload: WebhookPayload = {
    type,
    timestamp: now.toISOString(),
    data: {
      id: session.id,
      reference: session.reference,
      status: session.status,
      submittedAt: session.submittedAt?.toISOString() ?? null,
      decidedAt: session.decidedAt?.toISOString() ?? null,
    },
  };
  const id = newId("msg");
  await tx.query(
    `insert into webhook_outbox (id, session_id, api_key_id, event_type, payload, url, created_at, next_attempt_at)
     values ($1, $2, $3, $4, $5, $6, $7, $7)`,
    [id, session.id, session.apiKeyId, type, payload, url, now],
  );
  return id;
}
