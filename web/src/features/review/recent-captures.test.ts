import { afterEach, describe, expect, it } from "vitest";
import { forgetCaptures, RECENT_LIMIT, recentCaptures, recordOutcome, rememberCapture } from "./recent-captures";

const capture = (requestId: string) => ({
  requestId,
  at: "2026-11-25T23:00:00.000Z",
  name: "A",
  number: "1",
  outcome: null,
});

describe("recent captures", () => {
  afterEach(forgetCaptures);

  it("lists newest first, once per request, capped", () => {
    rememberCapture(capture("a"));
    rememberCapture(capture("b"));
    rememberCapture(capture("a"));
    expect(recentCaptures().map((c) => c.requestId)).toEqual(["b", "a"]);
    for (let i = 0; i < RECENT_LIMIT + 5; i++) rememberCapture(capture(`n${i}`));
    expect(recentCaptures()).toHaveLength(RECENT_LIMIT);
    expect(recentCaptures()[0]?.requestId).toBe(`n${RECENT_LIMIT + 4}`);
  });

  it("records the decision on the matching capture only", () => {
    rememberCapture(capture("a"));
    rememberCapture(capture("b"));
    recordOutcome("a", "reject");
    expect(recentCaptures().map((c) => [c.requestId, c.outcome])).toEqual([
      ["b", null],
      ["a", "reject"],
    ]);
  });
});
