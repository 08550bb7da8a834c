import { Webhook } from "standardwebhooks";
import { webhookSecretOf } from "../api-keys/api-key-store";
import type { DataKeys } from "../storage/data-key";
import type { Database } from "../storage/database";
import type { WebhookPayload } from "./outbox";
import { nextAttemptDelayMs } from "./retry-schedule";

export interface DelivererOptions {
  db: Database;
  keys: DataKeys;
  clock?: () => Date;
  /** How often the running deliverer polls when nothing kicks it (other instances may have queued events). */
  pollMs?: number;
  /** One attempt's time limit. */
  timeoutMs?: number;
  /** Events sent at once. */
  batch?: number;
  /** How long a claimed event stays with this instance before another may take it (a crash mid-send). */
  leaseMs?: number;
  fetch?: typeof fetch;
  log?: (line: Record<string, unknown>) => void;
}

export interface Deliverer {
  /** Delivers everything due, once; resolves with how many events it attempted. */
  runOnce(): Promise<number>;
}

export interface RunningDeliverer extends Deliverer {
  /** Looks at the outbox now (called after a commit that queued an event). */
  kick(): void;
  stop(): Promise<void>;
}

interface OutboxRow {
  id: string;
  api_key_id: string;
  url: string;
  payload: WebhookPayload;
  attempts: number;
  created_at: Date;
}

/**
 * Delivers queued webhooks at least once: claims due events with a lease (`FOR UPDATE SKIP LOCKED`, so several
 * instances share the work), signs each per Standard Webhooks with its API key's secret, POSTs it, records the attempt,
 * and on failure schedules the next try by the retry schedule (the same `webhook-id` every time). State lives in the
 * database, so a restart resumes where it stopped.
 */
export function createDeliverer(options: DelivererOptions): Deliverer {
  const {
    db,
    keys,
    clock = () => new Date(),
    timeoutMs = 10_000,
    batch = 8,
    leaseMs = 60_000,
    fetch: send = fetch,
    log = () => {},
  } = options;

  async function claim(): Promise<OutboxRow[]> {
    const now = clock();
    return db.query<OutboxRow>(
      `update webhook_outbox set locked_until = $2
       where id in (
         select id from webhook_outbox
         where delivered_at is null and failed_at is null and next_attempt_at <= $1
           and (locked_until is null or locked_until < $1)
         order by next_attempt_at, seq limit $3
         for update skip locked)
       returning id, api_key_id, url, payload, attempts, created_at`,
      [now, new Date(now.getTime() + leaseMs), batch],
    );
  }

  async function attempt(row: OutboxRow): Promise<void> {
    const body = JSON.stringify(row.payload);
    const started = clock();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const secret = await webhookSecretOf(db, keys, row.api_key_id);
      const signature = new Webhook(secret).sign(row.id, started, body);
      const response = await send(row.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "passport-kyc-webhooks/1",
          "webhook-id": row.id,
          "webhook-timestamp": String(Math.floor(started.getTime() / 1000)),
          "webhook-signature": signature,
        },
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
      statusCode = response.status;
      await response.body?.cancel().catch(() => {});
      if (response.status < 200 || response.status >= 300) error = `HTTP ${response.status}`;
    } catch (cause) {
      error = cause instanceof Error ? `${cause.name}: ${cause.message}`.slice(0, 200) : "failed";
    }
    const finished = clock();
    const attempts = row.attempts + 1;
    const delay = error === null ? null : nextAttemptDelayMs(attempts);
    await db.transaction(async (tx) => {
      await tx.query(
        `insert into webhook_attempts (outbox_id, attempt, attempted_at, duration_ms, status_code, error)
         values ($1, $2, $3, $4, $5, $6)`,
        [row.id, attempts, started, Math.max(0, finished.getTime() - started.getTime()), statusCode, error],
      );
      await tx.query(
        `update webhook_outbox set attempts = $2, locked_until = null,
           delivered_at = case when $3::boolean then $4::timestamptz else null end,
           failed_at = case when not $3::boolean and $5::boolean then $4::timestamptz else null end,
           next_attempt_at = case when $6::bigint is null then next_attempt_at
                                  else $4::timestamptz + $6::bigint * interval '1 millisecond' end
         where id = $1`,
        [row.id, attempts, error === null, finished, error !== null && delay === null, delay],
      );
    });
    log({
      event: "webhook_attempt",
      webhookId: row.id,
      type: row.payload.type,
      attempt: attempts,
      statusCode,
      delivered: error === null,
      gaveUp: error !== null && delay === null,
    });
  }

  async function runOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await claim();
      if (rows.length === 0) return total;
      await Promise.all(rows.map(attempt));
      total += rows.length;
    }
  }

  return { runOnce };
}

/** The deliverer as the server runs it: polls every `pollMs`, and at once when kicked. */
export function startDeliverer(options: DelivererOptions): RunningDeliverer {
  const { pollMs = 2000, log = () => {} } = options;
  const { runOnce } = createDeliverer(options);
  let stopped = false;
  let running: Promise<number> | null = null;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function schedule(ms: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, ms);
    timer.unref?.();
  }

  function tick() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = runOnce()
      .catch((error: unknown) => {
        log({
          event: "webhook_deliverer_error",
          error: error instanceof Error ? error.message.slice(0, 200) : "failed",
        });
        return 0;
      })
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          schedule(0);
        } else schedule(pollMs);
      });
  }

  schedule(0);
  return {
    kick: () => schedule(0),
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
