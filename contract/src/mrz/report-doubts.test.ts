import { describe, expect, it } from "vitest";
import { icaoSpecimenMrzData } from "./icao-specimen";
import { parseMrz } from "./parse-mrz";
import { dataCorrections, reportDoubts } from "./report-doubts";
import { writeMrz } from "./write-mrz";

const today = new Date("2026-11-25T12:00:00Z");
const base = icaoSpecimenMrzData();
const lines = writeMrz(base);
const doubts = (read: string[]) => reportDoubts(parseMrz(read, { today }), { today });

describe("reportDoubts", () => {
  it("has none for a clean read, nor for a data correction the check digits decided", () => {
    expect(doubts(lines)).toEqual([]);
    const mended = [lines[0] ?? "", (lines[1] ?? "").replace("740812", "74O812")];
    expect(dataCorrections(parseMrz(mended, { today })).map((c) => c.field)).toEqual(["birthDate"]);
    expect(doubts(mended)).toEqual([]);
  });

  it("lists a mended name and country code with what was read", () => {
    const read = [(lines[0] ?? "").replace("UTOER", "UT0ER").replace("MARIA", "MAR1A"), lines[1] ?? ""];
    expect(doubts(read)).toEqual([
      {
        kind: "name_corrected",
        field: "givenNames",
        read: "ANNA<MAR1A".padEnd(29, "<"),
        corrected: "ANNA<MARIA".padEnd(29, "<"),
      },
      { kind: "country_code_corrected", field: "issuingState", read: "UT0", corrected: "UTO" },
    ]);
  });

  it("lists a name with a run of fillers inside it or a filler before it, and no well-formed name", () => {
    // ERIKSSON's final N read as a filler: three fillers between the surname and the given names.
    const inside = [(lines[0] ?? "").replace("ERIKSSON<<", "ERIKSSO<<<"), lines[1] ?? ""];
    expect(doubts(inside)).toEqual([
      { kind: "name_irregular", field: "givenNames", read: "<ANNA<MARIA".padEnd(30, "<") },
    ]);
    // A stray letter in the padding after the given names.
    const stray = [(lines[0] ?? "").replace("MARIA<<<<<", "MARIA<<<E<"), lines[1] ?? ""];
    expect(doubts(stray)).toMatchObject([{ kind: "name_irregular", field: "givenNames" }]);
    // One surname, no given names; a surname alone that fills the zone; several components each.
    expect(doubts(writeMrz({ ...base, givenNames: "" }))).toEqual([]);
    expect(doubts(writeMrz({ ...base, surname: "DE LA CRUZ GARCIA", givenNames: "ANA MARIA JOSE" }))).toEqual([]);
  });

  it("lists a correction the check digits did not decide alone, with the fields it changed", () => {
    const read = [lines[0] ?? "", (lines[1] ?? "").replace("ZE184226B", "ZE1B4226B")];
    expect(doubts(read)).toEqual([{ kind: "correction_uncertain", fields: ["optionalData1"], gap: 0 }]);
  });

  it("lists a look-alike in a number, an unknown country code, an invalid field and an impossible date", () => {
    const lookalike = doubts(writeMrz({ ...base, documentNumber: "8D6798658" }));
    expect(lookalike).toMatchObject([{ kind: "lookalike", field: "documentNumber", alternative: "SD6798658" }]);
    expect(doubts(writeMrz({ ...base, nationality: "QQQ" }))).toMatchObject([
      { kind: "unknown_country_code", field: "nationality", code: "QQQ", at: { line: 1, start: 10, end: 13 } },
    ]);
    const sex = [lines[0] ?? "", `${(lines[1] ?? "").slice(0, 20)}H${(lines[1] ?? "").slice(21)}`];
    expect(doubts(sex)).toEqual([{ kind: "field_invalid", field: "sex", read: "H" }]);
    const name = [(lines[0] ?? "").replace("<<ANNA", "<<4NNA"), lines[1] ?? ""];
    expect(doubts(name)).toEqual([{ kind: "field_invalid", field: "givenNames", read: "4NNA<MARIA".padEnd(29, "<") }]);
    const date = [lines[0] ?? "", `${(lines[1] ?? "").slice(0, 13)}651310${(lines[1] ?? "").slice(19)}`];
    expect(doubts(date)).toContainEqual({ kind: "invalid_date", field: "birthDate", read: "651310" });
  });
});
