import type { MrzData } from "./write-mrz";

/** The ICAO 9303 TD3 specimen (Anna Maria Eriksson of Utopia) as writeMrz's input, for the MRZ parser's tests: it
 *  writes contract/specimen-passports' icaoSpecimenLines. Each call returns a fresh copy. */
export function icaoSpecimenMrzData(): MrzData {
  return {
    format: "TD3",
    documentCode: "P",
    issuingState: "UTO",
    surname: "ERIKSSON",
    givenNames: "ANNA MARIA",
    documentNumber: "L898902C3",
    nationality: "UTO",
    birthDate: "740812",
    sex: "F",
    expiryDate: "120415",
    optionalData1: "ZE184226B",
  };
}
