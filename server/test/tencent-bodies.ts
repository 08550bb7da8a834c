/**
 * Response bodies shaped like Tencent MLIDPassportOCR's, for the fake upstream and tests.
 * Check digits are computed here independently of server/src/mrz so the fake stays an independent oracle.
 */

/** The `Response` object of a successful MLIDPassportOCR call (RequestId is added by the fake). */
export type TencentSuccess = Record<string, unknown>;

/** The documented example from Tencent's API page, verbatim (its MRZ check digits do not hold: see the notes). */
export function exampleResponse(): TencentSuccess {
  return {
    AdvancedInfo: "",
    CodeCrc: "4567123452USA9004117F2107268713843748<708026",
    CodeSet: "P<USACARTER<<ESTHER<<<<<<<<<<<<<<<<<<<<<<<<<",
    DateOfBirth: "19900411",
    DateOfExpiration: "20210726",
    GivenName: "ESTHER",
    ID: "456712345",
    Image: "",
    IssuingCountry: "USA",
    Name: "CARTER ESTHER",
    Nationality: "USA",
    PassportRecognizeInfos: {
      DateOfBirth: "11 Apr 1990",
      DateOfExpiration: "26 Jul 2021",
      DateOfIssuance: "27 Jul 2011",
      GivenName: "ESTHER",
      IssuePlace: "",
      IssuingAuthority: "",
      IssuingCountry: "USA",
      Name: "",
      Nationality: "UNITED STATES OF AMERICA",
      PassportID: "456712345",
      Sex: "F",
      Signature: "",
      Surname: "CARTER",
      Type: "P",
    },
    Sex: "F",
    Surname: "CARTER",
    Type: "P",
    Warn: [-9108, -9102],
    WarnCardInfos: [-9109],
  };
}

export interface SpecimenPerson {
  documentNumber: string;
  surname: string;
  givenNames: string;
  /** ICAO 3-letter codes. */
  issuingCountry: string;
  nationality: string;
  /** ISO YYYY-MM-DD. */
  birthDate: string;
  expiryDate: string;
  sex: "M" | "F" | "X";
  optionalData: string;
  /** Printed nationality in the visual zone. */
  nationalityName: string;
}

/** ICAO Doc 9303 TD3 specimen (Anna Maria Eriksson of Utopia). */
export const ICAO_SPECIMEN: SpecimenPerson = {
  documentNumber: "L898902C3",
  surname: "ERIKSSON",
  givenNames: "ANNA MARIA",
  issuingCountry: "UTO",
  nationality: "UTO",
  birthDate: "1974-08-12",
  expiryDate: "2012-04-15",
  sex: "F",
  optionalData: "ZE184226B",
  nationalityName: "UTOPIAN",
};

function charValue(ch: string): number {
  if (ch === "<") return 0;
  if (ch >= "0" && ch <= "9") return ch.charCodeAt(0) - 48;
  if (ch >= "A" && ch <= "Z") return ch.charCodeAt(0) - 55;
  throw new Error(`not an MRZ character: ${JSON.stringify(ch)}`);
}

/** ICAO 9303 check digit: weights 7,3,1; digits as is, A-Z 10-35, filler 0; sum mod 10. */
export function checkDigit(field: string): string {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) sum += charValue(field[i] as string) * (weights[i % 3] as number);
  return String(sum % 10);
}

function mrzText(value: string): string {
  return value
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "<")
    .replace(/^<|<$/g, "");
}

function pad(value: string, length: number): string {
  if (value.length > length) return value.slice(0, length);
  return value + "<".repeat(length - value.length);
}

const yymmdd = (iso: string) => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
const compact = (iso: string) => iso.replaceAll("-", "");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const printed = (iso: string) => `${iso.slice(8, 10)} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

/** The two TD3 lines of a person, with every check digit correct. */
export function td3Lines(person: SpecimenPerson): [string, string] {
  const line1 = pad(`P<${person.issuingCountry}${mrzText(person.surname)}<<${mrzText(person.givenNames)}`, 44);
  const number = pad(person.documentNumber, 9);
  const birth = yymmdd(person.birthDate);
  const expiry = yymmdd(person.expiryDate);
  const optional = pad(person.optionalData, 14);
  const optionalCheck = person.optionalData === "" ? "<" : checkDigit(optional);
  const numberPart = number + checkDigit(number);
  const birthPart = birth + checkDigit(birth);
  const expiryPart = expiry + checkDigit(expiry);
  const composite = checkDigit(numberPart + birthPart + expiryPart + optional + optionalCheck);
  const line2 = `${numberPart}${person.nationality}${birthPart}${person.sex}${expiryPart}${optional}${optionalCheck}${composite}`;
  return [line1, line2];
}

/**
 * A success body whose MRZ is ICAO-valid and whose fields agree with it, built from a person (the ICAO specimen by
 * default). `portraitBase64` fills `Image` (Tencent only returns it when RetImage was true).
 */
export function specimenResponse(overrides: Partial<SpecimenPerson> = {}, portraitBase64 = ""): TencentSuccess {
  const person = { ...ICAO_SPECIMEN, ...overrides };
  const [codeSet, codeCrc] = td3Lines(person);
  const surname = mrzText(person.surname).replaceAll("<", " ");
  const given = mrzText(person.givenNames).replaceAll("<", " ");
  return {
    AdvancedInfo: JSON.stringify({
      ID: { Confidence: "0.9900" },
      Name: { Confidence: "0.9800" },
      DateOfBirth: { Confidence: "0.9700" },
      DateOfExpiration: { Confidence: "0.9600" },
    }),
    CodeCrc: codeCrc,
    CodeSet: codeSet,
    DateOfBirth: compact(person.birthDate),
    DateOfExpiration: compact(person.expiryDate),
    GivenName: given,
    ID: person.documentNumber,
    Image: portraitBase64,
    IssuingCountry: person.issuingCountry,
    Name: `${surname} ${given}`,
    Nationality: person.nationality,
    PassportRecognizeInfos: {
      DateOfBirth: printed(person.birthDate),
      DateOfExpiration: printed(person.expiryDate),
      DateOfIssuance: "",
      GivenName: given,
      IssuePlace: "",
      IssuingAuthority: "",
      IssuingCountry: person.issuingCountry,
      Name: "",
      Nationality: person.nationalityName,
      PassportID: person.documentNumber,
      Sex: person.sex,
      Signature: "",
      Surname: surname,
      Type: "P",
    },
    Sex: person.sex,
    Surname: surname,
    Type: "P",
    Warn: [],
    WarnCardInfos: [],
  };
}
