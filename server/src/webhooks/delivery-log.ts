import type { Queryable } from "../storage/database";
import type { WebhookEvent } from "./outbox";

export interface DeliveryAttempt {
  attempt: number;
  at: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface Delivery {
  id: string;
  type: WebhookEvent;
  url: string;
  createdAt: Date;
  deliveredAt: Date | null;
  failedAt: Date | null;
  nextAttemptAt: Date | null;
  attempts: DeliveryAttempt[];
}

/** Every webhook queued for a session, oldest first, with each delivery attempt. */
export async function deliveriesOf(db: Queryable, sessionId: string): Promise<Delivery[]> {
  const events = await db.query<{
    id: string;
    event_type: WebhookEvent;
    url: string;
    created_at: Date;
    delivered_at: Date | null;
    failed_at: Date | null;
    next_attempt_at: Date;
  }>(
    `select id, event_type, url, created_at, delivered_at, failed_at, next_attempt_at
     from webhook_outbox where session_id = $1 order by seq`,
    [sessionId],
  );
  const attempts = await db.query<{
    outbox_id: string;
    attempt: number;
    attempted_at: Date;
    status_code: number | null;
    error: string | null;
    duration_ms: number;
  }>(
    `select a.* from webhook_attempts a join webhook_outbox o on o.id = a.outbox_id
     where o.session_id = $1 order by a.outbox_id, a.attempt`,
    [sessionId],
  );
  return events.map((e) => ({
    id: e.id,
    type: e.event_type,
    url: e.url,
    createdAt: e.created_at,
    deliveredAt: e.delivered_at,
    failedAt: e.failed_at,
    nextAttemptAt: e.delivered_at || e.failed_at ? null : e.next_attempt_at,
    attempts: attempts
      .filter((a) => a.outbox_id === e.id)
      .map((a) => ({
        attempt: a.attempt,
        at: a.attempted_at,
        statusCode: a.status_code,
        error: a.error,
        durationMs: a.duration_ms,
      })),
  }));
}
