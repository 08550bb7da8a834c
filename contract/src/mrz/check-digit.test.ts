import { describe, expect, it } from "vitest";
import { charValue, checkDigit } from "./check-digit";

describe("checkDigit", () => {
  it("computes ICAO 9303 check digits (weights 7, 3, 1)", () => {
    expect(checkDigit("L898902C3")).toBe(6);
    expect(checkDigit("740812")).toBe(2);
    expect(checkDigit("ZE184226B<<<<<")).toBe(1);
    expect(checkDigit("D23145890734")).toBe(9);
    expect(checkDigit("")).toBe(0);
    expect(checkDigit("<<<<<<")).toBe(0);
  });

  it("values characters as ICAO does and rejects others", () => {
    expect([charValue("0"), charValue("9"), charValue("A"), charValue("Z"), charValue("<")]).toEqual([0, 9, 10, 35, 0]);
    expect(charValue("a")).toBe(-1);
    expect(() => checkDigit("AB-1")).toThrow(RangeError);
  });
});
