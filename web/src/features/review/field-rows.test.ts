import type { Warning } from "server/warnings/warning";
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
      mismatch: null,
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

  it("carries both values of a MRZ / printed-page mismatch, whichever way the warning names the field", () => {
    const warning: Warning = {
      code: "mrz_visual_mismatch",
      source: "crosscheck",
      severity: "critical",
      message: "The printed page and the machine readable zone disagree on this field.",
      field: "documentNumber",
      details: { mrz: "L898902C3", printed: "L898902G3" },
    };
    const rows = buildFieldRows(specimenResult({ visualZone: { number: "L898902G3" }, warnings: [warning] }));
    const row = rows.find((r) => r.key === "number");
    expect(row?.mismatch).toEqual({ mrz: "L898902C3", printed: "L898902G3" });
    expect(row?.flags).toEqual(["mismatch"]);
    expect(row?.warningCodes).toEqual(["mrz_visual_mismatch"]);
  });

  it("takes the printed value from the warning's details when the visual zone lacks it", () => {
    const warning: Warning = {
      code: "mrz_visual_mismatch",
      source: "crosscheck",
      severity: "critical",
      message: "x",
      field: "surname",
      details: { visual: "ERIKSON" },
    };
    const row = buildFieldRows(specimenResult({ warnings: [warning] })).find((r) => r.key === "surname");
    expect(row?.mismatch).toEqual({ mrz: "ERIKSSON", printed: "ERIKSON" });
  });

  it("flags confidence under the threshold and keeps the number", () => {
    const rows = buildFieldRows(specimenResult({ confidence: { surname: LOW_CONFIDENCE - 0.01, number: 0.99 } }));
    expect(rows.find((r) => r.key === "surname")).toMatchObject({ confidence: 0.79, flags: ["low-confidence"] });
    expect(rows.find((r) => r.key === "number")).toMatchObject({ confidence: 0.99, flags: [] });
    expect(rows.find((r) => r.key === "sex")?.confidence).toBeNull();
  });
});
