import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DIGIT_SUBSTITUTIONS } from "./confusions";
import { type InjectionScope, injectConfusions, mrzDataArbitrary } from "./mrz-arbitraries";
import { LAYOUTS, NUMBER_FIELDS } from "./mrz-layout";
import { parseMrz } from "./parse-mrz";
import { type ReportDoubt, reportDoubts } from "./report-doubts";
import type { MrzFieldName, MrzFormat, MrzReport } from "./types";
import { type MrzData, writeMrz } from "./write-mrz";

const today = new Date("2026-11-25T12:00:00Z");
const FORMATS: MrzFormat[] = ["TD1", "TD2", "TD3", "MRVA", "MRVB"];

const value = (r: MrzReport, name: MrzFieldName) => r.fields.find((f) => f.name === name)?.value ?? null;
const iso = (yymmdd: string, century: number) =>
  `${String(century + Number(yymmdd.slice(0, 2)))}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
const spaced = (name: string) => name.trim().split(/\s+/).filter(Boolean).join(" ") || null;

describe("parseMrz round trip (fast-check)", () => {
  for (const format of FORMATS) {
    it(`${format}: every generated document reads back to the same data, verified, with no corrections`, () => {
      fc.assert(
        fc.property(mrzDataArbitrary(format), (data: MrzData) => {
          const lines = writeMrz(data);
          const r = parseMrz(lines, { today });
          expect(r.format).toBe(format);
          expect(r.valid).toBe(true);
          expect(r.corrections).toEqual([]);
          expect(r.lines).toEqual(lines);
          expect(value(r, "documentNumber")).toBe(data.documentNumber);
          expect(value(r, "issuingState")).toBe(data.issuingState);
          expect(value(r, "nationality")).toBe(data.nationality);
          expect(value(r, "documentCode")).toBe(data.documentCode);
          expect(value(r, "sex")).toBe(data.sex === "<" ? null : data.sex);
          const birthCentury = Number(data.birthDate.slice(0, 2)) <= 25 ? 2000 : 1900;
          expect(value(r, "birthDate")).toBe(iso(data.birthDate, birthCentury));
          expect(value(r, "expiryDate")).toBe(iso(data.expiryDate, 2000));
          expect(value(r, "optionalData1")).toBe(data.optionalData1 || null);
          if (format === "TD1") expect(value(r, "optionalData2")).toBe(data.optionalData2 || null);
          const zone = { TD1: 30, TD2: 31, TD3: 39, MRVA: 39, MRVB: 31 }[format];
          const nameText = data.givenNames ? `${data.surname}<<${data.givenNames}` : data.surname;
          if (nameText.length < zone) {
            expect(value(r, "surname")).toBe(spaced(data.surname));
            expect(value(r, "givenNames")).toBe(spaced(data.givenNames));
          } else {
            expect(spaced(data.surname)?.startsWith(value(r, "surname") ?? "")).toBe(true);
          }
          for (const f of r.fields) {
            expect(f.raw).toBe((lines[f.line] ?? "").slice(f.start, f.end));
            expect(f.state).not.toBe("failed");
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});

/** Swaps whose values differ by a multiple of 10: invisible to every ICAO check digit in a letters-and-digits field. */
const BLIND = new Set(["6G", "G6", "1L", "L1", "<K", "K<"]);

/**
 * True when a swap the check digits cannot see was injected into a letters-and-digits field, or anywhere the
 * composite alone guards (TD1's filler after a long number's check digit, for one).
 */
function blindSwap(
  format: MrzFormat,
  r: MrzReport,
  original: readonly string[],
  corrupted: readonly string[],
): boolean {
  const places: Array<[number, number]> = [];
  for (const f of r.fields) {
    if (!NUMBER_FIELDS.has(f.name)) continue;
    for (let c = f.start; c < f.end; c++) places.push([f.line, c]);
  }
  for (const range of LAYOUTS[format].composite?.ranges ?? []) {
    for (let c = range.start; c < range.end; c++) places.push([range.line, c]);
  }
  return places.some(([line, c]) => {
    const a = original[line]?.charAt(c) ?? "";
    const b = corrupted[line]?.charAt(c) ?? "";
    return a !== b && BLIND.has(`${a}${b}`);
  });
}

/** Reported as a clean read: every check holds, every code is on the list, no correction left to judgement. */
const DOUBT = new Set<ReportDoubt["kind"]>([
  "unknown_country_code",
  "field_invalid",
  "correction_uncertain",
  "lookalike",
]);
function reportedVerified(r: MrzReport): boolean {
  return r.valid && !reportDoubts(r, { today }).some((d) => DOUBT.has(d.kind));
}

interface Tally {
  cases: number;
  /** Corruptions no check digit or code list can see (G/6, 1/L or K/< swaps in data, or swaps that cancel out). */
  undetectable: number;
  /** Of the detectable ones: */
  recovered: number;
  recoveredWithoutDoubt: number;
  refused: number;
  wrongButFlagged: number;
  wrongButVerified: number;
}

function tallyConfusions(
  format: MrzFormat,
  options: { runs: number; seed: number; scope: InjectionScope; numbers: "issued" | "uniform" },
): Tally {
  const t: Tally = {
    cases: 0,
    undetectable: 0,
    recovered: 0,
    recoveredWithoutDoubt: 0,
    refused: 0,
    wrongButFlagged: 0,
    wrongButVerified: 0,
  };
  // Uniform picks: fast-check's number arbitraries lean towards edge values, which would favour the first positions.
  const unit = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);
  const arb = fc.tuple(
    mrzDataArbitrary(format, options.numbers),
    fc.array(fc.tuple(unit, unit), { minLength: 1, maxLength: 2 }),
  );
  for (const [data, picks] of fc.sample(arb, { numRuns: options.runs, seed: options.seed })) {
    const lines = writeMrz(data);
    const corrupted = injectConfusions(format, lines, picks, options.scope);
    if (corrupted.join("") === lines.join("")) continue;
    t.cases++;
    const truth = parseMrz(lines, { today });
    const asRead = parseMrz(corrupted, { today, correct: false });
    if (blindSwap(format, truth, lines, corrupted) || reportedVerified(asRead)) {
      t.undetectable++;
      continue;
    }
    const r = parseMrz(corrupted, { today });
    const o = outcome(r, lines);
    t[o]++;
    if (o === "recovered" && reportedVerified(r)) t.recoveredWithoutDoubt++;
  }
  return t;
}

/** What became of a corrupted read: the original back (valid), a wrong read reported verified or flagged, or none. */
function outcome(
  r: MrzReport,
  original: readonly string[],
): "recovered" | "wrongButVerified" | "wrongButFlagged" | "refused" {
  if (r.valid && r.lines.join("") === original.join("")) return "recovered";
  if (reportedVerified(r)) return "wrongButVerified";
  return r.valid ? "wrongButFlagged" : "refused";
}

const results: Record<string, Tally> = {};
const rate = (t: Tally) => t.recovered / (t.cases - t.undetectable);

// Thousands of documents per test: a few seconds alone, several times that on a loaded 2-core machine.
describe("parseMrz recovers up to two OCR confusions (fast-check samples, 3000 documents per format)", {
  timeout: 60_000,
}, () => {
  for (const format of FORMATS) {
    it(`${format}, digits-only places: all recovered, none wrong`, () => {
      const t = tallyConfusions(format, { runs: 3000, seed: 20261125, scope: "numeric", numbers: "issued" });
      results[`${format} numeric`] = t;
      expect(t.cases).toBeGreaterThan(2900);
      expect(t.wrongButVerified + t.wrongButFlagged).toBe(0);
      expect(rate(t)).toBeGreaterThanOrEqual(0.99);
    });

    it(`${format}, every checked place outside the names: >= 99% recovered, never a wrong read reported verified`, () => {
      const t = tallyConfusions(format, { runs: 3000, seed: 20261126, scope: "checked", numbers: "issued" });
      results[`${format} checked`] = t;
      expect(t.cases).toBeGreaterThan(2900);
      expect(t.wrongButVerified).toBe(0);
      expect(rate(t)).toBeGreaterThanOrEqual(0.99);
    });

    it(`${format}: 10 000 more documents (another seed), never a wrong read reported verified`, () => {
      const t = tallyConfusions(format, { runs: 10_000, seed: 7, scope: "checked", numbers: "issued" });
      expect(t.cases).toBeGreaterThan(9500);
      expect(t.wrongButVerified).toBe(0);
      // TD1's optional data is guarded by the composite alone; over ten seeds it ranged 98.9-99.4%.
      expect(rate(t)).toBeGreaterThanOrEqual(0.985);
    });
  }

  it("TD3 with uniformly random letters and digits in numbers (worst case): never a wrong read reported verified", () => {
    const t = tallyConfusions("TD3", { runs: 3000, seed: 20261127, scope: "checked", numbers: "uniform" });
    results["TD3 checked uniform"] = t;
    expect(t.wrongButVerified).toBe(0);
    expect(rate(t)).toBeGreaterThan(0.8);
  });

  for (const format of ["TD1", "TD3"] as const) {
    it(`${format}: one digit read as a digit it resembles in a date or check digit: recovered, never wrong verified`, () => {
      const layout = LAYOUTS[format];
      const places: Array<[number, number]> = [];
      for (const f of layout.fields) {
        if (f.kind === "date") for (let c = f.start; c < f.end; c++) places.push([f.line, c]);
        if (f.check !== undefined) places.push([f.line, f.check]);
      }
      const unit = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);
      const arb = fc.tuple(mrzDataArbitrary(format, "issued"), unit, unit);
      const t = { cases: 0, recovered: 0, refused: 0, wrongButFlagged: 0, wrongButVerified: 0 };
      for (const [data, pos, alt] of fc.sample(arb, { numRuns: 3000, seed: 20261128 })) {
        const lines = writeMrz(data);
        const [line, column] = places[Math.floor(pos * places.length)] ?? [0, 0];
        const from = lines[line]?.charAt(column) ?? "";
        const partners = DIGIT_SUBSTITUTIONS[from] ?? [];
        const to = partners[Math.floor(alt * partners.length)]?.to;
        if (to === undefined) continue;
        const corrupted = lines.map((l, i) => (i === line ? l.slice(0, column) + to + l.slice(column + 1) : l));
        t.cases++;
        t[outcome(parseMrz(corrupted, { today }), lines)]++;
      }
      console.info(`${format} one digit-for-digit misread: ${JSON.stringify(t)}`);
      expect(t.cases).toBeGreaterThan(2000);
      expect(t.wrongButVerified).toBe(0);
      // Measured 75.7% (TD1) and 77.0% (TD3) at this seed, 0% before digit guesses; the rest are refused, never wrong.
      expect(t.wrongButFlagged).toBe(0);
      expect(t.recovered / t.cases).toBeGreaterThanOrEqual(0.72);
    });
  }

  it("prints the figures", () => {
    // For the record (quoted in docs/decisions/0301-mrz-engine-own-code.md); the assertions above are the contract.
    for (const [name, t] of Object.entries(results)) {
      console.info(`${name}: ${JSON.stringify(t)} recovered ${(100 * rate(t)).toFixed(2)}% of detectable`);
    }
    expect(Object.keys(results).length).toBeGreaterThan(0);
  });
});
