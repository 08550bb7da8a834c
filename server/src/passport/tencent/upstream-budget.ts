import { AppError } from "../../errors";

export interface UpstreamBudgetOptions {
  /** Paid calls allowed per clock minute (UPSTREAM_MAX_PER_MINUTE). */
  perMinute: number;
  /** Paid calls allowed per UTC day (UPSTREAM_MAX_PER_DAY). */
  perDay: number;
  now?: () => number;
}

export interface BudgetStatus {
  minute: { used: number; limit: number };
  day: { used: number; limit: number };
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * A ceiling on what the upstream can cost, for the whole server whoever calls: every attempt (retries too) takes one
 * call from the current minute's and the current UTC day's allowance. When either is spent, calls are refused with
 * 503 `budget_exhausted` and a Retry-After until that window ends.
 */
export class UpstreamBudget {
  private minute = { window: -1, used: 0 };
  private day = { window: -1, used: 0 };
  private readonly now: () => number;

  constructor(private readonly options: UpstreamBudgetOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Takes one call, or throws budget_exhausted. */
  take(): void {
    const now = this.now();
    const minute = this.counter(this.minute, Math.floor(now / MINUTE));
    const day = this.counter(this.day, Math.floor(now / DAY));
    if (day.used >= this.options.perDay) throw exhausted((day.window + 1) * DAY - now, "day");
    if (minute.used >= this.options.perMinute) throw exhausted((minute.window + 1) * MINUTE - now, "minute");
    minute.used++;
    day.used++;
  }

  status(): BudgetStatus {
    const now = this.now();
    return {
      minute: { used: this.counter(this.minute, Math.floor(now / MINUTE)).used, limit: this.options.perMinute },
      day: { used: this.counter(this.day, Math.floor(now / DAY)).used, limit: this.options.perDay },
    };
  }

  private counter(counter: { window: number; used: number }, window: number) {
    if (counter.window !== window) {
      counter.window = window;
      counter.used = 0;
    }
    return counter;
  }
}

function exhausted(msLeft: number, window: "minute" | "day"): AppError {
  return new AppError("budget_exhausted", {
    retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)),
    cause: { window },
  });
}
