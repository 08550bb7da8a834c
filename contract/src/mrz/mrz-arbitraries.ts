/**
 * fast-check generators of valid MRZ documents and of OCR confusions, shared by the property tests and the
 * benchmark (not used by the app). Document numbers follow real shapes: mostly digits, sometimes a letter prefix.
 */
import fc from "fast-check";
import { COUNTRY_NAMES } from "./country-codes";
import { LAYOUTS } from "./mrz-layout";
import type { MrzFormat } from "./types";
import type { MrzData } from "./write-mrz";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS = "0123456789";
const COUNTRIES = [...COUNTRY_NAMES.keys()];

const chars = (alphabet: string, min: number, max: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((a) => a.join(""));

const word = chars(LETTERS, 1, 12);

const yymmdd = (from: Date, to: Date) =>
  fc.date({ min: from, max: to, noInvalidDate: true }).map((d) => d.toISOString().slice(2, 10).replace(/-/g, ""));

/**
 * Letters that numbering schemes mixing letters and digits use (Germany's, for one): the ones OCR confuses
 * with digits (B D I O Q S Z) are left out by design, since no check digit could tell them apart.
 */
const MIXED_LETTERS = "CFGHJKLMNPRTVWXY";

/** Numbers as issued: all digits; 1-2 letters then digits; or letters and digits mixed (restricted letters). */
export function documentNumberArbitrary(minLength: number, maxLength: number) {
  return fc.oneof(
    { weight: 5, arbitrary: chars(DIGITS, minLength, maxLength) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(chars(LETTERS, 1, 2), chars(DIGITS, Math.max(1, minLength - 2), maxLength - 2))
        .map(([a, b]) => `${a}${b}`),
    },
    { weight: 2, arbitrary: chars(MIXED_LETTERS + DIGITS, minLength, maxLength) },
  );
}

/** Letters and digits drawn uniformly: the worst case for check-digit correction (measured, not promised). */
export function uniformDocumentNumberArbitrary(minLength: number, maxLength: number) {
  return chars(LETTERS + DIGITS, minLength, maxLength);
}

function optionalData(max: number) {
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant("") },
    { weight: 1, arbitrary: documentNumberArbitrary(Math.min(3, max), max) },
  );
}

const CODES: Record<MrzFormat, readonly string[]> = {
  TD1: ["I", "ID", "AC", "C"],
  TD2: ["I", "ID", "AC", "C"],
  TD3: ["P", "PD", "PO"],
  MRVA: ["V", "VA"],
  MRVB: ["V", "VB"],
};

/** A valid document of `format`; birth 1930-2025, expiry 2000-2045 (inside the pivots for 2026). */
export function mrzDataArbitrary(format: MrzFormat, numbers: "issued" | "uniform" = "issued"): fc.Arbitrary<MrzData> {
  const number = numbers === "issued" ? documentNumberArbitrary : uniformDocumentNumberArbitrary;
  const optional1Length = { TD1: 15, TD2: 7, TD3: 14, MRVA: 16, MRVB: 8 }[format];
  return fc.record({
    format: fc.constant(format),
    documentCode: fc.constantFrom(...CODES[format]),
    issuingState: fc.constantFrom(...COUNTRIES),
    surname: fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(" ")),
    givenNames: fc.array(word, { minLength: 0, maxLength: 3 }).map((w) => w.join(" ")),
    documentNumber: format === "TD1" ? fc.oneof(number(6, 9), number(10, 13)) : number(6, 9),
    nationality: fc.constantFrom(...COUNTRIES),
    birthDate: yymmdd(new Date("1930-01-01"), new Date("2025-12-31")),
    sex: fc.constantFrom("M" as const, "F" as const, "X" as const, "<" as const),
    expiryDate: yymmdd(new Date("2000-01-01"), new Date("2045-12-31")),
    // TD1: the long number's remainder and check digit take room from the first optional field.
    optionalData1: optionalData(format === "TD1" ? 9 : optional1Length),
    optionalData2: format === "TD1" ? optionalData(11) : fc.constant(""),
  });
}

/** Confusions OCR makes on OCR-B (ICAO 9303 MRZ font), both ways. */
export const CONFUSION_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ["0", "O"],
  ["0", "Q"],
  ["0", "D"],
  ["1", "I"],
  ["1", "L"],
  ["2", "Z"],
  ["5", "S"],
  ["6", "G"],
  ["8", "B"],
  ["<", "K"],
  ["<", "X"],
];

const PARTNERS = new Map<string, string[]>();
for (const [a, b] of CONFUSION_PAIRS) {
  PARTNERS.set(a, [...(PARTNERS.get(a) ?? []), b]);
  PARTNERS.set(b, [...(PARTNERS.get(b) ?? []), a]);
}

/**
 * Where confusions are injected. "checked": every position outside the names that a check digit or the ICAO code
 * list speaks for; "numeric": only the digits-only places (dates, check digits, composite).
 */
export type InjectionScope = "checked" | "numeric";

export function injectablePositions(
  format: MrzFormat,
  lines: readonly string[],
  scope: InjectionScope = "checked",
): Array<[number, number]> {
  const layout = LAYOUTS[format];
  const positions = new Set<string>();
  if (scope === "numeric") {
    for (const f of layout.fields) {
      if (f.kind === "date") for (let c = f.start; c < f.end; c++) positions.add(`${f.line},${c}`);
      if (f.check !== undefined) positions.add(`${f.line},${f.check}`);
    }
    if (layout.composite) positions.add(`${layout.composite.line},${layout.composite.column}`);
  }
  for (const f of scope === "checked" ? layout.fields : []) {
    if (f.kind === "country") for (let c = f.start; c < f.end; c++) positions.add(`${f.line},${c}`);
    if (f.check !== undefined) {
      for (let c = f.start; c <= f.check; c++) positions.add(`${f.line},${c}`);
      if (f.kind === "alnum") for (let c = f.start; c < f.end; c++) positions.add(`${f.line},${c}`);
    }
  }
  if (scope === "checked") {
    for (const r of layout.composite?.ranges ?? [])
      for (let c = r.start; c < r.end; c++) positions.add(`${r.line},${c}`);
    if (layout.composite) positions.add(`${layout.composite.line},${layout.composite.column}`);
  }
  return [...positions]
    .map((p) => p.split(",").map(Number) as [number, number])
    .filter(([l, c]) => PARTNERS.has(lines[l]?.charAt(c) ?? ""))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** Replaces the characters at the chosen positions by a confusion partner; `picks` are in [0, 1). */
export function injectConfusions(
  format: MrzFormat,
  lines: readonly string[],
  picks: ReadonlyArray<readonly [number, number]>,
  scope: InjectionScope = "checked",
): string[] {
  const grid = lines.map((l) => l.split(""));
  const used = new Set<string>();
  for (const [pos, alt] of picks) {
    const candidates = injectablePositions(
      format,
      grid.map((r) => r.join("")),
      scope,
    ).filter(([l, c]) => !used.has(`${String(l)},${String(c)}`));
    const target = candidates[Math.floor(pos * candidates.length)];
    if (!target) continue;
    const [l, c] = target;
    const row = grid[l];
    const partners = PARTNERS.get(row?.[c] ?? "") ?? [];
    const to = partners[Math.floor(alt * partners.length)];
    if (row && to !== undefined) {
      row[c] = to;
      used.add(`${String(l)},${String(c)}`);
    }
  }
  return grid.map((r) => r.join(""));
}
