import { describe, expect, it } from "vitest";
import { icaoSpecimenMrzData } from "./icao-specimen";
import { MrzFormatError } from "./mrz-format-error";
import { type MrzData, writeMrz } from "./write-mrz";

/** The ICAO specimen with its names in mixed case: the writer raises them. */
const anna: MrzData = { ...icaoSpecimenMrzData(), surname: "Eriksson", givenNames: "Anna Maria" };

describe("writeMrz", () => {
  it("writes the ICAO specimens exactly", () => {
    expect(writeMrz(anna)).toEqual([
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
      "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    ]);
    expect(
      writeMrz({ ...anna, format: "TD2", documentCode: "I", documentNumber: "D23145890", optionalData1: "" }),
    ).toEqual(["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"]);
    expect(
      writeMrz({
        ...anna,
        format: "TD1",
        documentCode: "I",
        surname: "Stevenson",
        givenNames: "Peter John",
        documentNumber: "D23145890734",
        birthDate: "340712",
        sex: "M",
        expiryDate: "950712",
        optionalData1: "",
      }),
    ).toEqual(["I<UTOD23145890<7349<<<<<<<<<<<", "3407127M9507122UTO<<<<<<<<<<<2", "STEVENSON<<PETER<JOHN<<<<<<<<<"]);
    expect(
      writeMrz({
        ...anna,
        format: "MRVB",
        documentCode: "V",
        documentNumber: "L8988901C",
        nationality: "XXX",
        expiryDate: "961210",
        optionalData1: "",
      }),
    ).toEqual(["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX7408122F9612109<<<<<<<<"]);
  });

  it("turns hyphens and spaces in names into fillers and drops apostrophes", () => {
    expect(writeMrz({ ...anna, surname: "O'Neil-Smith", givenNames: "Mary Ann" })[0]).toBe(
      "P<UTOONEIL<SMITH<<MARY<ANN<<<<<<<<<<<<<<<<<<",
    );
  });

  it("rejects what does not fit, with a clear message", () => {
    expect(() => writeMrz({ ...anna, documentNumber: "L898902C31" })).toThrow(MrzFormatError);
    expect(() => writeMrz({ ...anna, documentNumber: "L898902C31" })).toThrow(/longer than 9 characters/);
    expect(() => writeMrz({ ...anna, birthDate: "1974-08-12" })).toThrow('Birth date "1974-08-12" is not YYMMDD.');
    expect(() => writeMrz({ ...anna, optionalData1: "ZE184226B-1" })).toThrow(/characters other than A-Z, 0-9, </);
    expect(() => writeMrz({ ...anna, issuingState: "UTOPIA" })).toThrow(/longer than its 3 characters/);
  });
});
