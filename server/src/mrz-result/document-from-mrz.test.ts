import { parseMrz } from "contract/mrz/parse-mrz";
import { icaoSpecimenDocument, icaoSpecimenLines } from "contract/specimen-passports";
import { describe, expect, it } from "vitest";
import { documentFromMrz } from "./document-from-mrz";

const today = new Date("2026-11-25T12:00:00Z");

describe("documentFromMrz", () => {
  it("gives the normalized document fields of the TD3 specimen", () => {
    const r = parseMrz(icaoSpecimenLines(), { today });
    expect(documentFromMrz(r)).toEqual(icaoSpecimenDocument());
  });

  it("keeps the long TD1 number whole, Germany as D, and an unspecified sex as X", () => {
    const long = parseMrz(
      ["I<UTOD23145890<7349<<<<<<<<<<<", "3407127M9507122UTO<<<<<<<<<<<2", "STEVENSON<<PETER<JOHN<<<<<<<<<"],
      {
        today,
      },
    );
    expect(documentFromMrz(long)).toMatchObject({
      type: "I",
      number: "D23145890734",
      sex: "M",
      birthDate: "1934-07-12",
    });
    const de = parseMrz(
      ["P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<", "C01X00T478D<<6408125<2702283<<<<<<<<<<<<<<<4"],
      {
        today,
      },
    );
    expect(documentFromMrz(de)).toMatchObject({
      issuingCountry: "D",
      nationality: "D",
      sex: "X",
      surname: "MUSTERMANN",
    });
  });

  it("passes failed values through (warnings say they failed) and nulls for empty names", () => {
    const r = parseMrz(
      ["P<USACARTER<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", "4567123452USA9004117F2107268713843748<708026"],
      {
        today,
      },
    );
    expect(documentFromMrz(r)).toMatchObject({ number: "456712345", givenNames: null, fullName: "CARTER" });
  });
});
