/** Seed ranges per purpose: a seed belongs to exactly one purpose, so training never sees evaluation data. */
export const SEED_RANGES = {
  /** MRZ recogniser training lines and pages. */
  train: { from: 0, to: 99_999_999 },
  /** Held-out evaluation: model EVAL.md and the engine benchmark. */
  eval: { from: 1_000_000_000, to: 1_099_999_999 },
  /** Unit, integration and e2e fixtures. */
  test: { from: 2_000_000_000, to: 2_099_999_999 },
} as const;

export type SeedPurpose = keyof typeof SEED_RANGES;

export function seedPurpose(seed: number): SeedPurpose | null {
  for (const [purpose, range] of Object.entries(SEED_RANGES) as [SeedPurpose, { from: number; to: number }][]) {
    if (seed >= range.from && seed <= range.to) return purpose;
  }
  return null;
}

/** Throws when `seed` is outside the range reserved for `purpose`. */
export function assertSeedFor(purpose: SeedPurpose, seed: number): void {
  const range = SEED_RANGES[purpose];
  if (!Number.isInteger(seed) || seed < range.from || seed > range.to) {
    throw new RangeError(`seed ${seed} is not in the ${purpose} range ${range.from}..${range.to}`);
  }
}
