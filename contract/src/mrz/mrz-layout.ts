import type { MrzFieldName, MrzFormat } from "./types";

/** What may stand in a field: decides how misread characters are corrected. */
export type FieldKind = "code" | "country" | "name" | "alnum" | "date" | "sex";

export interface FieldSpec {
  name: MrzFieldName;
  line: number;
  start: number;
  /** Exclusive. */
  end: number;
  kind: FieldKind;
  /** Column (same line) of the check digit guarding this field. */
  check?: number;
  /** A column inside [start, end) that is not part of the value (TD1 long document number: the "<" at 15). */
  gap?: number;
}

export interface Range {
  line: number;
  start: number;
  end: number;
}

export interface LayoutSpec {
  format: MrzFormat;
  lineCount: number;
  lineLength: number;
  /** Fields other than the names, in reading order. */
  fields: FieldSpec[];
  /** The name zone: primary identifier, "<<", secondary identifier. */
  names: Range;
  composite?: { line: number; column: number; ranges: Range[] };
  /** TD1: a document number longer than 9 characters continues in the optional data (ICAO 9303-5, 4.2.4). */
  longDocumentNumber?: boolean;
}

/**
 * TD3, TD2 and the visas share the two-line positions (ICAO 9303-4, -6, -7); they differ in line length, in the end
 * and check digit of the optional data, and in whether a composite check digit closes line 2. The composite covers
 * the document number, birth date and expiry date with their check digits and the optional data, up to its column.
 */
function twoLineLayout(
  format: "TD3" | "TD2" | "MRVA" | "MRVB",
  lineLength: number,
  optionalData1: Pick<FieldSpec, "end" | "check">,
  compositeColumn?: number,
): LayoutSpec {
  const layout: LayoutSpec = {
    format,
    lineCount: 2,
    lineLength,
    fields: [
      { name: "documentCode", line: 0, start: 0, end: 2, kind: "code" },
      { name: "issuingState", line: 0, start: 2, end: 5, kind: "country" },
      { name: "documentNumber", line: 1, start: 0, end: 9, kind: "alnum", check: 9 },
      { name: "nationality", line: 1, start: 10, end: 13, kind: "country" },
      { name: "birthDate", line: 1, start: 13, end: 19, kind: "date", check: 19 },
      { name: "sex", line: 1, start: 20, end: 21, kind: "sex" },
      { name: "expiryDate", line: 1, start: 21, end: 27, kind: "date", check: 27 },
      { name: "optionalData1", line: 1, start: 28, kind: "alnum", ...optionalData1 },
    ],
    names: { line: 0, start: 5, end: lineLength },
  };
  if (compositeColumn === undefined) return layout;
  return {
    ...layout,
    composite: {
      line: 1,
      column: compositeColumn,
      ranges: [
        { line: 1, start: 0, end: 10 },
        { line: 1, start: 13, end: 20 },
        { line: 1, start: 21, end: compositeColumn },
      ],
    },
  };
}

const TD1: LayoutSpec = {
  format: "TD1",
  lineCount: 3,
  lineLength: 30,
  fields: [
    { name: "documentCode", line: 0, start: 0, end: 2, kind: "code" },
    { name: "issuingState", line: 0, start: 2, end: 5, kind: "country" },
    { name: "documentNumber", line: 0, start: 5, end: 14, kind: "alnum", check: 14 },
    { name: "optionalData1", line: 0, start: 15, end: 30, kind: "alnum" },
    { name: "birthDate", line: 1, start: 0, end: 6, kind: "date", check: 6 },
    { name: "sex", line: 1, start: 7, end: 8, kind: "sex" },
    { name: "expiryDate", line: 1, start: 8, end: 14, kind: "date", check: 14 },
    { name: "nationality", line: 1, start: 15, end: 18, kind: "country" },
    { name: "optionalData2", line: 1, start: 18, end: 29, kind: "alnum" },
  ],
  names: { line: 2, start: 0, end: 30 },
  composite: {
    line: 1,
    column: 29,
    ranges: [
      { line: 0, start: 5, end: 30 },
      { line: 1, start: 0, end: 7 },
      { line: 1, start: 8, end: 15 },
      { line: 1, start: 18, end: 29 },
    ],
  },
  longDocumentNumber: true,
};

export const LAYOUTS: Readonly<Record<MrzFormat, LayoutSpec>> = {
  TD1,
  TD2: twoLineLayout("TD2", 36, { end: 35 }, 35),
  TD3: twoLineLayout("TD3", 44, { end: 42, check: 42 }, 43),
  MRVA: twoLineLayout("MRVA", 44, { end: 44 }),
  MRVB: twoLineLayout("MRVB", 36, { end: 36 }),
};

/** The letters-and-digits fields: numbers whose check digits cannot see every misread (see lookalike-doubt.ts). */
export const NUMBER_FIELDS: ReadonlySet<MrzFieldName> = new Set(["documentNumber", "optionalData1", "optionalData2"]);

/**
 * The fields of `lines` in this layout. Only TD1 varies: when column 15 of line 1 (1-based) is "<" and data
 * follows, the document number continues in the optional data and its check digit is the last character
 * before the next filler.
 */
export function resolveFields(layout: LayoutSpec, lines: readonly (readonly string[])[]): FieldSpec[] {
  if (!layout.longDocumentNumber) return layout.fields;
  const line = lines[0];
  if (line === undefined || line[14] !== "<" || line[15] === "<") return layout.fields;
  let end = 15;
  while (end < layout.lineLength && line[end] !== "<") end++;
  // At least one more character of the number plus its check digit.
  if (end - 15 < 2) return layout.fields;
  return layout.fields.map((f) => {
    if (f.name === "documentNumber") return { ...f, end: end - 1, check: end - 1, gap: 14 };
    // The filler after the check digit ends the number; the optional data starts after it.
    if (f.name === "optionalData1") return { ...f, start: Math.min(end + 1, f.end) };
    return f;
  });
}

/** The characters a field's check digit is computed over: its value columns without the gap. */
export function guardedColumns(field: FieldSpec): number[] {
  const columns: number[] = [];
  for (let c = field.start; c < field.end; c++) if (c !== field.gap) columns.push(c);
  return columns;
}
