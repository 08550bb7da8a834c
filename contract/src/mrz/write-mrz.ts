import { checkDigit } from "./check-digit";
import { MrzFormatError } from "./mrz-format-error";
import type { MrzFormat } from "./types";

/** What an MRZ holds, in MRZ characters (A-Z, 0-9; names may hold spaces, hyphens and apostrophes). */
export interface MrzData {
  format: MrzFormat;
  /** "P", "I", "ID", "V", "AC", ... (1-2 letters). */
  documentCode: string;
  /** ICAO code, "D" for Germany. */
  issuingState: string;
  surname: string;
  givenNames: string;
  documentNumber: string;
  nationality: string;
  /** YYMMDD; "<<" for an unknown month or day. */
  birthDate: string;
  sex: "M" | "F" | "X" | "<";
  /** YYMMDD. */
  expiryDate: string;
  optionalData1?: string;
  /** TD1 only. */
  optionalData2?: string;
}

const SHAPES: Record<MrzFormat, { lines: number; length: number; optional1: number }> = {
  TD1: { lines: 3, length: 30, optional1: 15 },
  TD2: { lines: 2, length: 36, optional1: 7 },
  TD3: { lines: 2, length: 44, optional1: 14 },
  MRVA: { lines: 2, length: 44, optional1: 16 },
  MRVB: { lines: 2, length: 36, optional1: 8 },
};

function pad(value: string, length: number, what: string): string {
  if (!/^[A-Z0-9<]*$/.test(value))
    throw new MrzFormatError(`${what} "${value}" holds characters other than A-Z, 0-9, <.`);
  if (value.length > length) {
    throw new MrzFormatError(`${what} "${value}" is longer than its ${String(length)} characters.`);
  }
  return value.padEnd(length, "<");
}

function nameToken(name: string): string {
  return name
    .toUpperCase()
    .replace(/['’]/g, "")
    .replace(/[\s-]+/g, "<")
    .replace(/^<+|<+$/g, "");
}

/** The name zone: SURNAME<<GIVEN<NAMES, cut (not re-spelled) when longer than the zone. */
function names(surname: string, givenNames: string, length: number): string {
  const s = nameToken(surname);
  const g = nameToken(givenNames);
  const text = g === "" ? s : `${s}<<${g}`;
  return pad(text.slice(0, length), length, "Name");
}

function date(value: string, what: string): string {
  if (!/^\d\d(\d\d|<<)(\d\d|<<)$/.test(value)) throw new MrzFormatError(`${what} "${value}" is not YYMMDD.`);
  return value;
}

/** Writes the MRZ lines for `data`, with every check digit and the composite (ICAO 9303 parts 4-7). */
export function writeMrz(data: MrzData): string[] {
  const shape = SHAPES[data.format];
  const code = pad(data.documentCode, 2, "Document code");
  const issuing = pad(data.issuingState, 3, "Issuing state");
  const nationality = pad(data.nationality, 3, "Nationality");
  const birth = date(data.birthDate, "Birth date");
  const expiry = date(data.expiryDate, "Expiry date");
  const sex = data.sex;
  const birthCd = String(checkDigit(birth));
  const expiryCd = String(checkDigit(expiry));

  if (data.format === "TD1") {
    let numberPart: string;
    let optional1: string;
    const number = data.documentNumber;
    if (number.length > 9) {
      numberPart = `${pad(number.slice(0, 9), 9, "Document number")}<`;
      // The number ends at the first filler: optional data, if any, starts after one.
      const rest = data.optionalData1 ? `<${data.optionalData1}` : "";
      optional1 = pad(`${number.slice(9)}${String(checkDigit(number))}${rest}`, 15, "Optional data");
    } else {
      numberPart = `${pad(number, 9, "Document number")}${String(checkDigit(pad(number, 9, "Document number")))}`;
      optional1 = pad(data.optionalData1 ?? "", 15, "Optional data");
    }
    const line1 = `${code}${issuing}${numberPart}${optional1}`;
    const optional2 = pad(data.optionalData2 ?? "", 11, "Optional data 2");
    const upper = `${birth}${birthCd}${sex}${expiry}${expiryCd}${nationality}${optional2}`;
    const composite = checkDigit(
      `${line1.slice(5, 30)}${upper.slice(0, 7)}${upper.slice(8, 15)}${upper.slice(18, 29)}`,
    );
    return [line1, `${upper}${String(composite)}`, names(data.surname, data.givenNames, 30)];
  }

  if (data.documentNumber.length > 9) {
    throw new MrzFormatError(
      `Document number "${data.documentNumber}" is longer than 9 characters (only TD1 continues it).`,
    );
  }
  const number = pad(data.documentNumber, 9, "Document number");
  const line1 = `${code}${issuing}${names(data.surname, data.givenNames, shape.length - 5)}`;
  const head = `${number}${String(checkDigit(number))}${nationality}${birth}${birthCd}${sex}${expiry}${expiryCd}`;
  const optional = pad(data.optionalData1 ?? "", shape.optional1, "Optional data");
  if (data.format === "MRVA" || data.format === "MRVB") return [line1, `${head}${optional}`];
  if (data.format === "TD2") {
    const body = `${head}${optional}`;
    const composite = checkDigit(`${body.slice(0, 10)}${body.slice(13, 20)}${body.slice(21, 35)}`);
    return [line1, `${body}${String(composite)}`];
  }
  const optionalCd = /^<*$/.test(optional) ? "<" : String(checkDigit(optional));
  const body = `${head}${optional}${optionalCd}`;
  const composite = checkDigit(`${body.slice(0, 10)}${body.slice(13, 20)}${body.slice(21, 43)}`);
  return [line1, `${body}${String(composite)}`];
}
