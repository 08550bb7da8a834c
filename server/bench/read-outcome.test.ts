import { parseMrz } from "contract/mrz/parse-mrz";
import { makeWarning } from "contract/warning-catalogue";
import { describe, expect, it } from "vitest";
import { readOutcome, unflaggedWrong } from "./read-outcome";

const TRUTH = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];
const today = new Date("2020-01-01T00:00:00Z");

describe("readOutcome", () => {
  it("is exact when every line equals the truth", () => {
    expect(readOutcome(parseMrz(TRUTH, { today }), [], TRUTH)).toEqual({ kind: "exact" });
  });

  it("names a misread name field, and whether a doubting warning names it", () => {
    const read = [TRUTH[0]!.replace("ANNA", "ANMA"), TRUTH[1]!];
    const report = parseMrz(read, { today });
    expect(readOutcome(report, [], TRUTH)).toEqual({
      kind: "wrong",
      fields: [{ name: "givenNames", state: "unchecked", flagged: false }],
    });
    const flagged = readOutcome(report, [makeWarning("low_confidence", { field: "givenNames" })], TRUTH);
    expect(flagged).toEqual({ kind: "wrong", fields: [{ name: "givenNames", state: "unchecked", flagged: true }] });
    expect(unflaggedWrong(flagged)).toBe(false);
    // A warning that does not doubt the read (expired) does not count.
    expect(unflaggedWrong(readOutcome(report, [makeWarning("expired", { field: "givenNames" })], TRUTH))).toBe(true);
  });

  it("counts a wrong check digit against the field it guards", () => {
    const read = [TRUTH[0]!, `${TRUTH[1]!.slice(0, 9)}7${TRUTH[1]!.slice(10)}`];
    const o = readOutcome(parseMrz(read, { today, correct: false }), [], TRUTH);
    expect(o).toEqual({ kind: "wrong", fields: [{ name: "documentNumber", state: "failed", flagged: false }] });
  });

  it("counts the filler between surname and given names against the surname", () => {
    const read = [TRUTH[0]!.replace("ERIKSSON<<ANNA", "ERIKSSON<KANNA"), TRUTH[1]!];
    const o = readOutcome(parseMrz(read, { today, correct: false }), [], TRUTH);
    expect(o.kind === "wrong" && o.fields.map((f) => f.name)).toEqual(["surname"]);
  });

  it("reports a read of another shape as one unflagged wrong field", () => {
    const o = readOutcome(parseMrz(TRUTH, { today }), [], [TRUTH[0]!, TRUTH[1]!, TRUTH[1]!]);
    expect(unflaggedWrong(o)).toBe(true);
  });
});
