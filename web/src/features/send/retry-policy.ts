import { ApiError } from "../../lib/api-error";
import { knownNextStep } from "../../lib/error-catalogue";

/** At most this many retries after the first attempt. */
export const MAX_RETRIES = 3;
/** A Retry-After longer than this is not waited out silently: the person is told to try later. */
export const MAX_WAIT_MS = 30_000;

/** Statuses that say "try again shortly": network failure (0), timeout, rate limit, and gateway/busy answers. */
const TRANSIENT = new Set([0, 408, 429, 502, 503, 504]);

function isAbort(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === "AbortError";
}

/**
 * Whether to try again. Never after a cancel or a client error (4xx: the same request would fail again), except
 * 408/429 which the server sends with Retry-After; and never when the server asks for a wait longer than MAX_WAIT_MS.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isAbort(error) || !(error instanceof ApiError)) return false;
  if (failureCount > MAX_RETRIES) return false;
  if (!TRANSIENT.has(error.status)) return false;
  // A 503 can also mean "the operator must fix the setup" (e.g. upstream_account_unavailable): never retry those.
  const step = knownNextStep(error.code);
  if (step !== undefined && step !== "later") return false;
  if (error.retryAfterSeconds !== undefined && error.retryAfterSeconds * 1000 > MAX_WAIT_MS) return false;
  return true;
}

/** Retry-After when given, else exponential backoff from 1 s with jitter, capped at MAX_WAIT_MS. */
export function retryDelay(failureCount: number, error: unknown, random: () => number = Math.random): number {
  if (error instanceof ApiError && error.retryAfterSeconds !== undefined) {
    return Math.min(MAX_WAIT_MS, error.retryAfterSeconds * 1000);
  }
  const base = 1000 * 2 ** Math.max(0, failureCount - 1);
  return Math.min(MAX_WAIT_MS, Math.round(base * (0.75 + random() * 0.5)));
}
