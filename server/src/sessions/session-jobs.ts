import type { SessionService } from "./session-service";

const DAY_MS = 86_400_000;

export interface SessionJobsOptions {
  sessions: SessionService;
  retentionDays: number;
  clock?: () => Date;
  /** How often links that ran out are marked expired. */
  expiryEveryMs?: number;
  /** How often data past the retention period is erased. */
  retentionEveryMs?: number;
  log?: (line: Record<string, unknown>) => void;
  /** Other housekeeping to run with the retention sweep (e.g. forgetting old sign-in failures). */
  also?: () => Promise<void>;
}

/**
 * The session housekeeping a server runs: expire links that ran out (session.expired webhooks) and erase images and
 * personal data older than RETENTION_DAYS (tombstones stay). Both run once at start, then on timers.
 */
export function startSessionJobs(options: SessionJobsOptions): { stop(): void; runOnce(): Promise<void> } {
  const {
    sessions,
    retentionDays,
    clock = () => new Date(),
    expiryEveryMs = 30_000,
    retentionEveryMs = 3_600_000,
  } = options;
  const log = options.log ?? (() => {});
  const expire = async () => {
    const expired = await sessions.expireDue();
    if (expired > 0) log({ event: "sessions_expired", count: expired });
  };
  const retain = async () => {
    const cutoff = new Date(clock().getTime() - retentionDays * DAY_MS);
    let erased = 0;
    for (
      let batch = await sessions.eraseCreatedBefore(cutoff);
      batch > 0;
      batch = await sessions.eraseCreatedBefore(cutoff)
    ) {
      erased += batch;
    }
    if (erased > 0) log({ event: "sessions_erased_by_retention", count: erased, retentionDays });
    await options.also?.();
  };
  const guarded = (job: () => Promise<void>, name: string) => () =>
    job().catch((error: unknown) =>
      log({
        event: "session_job_failed",
        job: name,
        error: error instanceof Error ? error.message.slice(0, 200) : "failed",
      }),
    );
  const timers = [
    setInterval(guarded(expire, "expiry"), expiryEveryMs),
    setInterval(guarded(retain, "retention"), retentionEveryMs),
  ];
  for (const timer of timers) timer.unref?.();
  const runOnce = async () => {
    await guarded(expire, "expiry")();
    await guarded(retain, "retention")();
  };
  void runOnce();
  return {
    runOnce,
    stop() {
      for (const timer of timers) clearInterval(timer);
    },
  };
}
