import type { ClientRateLimitInfo, Store } from "hono-rate-limiter";

/** Clients remembered at most by one limiter: about 150 bytes each, so a few MB whatever the traffic. */
export const DEFAULT_MAX_KEYS = 50_000;

interface Entry {
  totalHits: number;
  resetTime: Date;
}

/**
 * Fixed-window counts in memory with a ceiling on the number of clients remembered, so a flood of distinct keys
 * cannot grow the process. Entries sit in the order their windows started: expired ones are dropped from the front,
 * and when the store is full the oldest window is forgotten first (it is the next to expire anyway). No timers.
 */
export class BoundedMemoryStore implements Store {
  readonly localKeys = true;
  private readonly entries = new Map<string, Entry>();
  private windowMs = 60_000;

  constructor(
    private readonly maxKeys = DEFAULT_MAX_KEYS,
    private readonly now: () => number = Date.now,
  ) {}

  init(options: { windowMs: number }): void {
    this.windowMs = options.windowMs;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): ClientRateLimitInfo | undefined {
    const entry = this.entries.get(key);
    return entry && entry.resetTime.getTime() > this.now() ? entry : undefined;
  }

  increment(key: string): ClientRateLimitInfo {
    const now = this.now();
    let entry = this.entries.get(key);
    if (!entry || entry.resetTime.getTime() <= now) {
      this.entries.delete(key);
      this.makeRoom(now);
      entry = { totalHits: 0, resetTime: new Date(now + this.windowMs) };
      this.entries.set(key, entry);
    }
    entry.totalHits++;
    return entry;
  }

  decrement(key: string): void {
    const entry = this.entries.get(key);
    if (entry && entry.totalHits > 0) entry.totalHits--;
  }

  resetKey(key: string): void {
    this.entries.delete(key);
  }

  resetAll(): void {
    this.entries.clear();
  }

  private makeRoom(now: number): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size < this.maxKeys && entry.resetTime.getTime() > now) return;
      this.entries.delete(key);
    }
  }
}
