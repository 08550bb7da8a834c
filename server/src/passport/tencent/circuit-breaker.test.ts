import { describe, expect, it } from "vitest";
import type { AppError } from "../../errors";
import { CircuitBreaker } from "./circuit-breaker";

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return [(error as AppError).code, (error as AppError).retryAfterSeconds];
  }
  return null;
};

describe("CircuitBreaker (issue 17, item 4)", () => {
  it("opens after five failures in a row, probes once after the cooldown, doubles it while probes fail", () => {
    const clock = { now: 0 };
    const breaker = new CircuitBreaker({ now: () => clock.now });
    for (let i = 0; i < 4; i++) breaker.enter()("failed");
    breaker.enter()("ok");
    for (let i = 0; i < 5; i++) breaker.enter()("failed");
    expect(breaker.status()).toEqual({
      state: "open",
      consecutiveFailures: 5,
      retryAt: new Date(30_000).toISOString(),
    });
    expect(refusal(() => breaker.enter())).toEqual(["upstream_circuit_open", 30]);
    clock.now = 30_000;
    const probe = breaker.enter();
    expect(refusal(() => breaker.enter())).toEqual(["upstream_circuit_open", 1]);
    probe("failed");
    expect(breaker.status().retryAt).toBe(new Date(90_000).toISOString());
    clock.now = 90_000;
    breaker.enter()("ok");
    expect(breaker.status()).toEqual({ state: "closed", consecutiveFailures: 0, retryAt: null });
  });

  it("a probe whose caller went away lets the next one through", () => {
    const clock = { now: 0 };
    const breaker = new CircuitBreaker({ now: () => clock.now, failureThreshold: 1 });
    breaker.enter()("failed");
    clock.now = 30_000;
    breaker.enter()("cancelled");
    expect(refusal(() => breaker.enter()("ok"))).toBeNull();
    expect(breaker.status().state).toBe("closed");
  });
});
