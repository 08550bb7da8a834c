/**
 * Differential test against the npm package `mrz` (cheminfo/mrz, a devDependency only) on generated TD1, TD2
 * and TD3 documents, clean and with one injected OCR confusion (read without correction).
 *
 * Known, intended differences:
 * - UTO (Utopia, ICAO's specimen state): `mrz` rejects it as a state code; ICAO 9303 defines it, so we accept it
 *   (and raise `specimen_document`). Generated documents therefore avoid UTO where overall validity is compared.
 * - `mrz` also accepts DEU, XXK, ANT and NTZ, which ICAO 9303 does not use in an MRZ (Germany is "D"); our list
 *   flags them as unknown. They are never generated, so they do not show below.
 * - Sex "X": `mrz` accepts only M, F and "<" (ICAO 9303-4 writes "<" for unspecified in the MRZ, "X" in the
 *   visual zone); we also accept "X", which some issuers print in the MRZ. Not generated here.
 * - A name with only a primary identifier ("SURNAME<<<<"): `mrz` insists on given names, ICAO does not. Not
 *   generated here.
 * - Both compute TD1's long document number check digit with and without the filler at column 15 (ICAO's example
 *   gives the same digit both ways) and accept either.
 * - A name cut so that the given names vanish: `mrz` flags the empty given names. Not generated here.
 * - TD1 with "<" both at column 15 and at 16: `mrz` finds an empty check digit and calls it valid; we report the
 *   document number's check as failed. Skipped where `mrz` returns an empty digit.
 * - 36-column lines starting "IDFRA" are the French national ID card for `mrz`, not TD2: not generated here.
 * - `mrz` has no visa formats (MRV-A, MRV-B): not compared.
 */
import fc from "fast-check";
import { parse } from "mrz";
import { describe, expect, it } from "vitest";
import { COUNTRY_NAMES, isKnownCountryCode } from "./country-codes";
import { injectConfusions, mrzDataArbitrary } from "./mrz-arbitraries";
import { parseMrz } from "./parse-mrz";
import type { MrzFieldName, MrzReport } from "./types";
import { type MrzData, writeMrz } from "./write-mrz";

const today = new Date("2026-11-25T12:00:00Z");
const value = (r: MrzReport, name: MrzFieldName) => r.fields.find((f) => f.name === name)?.value ?? null;

const THEIR_CHECKS: Record<string, MrzFieldName | "composite"> = {
  documentNumberCheckDigit: "documentNumber",
  birthDateCheckDigit: "birthDate",
  expirationDateCheckDigit: "expiryDate",
  personalNumberCheckDigit: "optionalData1",
  compositeCheckDigit: "composite",
};

/** Check-digit verdicts of `mrz`, keyed like ours. */
function theirVerdicts(lines: string[]): Record<string, boolean> {
  const result = parse(lines);
  const out: Record<string, boolean> = {};
  for (const d of result.details) {
    const ours = d.field ? THEIR_CHECKS[d.field] : undefined;
    // mrz reports an empty, "valid" check digit when a TD1 long number's continuation starts with a filler.
    if (ours && d.value !== "") out[ours] = d.valid;
  }
  return out;
}

function ourVerdicts(r: MrzReport): Record<string, boolean> {
  return Object.fromEntries(r.checks.map((c) => [c.field, c.valid]));
}

const unit = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);
const comparable = (d: MrzData) =>
  d.issuingState !== "UTO" &&
  d.nationality !== "UTO" &&
  d.sex !== "X" &&
  d.givenNames !== "" &&
  `${d.surname}<<${d.givenNames}`.length < { TD1: 30, TD2: 31, TD3: 39, MRVA: 39, MRVB: 31 }[d.format] &&
  !(d.documentCode === "ID" && d.issuingState === "FRA");

describe("parseMrz agrees with the npm package mrz", () => {
  for (const format of ["TD1", "TD2", "TD3"] as const) {
    it(`${format}: same fields and same verdicts on generated documents`, () => {
      fc.assert(
        fc.property(mrzDataArbitrary(format).filter(comparable), (data) => {
          const lines = writeMrz(data);
          const ours = parseMrz(lines, { today });
          const theirs = parse(lines);
          expect(theirs.format).toBe(format);
          expect(theirs.valid).toBe(ours.valid);
          expect(theirs.fields.documentNumber).toBe(value(ours, "documentNumber"));
          expect(theirs.fields.birthDate).toBe(ours.fields.find((f) => f.name === "birthDate")?.raw);
          expect(theirs.fields.expirationDate).toBe(ours.fields.find((f) => f.name === "expiryDate")?.raw);
          expect(theirs.fields.lastName ?? null).toBe(value(ours, "surname"));
          expect(theirs.fields.firstName || null).toBe(value(ours, "givenNames"));
          expect(theirs.fields.issuingState).toBe(value(ours, "issuingState"));
          expect(theirs.fields.nationality).toBe(value(ours, "nationality"));
          expect(theirVerdicts(lines)).toMatchObject(ourVerdicts(ours));
        }),
        { numRuns: 300 },
      );
    });

    it(`${format}: same check-digit verdicts on reads with one OCR confusion (no correction)`, () => {
      fc.assert(
        fc.property(mrzDataArbitrary(format).filter(comparable), unit, unit, (data, pos, alt) => {
          const lines = injectConfusions(format, writeMrz(data), [[pos, alt]]);
          const ours = parseMrz(lines, { today, correct: false });
          const theirs = theirVerdicts(lines);
          const mine = ourVerdicts(ours);
          for (const [field, valid] of Object.entries(mine)) {
            // `mrz` skips a check whose digit place holds a letter; compare where both decided.
            if (field in theirs) expect({ field, valid: theirs[field] }).toEqual({ field, valid });
          }
        }),
        { numRuns: 500 },
      );
    });
  }

  it("differs on UTO only: ICAO's specimens are valid for us, invalid for mrz", () => {
    const specimen = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];
    const theirs = parse(specimen);
    expect(theirs.valid).toBe(false);
    expect(theirs.details.filter((d) => !d.valid).map((d) => d.field)).toEqual(["issuingState", "nationality"]);
    expect(parseMrz(specimen, { today }).valid).toBe(true);
    const rejectedByThem = [...COUNTRY_NAMES.keys()].filter((code) => {
      const lines = writeMrz({
        format: "TD3",
        documentCode: "P",
        issuingState: code,
        surname: "A",
        givenNames: "B",
        documentNumber: "123456789",
        nationality: code,
        birthDate: "800101",
        sex: "F",
        expiryDate: "300101",
      });
      return !parse(lines).valid;
    });
    expect(rejectedByThem).toEqual(["UTO"]);
    for (const code of ["DEU", "XXK", "ANT", "NTZ"]) expect(isKnownCountryCode(code)).toBe(false);
  });
});
