import { describe, expect, it } from "vitest";
import { buildMrzSegments, mrzColumns } from "./mrz-segments";
import { specimenReport } from "./specimen-result.test-fixture";

describe("buildMrzSegments", () => {
  it("covers every column of every line exactly once, in order", () => {
    const report = specimenReport();
    const lines = buildMrzSegments(report);
    expect(lines).toHaveLength(2);
    lines.forEach((segments, index) => {
      expect(segments.map((segment) => segment.text).join("")).toBe(report.lines[index]);
      segments.forEach((segment, i) => {
        expect(segment.start).toBe(i === 0 ? 0 : segments[i - 1]?.end);
        expect(segment.end).toBeGreaterThan(segment.start);
      });
    });
    expect(mrzColumns(report)).toBe(44);
  });

  it("gives fields their engine state and check digits verified when they hold", () => {
    const [line1, line2] = buildMrzSegments(specimenReport());
    expect(line1?.map((s) => [s.text, s.kind, s.field, s.state])).toEqual([
      ["P<", "field", "documentCode", "unchecked"],
      ["UTO", "field", "issuingState", "unchecked"],
      ["ERIKSSON", "field", "surname", "unchecked"],
      ["<<", "filler", null, null],
      ["ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "field", "givenNames", "unchecked"],
    ]);
    expect(line2?.slice(0, 4).map((s) => [s.text, s.kind, s.field, s.state])).toEqual([
      ["L898902C3", "field", "documentNumber", "verified"],
      ["6", "check", "documentNumber", "verified"],
      ["UTO", "field", "nationality", "unchecked"],
      ["740812", "field", "birthDate", "verified"],
    ]);
    expect(line2?.at(-1)).toMatchObject({ text: "0", kind: "check", field: "composite", state: "verified" });
  });

  it("marks a failing check digit and its field as failed", () => {
    const report = specimenReport();
    report.lines[1] = `L898902C4${report.lines[1]?.slice(9)}`;
    report.fields = report.fields.map((field) =>
      field.name === "documentNumber" ? { ...field, raw: "L898902C4", value: "L898902C4", state: "failed" } : field,
    );
    report.checks = report.checks.map((check) =>
      check.field === "documentNumber" ? { ...check, expected: "9", valid: false } : check,
    );
    const segments = buildMrzSegments(report)[1] ?? [];
    expect(segments[0]).toMatchObject({ text: "L898902C4", state: "failed" });
    expect(segments[1]).toMatchObject({ text: "6", kind: "check", state: "failed" });
  });

  it("records which columns a correction changed, and a corrected check digit as corrected", () => {
    const report = specimenReport();
    report.fields = report.fields.map((field) =>
      field.name === "documentNumber" ? { ...field, state: "corrected", original: "L8989O2C3" } : field,
    );
    report.corrections = [
      { field: "documentNumber", line: 1, column: 5, from: "O", to: "0" },
      { field: "documentNumber", line: 1, column: 9, from: "G", to: "6" },
    ];
    const segments = buildMrzSegments(report)[1] ?? [];
    expect(segments[0]).toMatchObject({ state: "corrected", correctedColumns: [5] });
    expect(segments[1]).toMatchObject({ kind: "check", state: "corrected", correctedColumns: [9] });
  });
});
