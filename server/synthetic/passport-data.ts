import type { DocumentFields, VisualZone } from "contract/result";
import { checkDigit } from "./check-digit";
import { ICAO_STATES, mrzCountry } from "./icao-codes";
import { AUTHORITIES, BIRTH_PLACES, GIVEN_NAMES, SURNAMES } from "./names";
import type { Random } from "./random";

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"] as const;
const NAME_FIELD_LENGTH = 39;

export interface PassportData {
  document: DocumentFields;
  visualZone: VisualZone;
  /** The MRZ lines: two of 44 characters (TD3), three of 30 (TD1) or two of 36 (TD2). */
  mrzLines: string[];
  /** English name of the issuing state, printed in the header. */
  issuingStateName: string;
}

interface SimpleDate {
  year: number;
  month: number;
  day: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function randomDate(rng: Random, fromYear: number, toYear: number): SimpleDate {
  const year = rng.int(fromYear, toYear);
  const month = rng.int(1, 12);
  return { year, month, day: rng.int(1, daysInMonth(year, month)) };
}

function addYearsMinusOneDay(date: SimpleDate, years: number): SimpleDate {
  const d = new Date(Date.UTC(date.year + years, date.month - 1, date.day - 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const pad2 = (n: number) => String(n).padStart(2, "0");
const isoDate = (d: SimpleDate) => `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
const mrzDate = (d: SimpleDate) => `${pad2(d.year % 100)}${pad2(d.month)}${pad2(d.day)}`;
/** Printed like "11 APR 1990". */
export const printedDate = (d: SimpleDate) => `${pad2(d.day)} ${MONTHS[d.month - 1]} ${d.year}`;

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS = "0123456789";

function randomChars(rng: Random, alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet.charAt(rng.int(0, alphabet.length - 1));
  return out;
}

/** Document numbers in the shapes states use: letters and digits mixed, sometimes shorter than 9 characters. */
function randomDocumentNumber(rng: Random): string {
  const shape = rng.int(0, 4);
  switch (shape) {
    case 0:
      return randomChars(rng, LETTERS, 2) + randomChars(rng, DIGITS, 7);
    case 1:
      return randomChars(rng, DIGITS, 9);
    case 2:
      return randomChars(rng, LETTERS, 1) + randomChars(rng, DIGITS, 7) + randomChars(rng, LETTERS + DIGITS, 1);
    case 3:
      return randomChars(rng, LETTERS + DIGITS, 9);
    default:
      return randomChars(rng, LETTERS, 1) + randomChars(rng, DIGITS, rng.int(6, 7));
  }
}

function pickNames(rng: Random, fieldLength = NAME_FIELD_LENGTH): { surname: string; givenNames: string } {
  const surname = rng.chance(0.15) ? `${rng.pick(SURNAMES)} ${rng.pick(SURNAMES)}` : rng.pick(SURNAMES);
  const count = rng.int(1, 3);
  const given: string[] = [];
  for (let i = 0; i < count; i++) given.push(rng.pick(GIVEN_NAMES));
  // Drop given names until the MRZ name field holds the whole name, so the MRZ and the truth agree exactly.
  while (given.length > 1 && nameField(surname, given.join(" ")).length > fieldLength) given.pop();
  return { surname, givenNames: given.join(" ") };
}

function nameField(surname: string, givenNames: string): string {
  return `${surname.replaceAll(" ", "<")}<<${givenNames.replaceAll(" ", "<")}`;
}

/** Random but valid TD3 passport data with a correct MRZ (check digits computed here, 7-3-1 rule). */
export function randomPassportData(rng: Random, today: SimpleDate = { year: 2026, month: 11, day: 1 }): PassportData {
  const issuer = rng.pick(ICAO_STATES);
  const nationality = rng.chance(0.85) ? issuer : rng.pick(ICAO_STATES);
  let { surname, givenNames } = pickNames(rng);
  if (nameField(surname, givenNames).length > NAME_FIELD_LENGTH) {
    surname = surname.slice(0, 20).trim();
    givenNames = givenNames.slice(0, 14).trim();
  }
  const birth = randomDate(rng, today.year - 85, today.year - 1);
  const issue = randomDate(rng, Math.max(birth.year + 1, today.year - 9), today.year);
  const expiry = addYearsMinusOneDay(issue, rng.chance(0.7) ? 10 : 5);
  const roll = rng.float();
  const sex: "M" | "F" | "X" = roll < 0.48 ? "M" : roll < 0.97 ? "F" : "X";
  const number = randomDocumentNumber(rng);
  const optional = rng.chance(0.5) ? "" : randomChars(rng, DIGITS + (rng.chance(0.3) ? LETTERS : ""), rng.int(4, 14));

  const numberField = number.padEnd(9, "<");
  const optionalField = optional.padEnd(14, "<");
  const optionalCheck = optional === "" && rng.chance(0.5) ? "<" : checkDigit(optionalField);
  const line1 = `P<${mrzCountry(issuer.code)}${nameField(surname, givenNames)}`.padEnd(44, "<");
  const part1 = `${numberField}${checkDigit(numberField)}`;
  const part2 = `${mrzDate(birth)}${checkDigit(mrzDate(birth))}`;
  const part3 = `${mrzDate(expiry)}${checkDigit(mrzDate(expiry))}${optionalField}${optionalCheck}`;
  const composite = checkDigit(`${part1}${part2}${part3}`);
  const line2 = `${part1}${mrzCountry(nationality.code)}${part2}${sex === "X" ? "<" : sex}${part3}${composite}`;
  if (line1.length !== 44 || line2.length !== 44) throw new Error(`bad MRZ length: ${line1} / ${line2}`);

  return {
    document: {
      type: "P",
      number,
      surname,
      givenNames,
      fullName: `${surname} ${givenNames}`,
      nationality: nationality.code,
      issuingCountry: issuer.code,
      birthDate: isoDate(birth),
      expiryDate: isoDate(expiry),
      sex,
    },
    visualZone: {
      type: "P",
      issuingCountry: issuer.code,
      number,
      surname,
      givenNames,
      fullName: `${surname} ${givenNames}`,
      birthPlace: rng.pick(BIRTH_PLACES),
      nationality: nationality.name,
      birthDate: printedDate(birth),
      issueDate: printedDate(issue),
      expiryDate: printedDate(expiry),
      sex,
      issuingAuthority: rng.pick(AUTHORITIES),
    },
    mrzLines: [line1, line2],
    issuingStateName: issuer.name,
  };
}

/** Card formats: ID-1 (TD1, three lines of 30) and ID-2 (TD2, two lines of 36). */
export type CardFormat = "TD1" | "TD2";

const CARD_CODES = ["I<", "ID", "IR", "AC", "C<"] as const;

/** Random but valid identity-card data (TD1 or TD2, ICAO 9303 parts 5 and 6) with a correct MRZ. */
export function randomCardData(
  rng: Random,
  format: CardFormat,
  today: SimpleDate = { year: 2026, month: 11, day: 1 },
): PassportData {
  const issuer = rng.pick(ICAO_STATES);
  const nationality = rng.chance(0.85) ? issuer : rng.pick(ICAO_STATES);
  const nameLength = format === "TD1" ? 30 : 31;
  let { surname, givenNames } = pickNames(rng, nameLength);
  if (nameField(surname, givenNames).length > nameLength) {
    surname = surname.slice(0, 14).trim();
    givenNames = givenNames.slice(0, 12).trim();
  }
  const birth = randomDate(rng, today.year - 85, today.year - 1);
  const issue = randomDate(rng, Math.max(birth.year + 1, today.year - 9), today.year);
  const expiry = addYearsMinusOneDay(issue, rng.chance(0.6) ? 10 : 5);
  const roll = rng.float();
  const sex: "M" | "F" | "X" = roll < 0.48 ? "M" : roll < 0.97 ? "F" : "X";
  const code = rng.pick(CARD_CODES);
  const number = randomDocumentNumber(rng);
  const numberField = number.padEnd(9, "<");
  const optionalLength = format === "TD1" ? 15 : 7;
  const optional = rng.chance(0.5) ? "" : randomChars(rng, DIGITS, rng.int(3, optionalLength));
  const birthPart = `${mrzDate(birth)}${checkDigit(mrzDate(birth))}`;
  const expiryPart = `${mrzDate(expiry)}${checkDigit(mrzDate(expiry))}`;
  const sexChar = sex === "X" ? "<" : sex;
  const names = nameField(surname, givenNames);
  let lines: string[];
  if (format === "TD1") {
    const line1 = `${code}${mrzCountry(issuer.code)}${numberField}${checkDigit(numberField)}${optional.padEnd(15, "<")}`;
    const optional2 = rng.chance(0.7) ? "" : randomChars(rng, DIGITS, rng.int(2, 11));
    const upper = `${birthPart}${sexChar}${expiryPart}${mrzCountry(nationality.code)}${optional2.padEnd(11, "<")}`;
    const composite = checkDigit(
      `${line1.slice(5, 30)}${upper.slice(0, 7)}${upper.slice(8, 15)}${upper.slice(18, 29)}`,
    );
    lines = [line1, `${upper}${composite}`, names.padEnd(30, "<")];
  } else {
    const line1 = `${code}${mrzCountry(issuer.code)}${names}`.padEnd(36, "<");
    const part1 = `${numberField}${checkDigit(numberField)}`;
    const part3 = `${expiryPart}${optional.padEnd(7, "<")}`;
    const composite = checkDigit(`${part1}${birthPart}${part3}`);
    lines = [line1, `${part1}${mrzCountry(nationality.code)}${birthPart}${sexChar}${part3}${composite}`];
  }
  const width = format === "TD1" ? 30 : 36;
  if (lines.some((l) => l.length !== width)) throw new Error(`bad ${format} MRZ length: ${lines.join(" / ")}`);
  const type = code.replace("<", "");
  return {
    document: {
      type,
      number,
      surname,
      givenNames,
      fullName: `${surname} ${givenNames}`,
      nationality: nationality.code,
      issuingCountry: issuer.code,
      birthDate: isoDate(birth),
      expiryDate: isoDate(expiry),
      sex,
    },
    visualZone: {
      type,
      issuingCountry: issuer.code,
      number,
      surname,
      givenNames,
      fullName: `${surname} ${givenNames}`,
      birthPlace: rng.pick(BIRTH_PLACES),
      nationality: nationality.name,
      birthDate: printedDate(birth),
      issueDate: printedDate(issue),
      expiryDate: printedDate(expiry),
      sex,
      issuingAuthority: rng.pick(AUTHORITIES),
    },
    mrzLines: lines,
    issuingStateName: issuer.name,
  };
}
