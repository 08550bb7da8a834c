import { describe, expect, it } from "vitest";
import { parseMrz } from "./parse-mrz";
import { dataCorrections, reportDoubts } from "./report-doubts";
import { type MrzData, writeMrz } from "./write-mrz";

const today = new Date("2026-11-25T12:00:00Z");
const base: MrzData = {
  format: "TD3",
  documentCode: "P",
  issuingState: "NLD",
  surname: "DE BRUIJN",
  givenNames: "WILLEKE LISELOTTE",
  documentNumber: "SPECI2021",
  nationality: "NLD",
  birthDate: "650310",
  sex: "F",
  expiryDate: "310802",
  optionalData1: "999999990",
};
const lines = writeMrz(base);
const doubts = (read: string[]) => reportDoubts(parseMrz(read, { today }), { today });

describe("reportDoubts", () => {
  it("has none for a clean read, nor for a data correction the check digits decided", () => {
    expect(doubts(lines)).toEqual([]);
    const mended = [lines[0] ?? "", (lines[1] ?? "").replace("650310", "65O31O")];
    expect(dataCorrections(parseMrz(mended, { today })).map((c) => c.field)).toEqual(["birthDate", "birthDate"]);
    expect(doubts(mended)).toEqual([]);
  });

  it("lists a mended name and country code with what was read", () => {
    const read = [(lines[0] ?? "").replace("NLDDE", "NL0DE").replace("WILLEKE", "W1LLEKE"), lines[1] ?? ""];
    expect(doubts(read)).toEqual([
      {
        kind: "name_corrected",
        field: "givenNames",
        read: "W1LLEKE<LISELOTTE<<<<<<<<<<<",
        corrected: "WILLEKE<LISELOTTE<<<<<<<<<<<",
      },
      { kind: "country_code_corrected", field: "issuingState", read: "NL0", corrected: "NLD" },
    ]);
  });

  it("lists a correction the check digits did not decide alone, with the fields it changed", () => {
    const r = parseMrz(
      ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE1B4226B<<<<<10"],
      { today },
    );
    expect(reportDoubts(r, { today })).toEqual([{ kind: "correction_uncertain", fields: ["optionalData1"], gap: 0 }]);
  });

  it("lists a look-alike in a number, an unknown country code, an invalid field and an impossible date", () => {
    const lookalike = doubts(writeMrz({ ...base, documentNumber: "8D6798658" }));
    expect(lookalike).toMatchObject([{ kind: "lookalike", field: "documentNumber", alternative: "SD6798658" }]);
    expect(doubts(writeMrz({ ...base, nationality: "QQQ" }))).toMatchObject([
      { kind: "unknown_country_code", field: "nationality", code: "QQQ", at: { line: 1, start: 10, end: 13 } },
    ]);
    const sex = [lines[0] ?? "", `${(lines[1] ?? "").slice(0, 20)}H${(lines[1] ?? "").slice(21)}`];
    expect(doubts(sex)).toEqual([{ kind: "field_invalid", field: "sex", read: "H" }]);
    const date = [lines[0] ?? "", `${(lines[1] ?? "").slice(0, 13)}651310${(lines[1] ?? "").slice(19)}`];
    expect(doubts(date)).toContainEqual({ kind: "invalid_date", field: "birthDate", read: "651310" });
  });
});
