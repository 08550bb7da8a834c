import type { MrzReport } from "contract/mrz/types";
import type { PassportResult } from "contract/result";
import { icaoSpecimenDocument, icaoSpecimenLines } from "contract/specimen-passports";

/** The ICAO 9303 TD3 specimen (all check digits hold) as the MRZ engine reports it. */
export function specimenReport(): MrzReport {
  const lines = icaoSpecimenLines();
  return {
    format: "TD3",
    lines,
    originalLines: [...lines],
    valid: true,
    fields: [
      { name: "documentCode", line: 0, start: 0, end: 2, raw: "P<", value: "P", state: "unchecked" },
      { name: "issuingState", line: 0, start: 2, end: 5, raw: "UTO", value: "UTO", state: "unchecked" },
      { name: "surname", line: 0, start: 5, end: 13, raw: "ERIKSSON", value: "ERIKSSON", state: "unchecked" },
      {
        name: "givenNames",
        line: 0,
        start: 15,
        end: 44,
        raw: "ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        value: "ANNA MARIA",
        state: "unchecked",
      },
      { name: "documentNumber", line: 1, start: 0, end: 9, raw: "L898902C3", value: "L898902C3", state: "verified" },
      { name: "nationality", line: 1, start: 10, end: 13, raw: "UTO", value: "UTO", state: "unchecked" },
      { name: "birthDate", line: 1, start: 13, end: 19, raw: "740812", value: "1974-08-12", state: "verified" },
      { name: "sex", line: 1, start: 20, end: 21, raw: "F", value: "F", state: "unchecked" },
      { name: "expiryDate", line: 1, start: 21, end: 27, raw: "120415", value: "2012-04-15", state: "verified" },
      {
        name: "optionalData1",
        line: 1,
        start: 28,
        end: 42,
        raw: "ZE184226B<<<<<",
        value: "ZE184226B",
        state: "verified",
      },
    ],
    checks: [
      { field: "documentNumber", line: 1, column: 9, expected: "6", found: "6", valid: true },
      { field: "birthDate", line: 1, column: 19, expected: "2", found: "2", valid: true },
      { field: "expiryDate", line: 1, column: 27, expected: "9", found: "9", valid: true },
      { field: "optionalData1", line: 1, column: 42, expected: "1", found: "1", valid: true },
      { field: "composite", line: 1, column: 43, expected: "0", found: "0", valid: true },
    ],
    corrections: [],
  };
}

export function specimenResult(overrides: Partial<PassportResult> = {}): PassportResult {
  return {
    provider: "local",
    requestId: "req-1",
    upstreamRequestId: null,
    document: icaoSpecimenDocument(),
    visualZone: null,
    confidence: {},
    mrz: specimenReport(),
    mrzBand: [
      { x: 40, y: 600 },
      { x: 960, y: 600 },
      { x: 960, y: 700 },
      { x: 40, y: 700 },
    ],
    image: { width: 1000, height: 704 },
    warnings: [],
    portrait: null,
    ...overrides,
  };
}
