import type { FieldEdit } from "contract/review/field-edits";
import { describe, expect, it } from "vitest";
import { buildFieldRows } from "./field-rows";
import { fieldsAsText } from "./fields-as-text";
import { specimenResult } from "./specimen-result.test-fixture";

describe("fieldsAsText", () => {
  it("writes label-tab-value lines with edits applied", () => {
    const edit: FieldEdit = {
      field: "surname",
      read: "ERIKSSON",
      value: "ERIKSON",
      reason: "printed page",
      at: "2026-11-25T23:10:00.000Z",
    };
    const text = fieldsAsText(buildFieldRows(specimenResult()).slice(0, 3), [edit], (key) => key.toUpperCase());
    expect(text).toBe("SURNAME\tERIKSON\nGIVENNAMES\tANNA MARIA\nNUMBER\tL898902C3");
  });
});
