import { describe, expect, it } from "vitest";
import { currentValues, editDiff, type FieldEdit, validateEdit } from "./field-edits";

const at = "2026-11-25T23:00:00.000Z";

describe("validateEdit", () => {
  it("requires a reason and a changed, non-empty value", () => {
    expect(validateEdit("surname", "ERIKSSON", "ERIKSON", "")).toEqual(["reason-required"]);
    expect(validateEdit("surname", "ERIKSSON", "ERIKSSON", "typo")).toEqual(["unchanged"]);
    expect(validateEdit("surname", "ERIKSSON", "  ", " ")).toEqual(["value-required", "reason-required"]);
    expect(validateEdit("surname", "ERIKSSON", "ERIKSON", "printed page shows one S")).toEqual([]);
  });

  it("checks dates, sex and country codes by shape", () => {
    expect(validateEdit("birthDate", "1974-08-12", "1974-02-30", "r")).toEqual(["bad-date"]);
    expect(validateEdit("birthDate", "1974-08-12", "12/08/1974", "r")).toEqual(["bad-date"]);
    expect(validateEdit("birthDate", "1974-08-12", "1974-08-13", "r")).toEqual([]);
    expect(validateEdit("sex", "F", "W", "r")).toEqual(["bad-sex"]);
    expect(validateEdit("nationality", "UTO", "nld", "r")).toEqual(["bad-country"]);
    expect(validateEdit("nationality", "UTO", "NLD", "r")).toEqual([]);
  });
});

describe("editDiff", () => {
  it("keeps what was read, the latest value and every reason", () => {
    const edits: FieldEdit[] = [
      { field: "surname", read: "ERIKSSON", value: "ERIKSON", reason: "one S on the page", at },
      { field: "number", read: "L898902C3", value: "L898902G3", reason: "C is a G", at },
      { field: "surname", read: "ERIKSSON", value: "ERICSON", reason: "checked again", at },
    ];
    expect(editDiff(edits)).toEqual([
      { field: "surname", read: "ERIKSSON", value: "ERICSON", reasons: ["one S on the page", "checked again"] },
      { field: "number", read: "L898902C3", value: "L898902G3", reasons: ["C is a G"] },
    ]);
    expect(currentValues(edits).get("surname")).toBe("ERICSON");
  });

  it("drops a field whose edits lead back to the read value", () => {
    const edits: FieldEdit[] = [
      { field: "sex", read: "F", value: "M", reason: "a", at },
      { field: "sex", read: "F", value: "F", reason: "undo", at },
    ];
    expect(editDiff(edits)).toEqual([]);
  });
});
