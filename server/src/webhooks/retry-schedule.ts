/**
 * When a failed webhook is tried again (the Standard Webhooks / Svix schedule): after the first failure 5 s, then
 * 5 min, 30 min, 2 h, 5 h, 10 h and 10 h: eight attempts over about 27.6 hours, then the event is marked failed
 * (still visible through the API, and re-deliverable by the integrator's own GET).
 */
const DELAYS_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000] as const;

/** Milliseconds to wait after `attemptsMade` failed attempts; null when there are no more attempts. */
export function nextAttemptDelayMs(attemptsMade: number): number | null {
  return DELAYS_MS[attemptsMade - 1] ?? null;
}

/** The total span between the first and the last attempt. */
export const RETRY_SPAN_MS = DELAYS_MS.reduce((a, b) => a + b, 0);
export const MAX_ATTEMPTS = DELAYS_MS.length + 1;
