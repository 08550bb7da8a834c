import { describe, expect, it } from "vitest";
import { parseEngineOutput } from "./engine-figures";

describe("parseEngineOutput", () => {
  it("turns the condition rows and the real-world totals into table rows", () => {
    const text = [
      "mrz | clean | 99/100 (99.0%) | 0 | 1 | 0 | 0 | 0 | 0 | 0",
      "real-world set: TD3 exact 12/26, all exact 20/40, wrong reads without a warning naming the wrong field 4 (wrong 6, refused 14); median 383 ms per photo, one worker; targets TD3 >= 25/26, all >= 36/40, 0 unflagged",
    ].join("\n");
    const { rows } = parseEngineOutput(text, "test");
    expect(rows[0]?.slice(0, 2)).toEqual(["Engine exact MRZ, clean (mrz)", "99.0% of 100"]);
    expect(rows[1]).toEqual([
      "Engine real-world set, exact MRZ (TD3 / all)",
      "12/26 / 20/40",
      "wrong without a warning naming the field 4; median 383 ms per photo; targets 25/26, 36/40, 0",
    ]);
  });
});
