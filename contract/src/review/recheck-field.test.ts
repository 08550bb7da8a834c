import { describe, expect, it } from "vitest";
import { parseMrz } from "../mrz/parse-mrz";
import { recheckEditedField } from "./recheck-field";

const report = parseMrz([
  "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
  "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
]);

describe("recheckEditedField", () => {
  it("verifies an edit that the printed check digit supports and fails one it does not", () => {
    expect(recheckEditedField(report, "number", "L898902C3")).toBe("verified");
    expect(recheckEditedField(report, "number", "L898902C8")).toBe("failed");
    expect(recheckEditedField(report, "birthDate", "1974-08-12")).toBe("verified");
    expect(recheckEditedField(report, "birthDate", "1974-08-13")).toBe("failed");
    expect(recheckEditedField(report, "expiryDate", "2012-04-15")).toBe("verified");
    expect(recheckEditedField(report, "expiryDate", "2012-4-15")).toBe("failed");
    expect(recheckEditedField(report, "optionalData1", "ZE184226B")).toBe("verified");
  });

  it("fails a value that cannot be written in the field and leaves unguarded fields unchecked", () => {
    expect(recheckEditedField(report, "number", "L898902C3XYZ")).toBe("failed");
    expect(recheckEditedField(report, "number", "l898902-c3")).toBe("failed");
    expect(recheckEditedField(report, "surname", "ERIKSEN")).toBe("unchecked");
    expect(recheckEditedField(null, "number", "L898902C3")).toBeNull();
  });
});
