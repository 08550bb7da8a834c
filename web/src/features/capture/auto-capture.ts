/** Counts consecutive good frames and fires once when `needed` is reached; fires again only after reset(). */
export class AutoCapture {
  private streak = 0;
  private fired = false;

  constructor(private readonly needed: number) {
    if (!Number.isInteger(needed) || needed < 1)
      throw new Error(`goodFrames must be a positive integer, got ${needed}`);
  }

  /** Feeds one analysed frame; true exactly when auto-capture should take the still now. */
  frame(good: boolean): boolean {
    if (this.fired) return false;
    this.streak = good ? this.streak + 1 : 0;
    if (this.streak >= this.needed) {
      this.fired = true;
      return true;
    }
    return false;
  }

  progress(): number {
    return Math.min(1, this.streak / this.needed);
  }

  reset(): void {
    this.streak = 0;
    this.fired = false;
  }
}
