import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { UpstreamBudget } from "./upstream-budget";

describe("UpstreamBudget (issue 17, item 4)", () => {
  it("allows perMinute calls per clock minute and perDay per UTC day, then says how long to wait", () => {
    const clock = { now: Date.UTC(2026, 0, 1, 23, 58, 50) };
    const budget = new UpstreamBudget({ perMinute: 2, perDay: 3, now: () => clock.now });
    budget.take();
    budget.take();
    expect(() => budget.take()).toThrow(expect.objectContaining({ code: "budget_exhausted", retryAfterSeconds: 10 }));
    clock.now += 10_000;
    budget.take();
    expect(budget.status()).toEqual({ minute: { used: 1, limit: 2 }, day: { used: 3, limit: 3 } });
    expect(() => budget.take()).toThrow(expect.objectContaining({ code: "budget_exhausted", retryAfterSeconds: 60 }));
    clock.now = Date.UTC(2026, 0, 2, 0, 0, 1);
    budget.take();
    expect(budget.status().day.used).toBe(1);
    expect(new AppError("budget_exhausted").status).toBe(503);
  });
});
