import { parseMrz } from "contract/mrz/parse-mrz";
import { describe, expect, it } from "vitest";
import { alignedCharacters, differingColumns, secondReadDoubts } from "./second-read";

const L1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
const L2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
const today = new Date("2020-01-01T00:00:00Z");
const line = (text: string) => ({ text, confidences: [] });

describe("differingColumns", () => {
  it("finds substitutions in place", () => {
    expect([...differingColumns("ABCDEF", "ABXDEF")]).toEqual([2]);
  });

  it("aligns a dropped or an extra character instead of shifting everything after it", () => {
    expect([...differingColumns("ABCDEF", "ABDEF")].sort()).toEqual([2]);
    // An extra character in the other read puts both neighbours in doubt.
    expect([...differingColumns("ABCDEF", "ABCXDEF")].sort()).toEqual([2, 3]);
    expect(differingColumns("ABCDEF", "ABCDEF").size).toBe(0);
  });
});

describe("alignedCharacters", () => {
  it("gives each column the other read's character, across a dropped or an extra one", () => {
    expect(alignedCharacters("ABCDEF", "ABXDEF")).toEqual(["A", "B", "X", "D", "E", "F"]);
    expect(alignedCharacters("ABCDEF", "ABDEF")).toEqual(["A", "B", "", "D", "E", "F"]);
    expect(alignedCharacters("ABCDEF", "AB7CDEF")).toEqual(["A", "B", "C", "D", "E", "F"]);
  });
});

describe("secondReadDoubts", () => {
  const report = parseMrz([L1, L2], { today });

  it("names the unguarded fields the other read saw differently", () => {
    const other = [line(L1.replace("ERIKSSON", "ERIKSS0N").replace("UTO", "UT0")), line(L2)];
    expect(secondReadDoubts(report, other, "unguarded").map((d) => d.field)).toEqual(["issuingState", "surname"]);
  });

  it("leaves guarded fields alone unless asked for all, then names the composite too", () => {
    const other = [line(L1), line(`${L2.slice(0, 5)}1${L2.slice(6, 43)}9`)];
    expect(secondReadDoubts(report, other, "unguarded")).toEqual([]);
    expect(secondReadDoubts(report, other, "all").map((d) => d.field)).toEqual(["documentNumber", "composite"]);
  });

  it("compares only the lines it was given", () => {
    expect(secondReadDoubts(report, [null, line(L2.replace("F", "M"))], "unguarded").map((d) => d.field)).toEqual([
      "sex",
    ]);
    expect(secondReadDoubts(report, [line(L1), null], "all")).toEqual([]);
  });
});
