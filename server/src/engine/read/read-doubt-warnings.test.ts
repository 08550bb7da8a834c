import { parseMrz } from "contract/mrz/parse-mrz";
import { describe, expect, it } from "vitest";
import { readDoubtWarnings, UNGUARDED_LEGIBLE_FROM_PX } from "./read-doubt-warnings";

const L1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
const L2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
const today = new Date("2020-01-01T00:00:00Z");
const sure = (lines: string[]) => lines.map((l) => [...l].map(() => 0.99));

describe("readDoubtWarnings", () => {
  it("says nothing about a sure read the second opinion agrees with", () => {
    const report = parseMrz([L1, L2], { today });
    expect(readDoubtWarnings({ report, confidences: sure([L1, L2]), secondRead: [] })).toEqual([]);
  });

  it("names each field a weak character, the second opinion or a refitted names line puts in doubt, once", () => {
    const report = parseMrz([L1, L2], { today });
    const confidences = sure([L1, L2]);
    confidences[1]![20] = 0.3; // sex
    const warnings = readDoubtWarnings({
      report,
      confidences,
      secondRead: [
        { field: "surname", other: "ERIKSS0N" },
        { field: "sex", other: "M" },
      ],
      namesRefitted: true,
    });
    expect(warnings.map((w) => [w.code, w.field])).toEqual([
      ["low_confidence", "sex"],
      ["low_confidence", "surname"],
      ["low_confidence", "givenNames"],
    ]);
  });

  it("puts every field a failed composite guards in doubt", () => {
    const report = parseMrz([L1, `${L2.slice(0, 43)}1`], { today, correct: false });
    const fields = readDoubtWarnings({ report, confidences: sure([L1, L2]) }).map((w) => w.field);
    expect(fields).toEqual(["composite", "documentNumber", "birthDate", "expiryDate", "optionalData1"]);
  });

  it("puts every field no check digit guards in doubt when the capitals were captured too small, and only then", () => {
    const report = parseMrz([L1, L2], { today });
    const unguarded = report.fields.filter((f) => f.state === "unchecked").map((f) => f.name);
    expect(unguarded).toEqual(expect.arrayContaining(["surname", "givenNames", "issuingState", "nationality", "sex"]));
    const tiny = readDoubtWarnings({
      report,
      confidences: sure([L1, L2]),
      capHeightPx: UNGUARDED_LEGIBLE_FROM_PX - 0.6,
    });
    expect(tiny.map((w) => w.field).sort()).toEqual([...unguarded].sort());
    expect(tiny[0]?.details).toMatchObject({ capHeightPx: 9.4, threshold: UNGUARDED_LEGIBLE_FROM_PX });
    expect(readDoubtWarnings({ report, confidences: sure([L1, L2]), capHeightPx: UNGUARDED_LEGIBLE_FROM_PX })).toEqual(
      [],
    );
  });

  it("puts the unguarded fields glare lies over in doubt", () => {
    const report = parseMrz([L1, L2], { today });
    const glared = readDoubtWarnings({ report, confidences: sure([L1, L2]), underGlare: ["givenNames"] });
    expect(glared).toEqual([
      expect.objectContaining({
        code: "low_confidence",
        field: "givenNames",
        details: { underGlare: true, state: "unchecked" },
      }),
    ]);
  });
});
