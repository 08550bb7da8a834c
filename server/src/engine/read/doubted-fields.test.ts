import { makeWarning } from "contract/warning-catalogue";
import { describe, expect, it } from "vitest";
import { doubtedFields } from "./doubted-fields";

describe("doubtedFields", () => {
  it("reads field, details.fields and details.failedChecks of doubting warnings only", () => {
    const fields = doubtedFields([
      makeWarning("mrz_correction_uncertain", { details: { fields: "documentNumber, optionalData1" } }),
      makeWarning("mrz_unverifiable", { details: { failedChecks: "birthDate" } }),
      makeWarning("under_18", { field: "birthDate" }),
      makeWarning("unknown_country_code", { field: "nationality" }),
    ]);
    expect([...fields].sort()).toEqual(["birthDate", "documentNumber", "nationality", "optionalData1"]);
  });
});
