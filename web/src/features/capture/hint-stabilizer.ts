import type { Hint } from "./quality-thresholds";

/**
 * Keeps a hint on screen for at least `minMs` so guidance does not flicker at the analysis rate.
 * `null` means "looks good". A change is shown only once the current hint has been up for minMs.
 */
export class HintStabilizer {
  private shown: Hint | null = null;
  private since = Number.NEGATIVE_INFINITY;

  constructor(private readonly minMs = 1000) {}

  update(candidate: Hint | null, now: number): Hint | null {
    if (candidate === this.shown) return this.shown;
    if (now - this.since >= this.minMs) {
      this.shown = candidate;
      this.since = now;
    }
    return this.shown;
  }

  current(): Hint | null {
    return this.shown;
  }
}
