import { parse } from "mrz";
import { describe, expect, it } from "vitest";
import { checkDigit } from "./check-digit";
import { randomCardData, randomPassportData } from "./passport-data";
import { Random } from "./random";

const MRZ_LINE = /^[A-Z0-9<]{44}$/;

describe("randomPassportData", () => {
  const samples = Array.from({ length: 300 }, (_, i) => randomPassportData(new Random(2_000_000_000 + i)));

  it("writes TD3 lines whose every check digit holds", () => {
    for (const { mrzLines } of samples) {
      const [l1 = "", l2 = ""] = mrzLines;
      expect(l1).toMatch(MRZ_LINE);
      expect(l2).toMatch(MRZ_LINE);
      expect(l2.charAt(9)).toBe(checkDigit(l2.slice(0, 9)));
      expect(l2.charAt(19)).toBe(checkDigit(l2.slice(13, 19)));
      expect(l2.charAt(27)).toBe(checkDigit(l2.slice(21, 27)));
      const optional = l2.slice(28, 42);
      expect([checkDigit(optional), ...(optional === "<".repeat(14) ? ["<"] : [])]).toContain(l2.charAt(42));
      expect(l2.charAt(43)).toBe(checkDigit(l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43)));
    }
  });

  it("agrees with an independent parser (npm mrz) on every field it can check", () => {
    // npm mrz rejects the specimen codes (UTO, XXA, ...) and an optional-data check digit of "<", so skip those.
    const checkable = samples.filter(
      (s) =>
        !/UTO|XX[ABCX]|UNO|EUE|RKS|GBD/.test(`${s.document.issuingCountry}${s.document.nationality}`) &&
        s.mrzLines[1]!.charAt(42) !== "<",
    );
    expect(checkable.length).toBeGreaterThan(100);
    for (const s of checkable) {
      const result = parse([...s.mrzLines]);
      const invalid = result.details.filter((d) => !d.valid).map((d) => `${d.field}: ${d.error}`);
      expect(invalid, s.mrzLines.join("\n")).toEqual([]);
      expect(result.fields.documentNumber).toBe(s.document.number);
      expect(result.fields.lastName).toBe(s.document.surname);
      expect(result.fields.firstName).toBe(s.document.givenNames);
    }
  });

  it("gives dates in ISO form that match the MRZ digits and printed dates like 11 APR 1990", () => {
    for (const { document, visualZone, mrzLines } of samples) {
      expect(document.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const [y, m, d] = (document.birthDate ?? "").split("-");
      expect(mrzLines[1]!.slice(13, 19)).toBe(`${y?.slice(2)}${m}${d}`);
      expect(visualZone.birthDate).toMatch(/^\d{2} (JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC) \d{4}$/);
      expect(document.expiryDate && document.birthDate && document.expiryDate > document.birthDate).toBe(true);
    }
  });

  it("covers specimen codes, letters in document numbers and every sex marker", () => {
    expect(samples.some((s) => s.document.issuingCountry === "UTO")).toBe(true);
    expect(samples.some((s) => /[A-Z]/.test(s.document.number ?? ""))).toBe(true);
    expect(samples.some((s) => (s.document.number ?? "").length < 9)).toBe(true);
    expect(new Set(samples.map((s) => s.document.sex))).toEqual(new Set(["M", "F", "X"]));
    expect(samples.some((s) => s.mrzLines[1]!.charAt(42) === "<")).toBe(true);
  });
});

describe("randomCardData", () => {
  for (const [format, count, width] of [
    ["TD1", 3, 30],
    ["TD2", 2, 36],
  ] as const) {
    const samples = Array.from({ length: 200 }, (_, i) => randomCardData(new Random(2_000_001_000 + i), format));

    it(`writes ${format} lines of ${width} characters that an independent parser (npm mrz) verifies`, () => {
      // npm mrz also takes any 36-character "ID" + FRA for a French national ID.
      const checkable = samples.filter(
        (s) =>
          !/UTO|XX[ABCX]|UNO|EUE|RKS|GBD/.test(`${s.document.issuingCountry}${s.document.nationality}`) &&
          !s.mrzLines[0]!.startsWith("IDFRA"),
      );
      expect(checkable.length).toBeGreaterThan(100);
      for (const s of samples) {
        expect(s.mrzLines).toHaveLength(count);
        for (const l of s.mrzLines) expect(l).toMatch(new RegExp(`^[A-Z0-9<]{${width}}$`));
      }
      for (const s of checkable) {
        const result = parse([...s.mrzLines]);
        expect(result.format).toBe(format);
        const invalid = result.details.filter((d) => !d.valid).map((d) => `${d.field}: ${d.error}`);
        expect(invalid, s.mrzLines.join("\n")).toEqual([]);
        expect(result.fields.documentNumber).toBe(s.document.number);
        expect(result.fields.lastName).toBe(s.document.surname);
        expect(result.fields.firstName).toBe(s.document.givenNames);
        expect(result.fields.birthDate).toBe(s.document.birthDate?.slice(2).replaceAll("-", ""));
      }
    });
  }
});
