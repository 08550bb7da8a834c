import { AppError } from "../../errors";

export interface CircuitBreakerOptions {
  /** Consecutive failed attempts that open the circuit (Envoy's outlier detection default: 5). */
  failureThreshold?: number;
  /** How long the circuit stays open the first time (Envoy's base ejection time: 30 s); doubles while probes fail. */
  cooldownMs?: number;
  /** The longest the circuit stays open. */
  maxCooldownMs?: number;
  now?: () => number;
}

export type AttemptOutcome = "ok" | "failed" | "cancelled";

export interface CircuitStatus {
  state: "closed" | "open" | "half-open";
  consecutiveFailures: number;
  /** When an open circuit lets a probe through (ISO time). */
  retryAt: string | null;
}

/**
 * Stops calling an upstream that keeps failing: after `failureThreshold` failed attempts in a row (timeouts, 5xx,
 * refused credentials), calls are refused at once with 503 `upstream_circuit_open` for a cooldown; then one probe goes
 * through (half-open): its success closes the circuit, its failure opens it again for twice as long. An answer about
 * the photo (no passport found, blurred) is a working upstream and counts as success.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private cooldown: number;
  private probing = false;
  private readonly threshold: number;
  private readonly baseCooldown: number;
  private readonly maxCooldown: number;
  private readonly now: () => number;

  constructor(options: CircuitBreakerOptions = {}) {
    this.threshold = options.failureThreshold ?? 5;
    this.baseCooldown = options.cooldownMs ?? 30_000;
    this.maxCooldown = options.maxCooldownMs ?? 300_000;
    this.cooldown = this.baseCooldown;
    this.now = options.now ?? Date.now;
  }

  /** Lets an attempt through or throws upstream_circuit_open; the returned function records how it went. */
  enter(): (outcome: AttemptOutcome) => void {
    const now = this.now();
    const open = this.failures >= this.threshold;
    if (open && (now < this.openUntil || this.probing)) {
      throw new AppError("upstream_circuit_open", {
        retryAfterSeconds: Math.max(1, Math.ceil((Math.max(this.openUntil, now + 1000) - now) / 1000)),
      });
    }
    const probe = open;
    if (probe) this.probing = true;
    let settled = false;
    return (outcome) => {
      if (settled) return;
      settled = true;
      if (probe) this.probing = false;
      if (outcome === "ok") {
        this.failures = 0;
        this.cooldown = this.baseCooldown;
      } else if (outcome === "failed") {
        this.failures++;
        if (this.failures >= this.threshold) {
          if (probe) this.cooldown = Math.min(this.maxCooldown, this.cooldown * 2);
          this.openUntil = this.now() + this.cooldown;
        }
      }
    };
  }

  status(): CircuitStatus {
    const open = this.failures >= this.threshold;
    const waiting = open && this.now() < this.openUntil;
    return {
      state: !open ? "closed" : waiting ? "open" : "half-open",
      consecutiveFailures: this.failures,
      retryAt: open ? new Date(this.openUntil).toISOString() : null,
    };
  }
}
