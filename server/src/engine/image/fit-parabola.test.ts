import { describe, expect, it } from "vitest";
import { fitParabola, parabolaAt } from "./fit-parabola";

describe("fitParabola", () => {
  it("recovers the parabola the points lie on", () => {
    const us = [-1, -0.6, -0.2, 0.1, 0.5, 0.9];
    const p = fitParabola(
      us,
      us.map((u) => 3 - 2 * u + 5 * u * u),
    );
    expect(p?.a).toBeCloseTo(3, 9);
    expect(p?.b).toBeCloseTo(-2, 9);
    expect(p?.c).toBeCloseTo(5, 9);
    expect(parabolaAt(p!, 0.5)).toBeCloseTo(3 - 1 + 1.25, 9);
  });

  it("fits the least-squares parabola through scattered points", () => {
    // Symmetric scatter of +-1 about y = u^2: the fit is the parabola itself.
    const us = [-1, -1, 0, 0, 1, 1];
    const p = fitParabola(us, [2, 0, 1, -1, 2, 0]);
    expect(p).toEqual({ a: expect.closeTo(0, 9), b: expect.closeTo(0, 9), c: expect.closeTo(1, 9) });
  });

  it("is null when fewer than three distinct positions leave it undetermined", () => {
    expect(fitParabola([0, 1, 1, 0], [1, 2, 3, 4])).toBeNull();
    expect(fitParabola([], [])).toBeNull();
  });
});
