import type { Warning } from "contract/warning";
import { describe, expect, it } from "vitest";
import { buildFieldRows, LOW_CONFIDENCE } from "./field-rows";
import { specimenReport, specimenResult } from "./specimen-result.test-fixture";

describe("buildFieldRows", () => {
  it("lists the document fields in reading order with MRZ source and state", () => {
    const rows = buildFieldRows(specimenResult());
    expect(rows.map((row) => row.key)).toEqual([
      "surname",
      "givenNames",
      "number",
      "nationality",
      "birthDate",
      "sex",
      "expiryDate",
      "issuingCountry",
      "type",
      "optionalData1",
    ]);
    expect(rows.find((row) => row.key === "number")).toMatchObject({
      value: "L898902C3",
      source: "mrz",
      mrzState: "verified",
      mismatches: [],
      flags: [],
    });
    expect(rows.find((row) => row.key === "surname")?.mrzState).toBe("unchecked");
    expect(rows.find((row) => row.key === "optionalData1")?.value).toBe("ZE184226B");
  });

  it("says 'both' when the printed page has the field too, 'printed' when only it has", () => {
    const rows = buildFieldRows(
      specimenResult({ mrz: null, visualZone: { surname: "ERIKSSON", number: "L898902C3" } }),
    );
    expect(rows.find((row) => row.key === "surname")?.source).toBe("printed");
    const both = buildFieldRows(specimenResult({ visualZone: { surname: "ERIKSSON" } }));
    expect(both.find((row) => row.key === "surname")?.source).toBe("both");
    expect(both.find((row) => row.key === "sex")?.source).toBe("mrz");
  });

  it("shows the original characters of a corrected field", () => {
    const report = specimenReport();
    report.fields = report.fields.map((field) =>
      field.name === "documentNumber" ? { ...field, state: "corrected", original: "L8989O2C3" } : field,
    );
    const row = buildFieldRows(specimenResult({ mrz: report })).find((r) => r.key === "number");
    expect(row).toMatchObject({ mrzState: "corrected", original: "L8989O2C3" });
  });

  it("carries both values of a MRZ / printed-page mismatch, the field named as the server names it", () => {
    const warning: Warning = {
      code: "mrz_visual_mismatch",
      source: "crosscheck",
      severity: "critical",
      message: 'The printed document number "L898902G3" differs from the machine readable zone "L898902C3".',
      field: "number",
      details: { mrz: "L898902C3", visualZone: "L898902G3" },
    };
    const rows = buildFieldRows(specimenResult({ visualZone: { number: "L898902G3" }, warnings: [warning] }));
    const row = rows.find((r) => r.key === "number");
    expect(row?.mismatches).toEqual([{ against: "printed", mrz: "L898902C3", other: "L898902G3" }]);
    expect(row?.flags).toEqual(["mismatch"]);
    expect(row?.warningCodes).toEqual(["mrz_visual_mismatch"]);
  });

  it("keeps a provider mismatch apart from a printed-page one, falling back to the row's own values", () => {
    const provider: Warning = {
      code: "mrz_provider_mismatch",
      source: "crosscheck",
      severity: "critical",
      message: "x",
      field: "surname",
      details: { mrz: "ERIKSSON", provider: "ERIKSON" },
    };
    const printed: Warning = { ...provider, code: "mrz_visual_mismatch", field: "surname", details: {} };
    const row = buildFieldRows(
      specimenResult({ visualZone: { surname: "ERICSSON" }, warnings: [provider, printed] }),
    ).find((r) => r.key === "surname");
    expect(row?.mismatches).toEqual([
      { against: "provider", mrz: "ERIKSSON", other: "ERIKSON" },
      { against: "printed", mrz: "ERIKSSON", other: "ERICSSON" },
    ]);
  });

  it("flags confidence under the threshold and keeps the number", () => {
    const rows = buildFieldRows(specimenResult({ confidence: { surname: LOW_CONFIDENCE - 0.01, number: 0.99 } }));
    expect(rows.find((r) => r.key === "surname")).toMatchObject({ confidence: 0.79, flags: ["low-confidence"] });
    expect(rows.find((r) => r.key === "number")).toMatchObject({ confidence: 0.99, flags: [] });
    expect(rows.find((r) => r.key === "sex")?.confidence).toBeNull();
  });

  it("flags a number the check digit cannot vouch for (a lookalike would fit better), even when confident", () => {
    const doubt: Warning = {
      code: "mrz_lookalike_ambiguous",
      source: "mrz",
      severity: "warning",
      message: "x",
      field: "documentNumber",
      details: { read: "8D6798658", alternative: "SD6798658" },
    };
    const rows = buildFieldRows(specimenResult({ confidence: { number: 0.99 }, warnings: [doubt] }));
    expect(rows.find((r) => r.key === "number")).toMatchObject({
      flags: ["low-confidence"],
      warningCodes: ["mrz_lookalike_ambiguous"],
    });
    expect(rows.find((r) => r.key === "surname")?.flags).toEqual([]);
  });
});
