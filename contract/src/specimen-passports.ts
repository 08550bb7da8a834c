/**
 * Two public passports the tests of the server and the web app share (not used by the app): ICAO Doc 9303's TD3
 * specimen, whose check digits all hold, and the example on Tencent's MLIDPassportOCR page, whose MRZ gets three
 * check digits wrong. Each call returns fresh copies, so a test may change what it gets.
 */

import type { DocumentFields, VisualZone } from "./result";

/** The ICAO 9303 TD3 specimen's MRZ (Anna Maria Eriksson of Utopia). */
export function icaoSpecimenLines(): string[] {
  return ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];
}

/** The ICAO 9303 TD3 specimen's normalized document fields. */
export function icaoSpecimenDocument(): DocumentFields {
  return {
    type: "P",
    number: "L898902C3",
    surname: "ERIKSSON",
    givenNames: "ANNA MARIA",
    fullName: "ERIKSSON ANNA MARIA",
    nationality: "UTO",
    issuingCountry: "UTO",
    birthDate: "1974-08-12",
    expiryDate: "2012-04-15",
    sex: "F",
  };
}

/** The MRZ of Tencent's documented example (Esther Carter); document number, birth date and composite checks fail. */
export function tencentExampleLines(): string[] {
  return ["P<USACARTER<<ESTHER<<<<<<<<<<<<<<<<<<<<<<<<<", "4567123452USA9004117F2107268713843748<708026"];
}

/** Tencent's documented example as normalized document fields. */
export function tencentExampleDocument(): DocumentFields {
  return {
    type: "P",
    number: "456712345",
    surname: "CARTER",
    givenNames: "ESTHER",
    fullName: "CARTER ESTHER",
    nationality: "USA",
    issuingCountry: "USA",
    birthDate: "1990-04-11",
    expiryDate: "2021-07-26",
    sex: "F",
  };
}

/** Tencent's documented example's printed zone (its PassportRecognizeInfos), values as printed. */
export function tencentExampleVisualZone(): VisualZone {
  return {
    type: "P",
    issuingCountry: "USA",
    number: "456712345",
    surname: "CARTER",
    givenNames: "ESTHER",
    nationality: "UNITED STATES OF AMERICA",
    birthDate: "11 Apr 1990",
    issueDate: "27 Jul 2011",
    expiryDate: "26 Jul 2021",
    sex: "F",
  };
}
