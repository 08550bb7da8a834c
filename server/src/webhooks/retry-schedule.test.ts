import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, nextAttemptDelayMs, RETRY_SPAN_MS } from "./retry-schedule";

describe("webhook retry schedule", () => {
  it("backs off exponentially-ish for at least 24 hours, then stops", () => {
    const delays = Array.from({ length: MAX_ATTEMPTS }, (_, i) => nextAttemptDelayMs(i + 1));
    expect(delays.at(-1)).toBeNull();
    const waits = delays.slice(0, -1) as number[];
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]!);
    expect(RETRY_SPAN_MS).toBeGreaterThanOrEqual(24 * 3600_000);
    expect(nextAttemptDelayMs(1)).toBe(5000);
  });
});
