import type { AuditEvent } from "contract/desk";
import { describe, expect, it } from "vitest";
import { auditLine } from "./audit-line";

const event = (action: AuditEvent["action"], detail: Record<string, unknown> | null): AuditEvent => ({
  id: "evt_1",
  at: "2026-12-06T10:00:00.000Z",
  actor: "agent",
  agent: { id: "agt_1", email: "ana@bank.test" },
  action,
  detail,
});

describe("auditLine", () => {
  it("reads an edit: field, before, after, reason and the re-check", () => {
    expect(
      auditLine(
        event("edited", {
          field: "number",
          before: "L898902C3",
          after: "L898902C8",
          reason: "printed page",
          state: "failed",
        }),
      ),
    ).toMatchObject({
      action: "edited",
      field: "number",
      before: "L898902C3",
      after: "L898902C8",
      reason: "printed page",
      state: "failed",
    });
  });

  it("reads decisions, acknowledgements, assignments and reads", () => {
    expect(auditLine(event("decided", { outcome: "retake", reason: "blurred" }))).toMatchObject({
      outcome: "retake",
      reason: "blurred",
    });
    expect(auditLine(event("acknowledged", { code: "expired", field: "expiryDate", reason: "ok" }))).toMatchObject({
      code: "expired",
      field: "expiryDate",
    });
    expect(auditLine(event("assigned", { before: null, after: "agt_2", afterEmail: "bo@bank.test" })).assignee).toBe(
      "bo@bank.test",
    );
    expect(auditLine(event("read", { captureId: "cap_1", warnings: ["expired", 7, "specimen"] })).warnings).toEqual([
      "expired",
      "specimen",
    ]);
    expect(auditLine(event("approved", { reason: "fine", awaitingSecondReviewer: true })).awaitingSecond).toBe(true);
  });

  it("leaves out what it does not recognise, and an erased session's detail", () => {
    expect(auditLine(event("edited", { field: "shoeSize", outcome: "maybe", state: "great" }))).toMatchObject({
      field: null,
      outcome: null,
      state: null,
    });
    expect(auditLine(event("viewed", null))).toMatchObject({ field: null, reason: null, warnings: [] });
    expect(auditLine(event("erased", { reason: "retention" }))).toMatchObject({ reason: null, retention: true });
  });
});
