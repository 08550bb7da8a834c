import { describe, expect, it } from "vitest";
import { icaoSpecimenMrzData } from "./icao-specimen";
import { lookalikeDoubts } from "./lookalike-doubt";
import { parseMrz } from "./parse-mrz";
import { writeMrz } from "./write-mrz";

const today = new Date("2026-11-25T12:00:00Z");
const SPECIMEN = icaoSpecimenMrzData();
const SPECIMEN_LINES = writeMrz(SPECIMEN) as [string, string];
const withNumber = (documentNumber: string) => parseMrz(writeMrz({ ...SPECIMEN, documentNumber }), { today });

describe("lookalikeDoubts", () => {
  it("doubts a number whose S/8 swap the check digit cannot see: 8D6798658 is likelier SD6798658", () => {
    // The engine's verified-but-wrong read: the recogniser took the S for an 8, and S (28) and 8 differ by 20.
    const truth = withNumber("SD6798658");
    const misread = parseMrz([truth.lines[0] ?? "", (truth.lines[1] ?? "").replace("SD6798658", "8D6798658")], {
      today,
    });
    expect(misread.valid).toBe(true);
    expect(lookalikeDoubts(misread)).toEqual([
      { field: "documentNumber", line: 1, column: 0, read: "8D6798658", alternative: "SD6798658" },
    ]);
    expect(lookalikeDoubts(truth)).toEqual([]);
  });

  it("leaves usual shapes alone: digits, a G or L prefix, and mixed numbers without lookalike letters", () => {
    for (const number of ["123456789", "G12345678", "L898902C3", "C01X00T47", "EA1234567", "E16789123"]) {
      const r = withNumber(number);
      expect(r.valid).toBe(true);
      expect(lookalikeDoubts(r)).toEqual([]);
    }
  });

  it("doubts a U where a 0 would make a letter-prefixed number (G3897596U9 read for G389759609)", () => {
    expect(lookalikeDoubts(withNumber("G3897596U")).map((d) => d.alternative)).toEqual(["G38975960"]);
  });

  it("doubts G and L standing among digits", () => {
    expect(lookalikeDoubts(withNumber("1234G6789")).map((d) => d.alternative)).toEqual(["123466789"]);
    expect(lookalikeDoubts(withNumber("12L456789")).map((d) => d.alternative)).toEqual(["121456789"]);
  });

  it("looks only at numbers whose checks hold, and at TD1's long number without its filler gap", () => {
    const failed = parseMrz([SPECIMEN_LINES[0], SPECIMEN_LINES[1].replace("L898902C3", "8D6798658")], {
      today,
      correct: false,
    });
    expect(failed.valid).toBe(false);
    expect(lookalikeDoubts(failed)).toEqual([]);
    // ICAO's TD1 example with a long number: D23145890734, the filler at column 15 between its parts.
    const long = parseMrz(
      ["I<UTOD23145890<7349<<<<<<<<<<<", "3407127M9507122UTO<<<<<<<<<<<2", "STEVENSON<<PETER<JOHN<<<<<<<<<"],
      { today },
    );
    expect(long.valid).toBe(true);
    expect(lookalikeDoubts(long)).toEqual([]);
  });
});
