import { describe, expect, it } from "vitest";
import type { Warning } from "../warning";
import { makeWarning } from "../warning-catalogue";
import {
  acknowledgementOf,
  checkApproval,
  EMPTY_REVIEW,
  type ReviewState,
  unacknowledgedCritical,
} from "./review-state";

const expired: Warning = makeWarning("expired", { field: "expiryDate" });
const glare: Warning = makeWarning("glare_mrz");
const ack = (code: string, by = "agt_a", field?: string) => ({
  code,
  reason: "seen",
  at: "2026-12-06T00:00:00Z",
  by,
  ...(field ? { field } : {}),
});

describe("approval rules", () => {
  it("blocks approval while a critical warning is unacknowledged, ignoring lesser ones", () => {
    expect(expired.severity).toBe("critical");
    expect(glare.severity).not.toBe("critical");
    expect(unacknowledgedCritical([expired, glare], EMPTY_REVIEW)).toEqual([expired]);
    expect(checkApproval([expired, glare], EMPTY_REVIEW, "agt_a", false)).toMatchObject({
      ok: false,
      reason: "critical-unacknowledged",
    });
    const acked: ReviewState = { ...EMPTY_REVIEW, acknowledgements: [ack("expired", "agt_a", "expiryDate")] };
    expect(checkApproval([expired, glare], acked, "agt_a", false)).toEqual({ ok: true, complete: true });
    // An acknowledgement of another field's warning with the same code does not count.
    const elsewhere: ReviewState = { ...EMPTY_REVIEW, acknowledgements: [ack("expired", "agt_a", "birthDate")] };
    expect(unacknowledgedCritical([expired], elsewhere)).toEqual([expired]);
    expect(acknowledgementOf(expired, elsewhere)).toBeNull();
    expect(acknowledgementOf(expired, acked)?.by).toBe("agt_a");
  });

  it("needs two different agents when a second reviewer is required and a critical warning was raised", () => {
    const acked: ReviewState = { ...EMPTY_REVIEW, acknowledgements: [ack("expired", "agt_a", "expiryDate")] };
    expect(checkApproval([expired], acked, "agt_a", true)).toEqual({ ok: true, complete: false });
    const once: ReviewState = { ...acked, approvals: [{ by: "agt_a", at: "2026-12-06T00:00:00Z" }] };
    expect(checkApproval([expired], once, "agt_a", true)).toEqual({ ok: false, reason: "same-reviewer" });
    expect(checkApproval([expired], once, "agt_b", true)).toEqual({ ok: true, complete: true });
    expect(checkApproval([glare], EMPTY_REVIEW, "agt_a", true)).toEqual({ ok: true, complete: true });
  });
});
