import type { FieldEdit } from "contract/review/field-edits";
import { describe, expect, it } from "vitest";
import { editedFields, rowStates } from "./edited-fields";
import { buildFieldRows } from "./field-rows";
import { specimenResult } from "./specimen-result.test-fixture";

const at = "2026-12-06T10:00:00.000Z";
const edit = (field: FieldEdit["field"], read: string, value: string, state: FieldEdit["state"]): FieldEdit => ({
  field,
  read,
  value,
  reason: "printed page",
  at,
  state,
});

describe("edited fields", () => {
  const rows = buildFieldRows(specimenResult());
  const number = rows.find((row) => row.key === "number")!;
  const surname = rows.find((row) => row.key === "surname")!;

  it("keeps the latest edit of each field and drops fields edited back to what was read", () => {
    const edited = editedFields([
      edit("number", "L898902C3", "L898902C8", "failed"),
      edit("surname", "ERIKSSON", "ERIKSON", "unchecked"),
      edit("surname", "ERIKSSON", "ERIKSSON", "unchecked"),
    ]);
    expect([...edited]).toEqual([["number", { value: "L898902C8", state: "failed" }]]);
  });

  it("replaces the read's verified badge by the edit's failed re-check", () => {
    expect(number.mrzState).toBe("verified");
    expect(rowStates(number, undefined)).toEqual(["verified"]);
    expect(rowStates(number, { value: "L898902C8", state: "failed" })).toEqual(["failed", "edited"]);
    expect(rowStates(number, { value: "L898902C3 ", state: "verified" })).toEqual(["verified", "edited"]);
    // Without an MRZ to check against, the read's state stays and the edit is marked.
    expect(rowStates(surname, { value: "ERIKSON", state: null })).toEqual(["unchecked", "edited"]);
  });
});
