import { parseMrz } from "contract/mrz/parse-mrz";
import { describe, expect, it } from "vitest";
import { QUALITY_THRESHOLDS } from "../quality/quality-thresholds";
import { confidenceWarnings } from "./field-confidence";

const LINES = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];
const report = parseMrz(LINES, { today: new Date("2026-11-25T12:00:00Z") });
const confident = () => LINES.map((l) => [...l].map(() => 0.97));

describe("confidenceWarnings", () => {
  it("says nothing when every character scored high", () => {
    expect(report.valid).toBe(true);
    expect(confidenceWarnings(report, confident())).toEqual([]);
  });

  it("flags a verified document number whose weakest character is under the number threshold (0.9)", () => {
    const c = confident();
    c[1]![3] = 0.87;
    const ws = confidenceWarnings(report, c);
    expect(ws.map((w) => [w.code, w.field])).toEqual([["low_confidence", "documentNumber"]]);
    expect(ws[0]?.details).toEqual({
      confidence: 0.87,
      threshold: QUALITY_THRESHOLDS.numberConfidence,
      state: "verified",
    });
  });

  it("keeps the lower threshold (0.6) for the other fields", () => {
    const c = confident();
    c[0]![8] = 0.87; // inside the surname
    expect(confidenceWarnings(report, c)).toEqual([]);
    c[0]![8] = 0.5;
    expect(confidenceWarnings(report, c).map((w) => [w.field, w.details?.threshold])).toEqual([
      ["surname", QUALITY_THRESHOLDS.fieldConfidence],
    ]);
  });
});
