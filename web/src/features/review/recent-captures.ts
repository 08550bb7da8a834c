import type { DecisionOutcome } from "contract/review/decision";
import { useSyncExternalStore } from "react";

/** One capture reviewed at the desk in this tab. Held in memory only: never stored or sent anywhere. */
export interface RecentCapture {
  requestId: string;
  /** ISO timestamp of when the review opened. */
  at: string;
  name: string;
  number: string;
  outcome: DecisionOutcome | null;
}

export const RECENT_LIMIT = 20;

let captures: readonly RecentCapture[] = [];
const listeners = new Set<() => void>();

function emit(next: readonly RecentCapture[]): void {
  captures = next;
  for (const listener of listeners) listener();
}

/** Adds a capture at the top (once per request id), keeping the newest RECENT_LIMIT. */
export function rememberCapture(capture: RecentCapture): void {
  if (captures.some((existing) => existing.requestId === capture.requestId)) return;
  emit([capture, ...captures].slice(0, RECENT_LIMIT));
}

export function recordOutcome(requestId: string, outcome: DecisionOutcome): void {
  emit(captures.map((capture) => (capture.requestId === requestId ? { ...capture, outcome } : capture)));
}

export function recentCaptures(): readonly RecentCapture[] {
  return captures;
}

export function forgetCaptures(): void {
  emit([]);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useRecentCaptures(): readonly RecentCapture[] {
  return useSyncExternalStore(subscribe, recentCaptures, recentCaptures);
}
