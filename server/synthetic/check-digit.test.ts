import { describe, expect, it } from "vitest";
import { checkDigit } from "./check-digit";

describe("checkDigit", () => {
  it("matches the ICAO 9303 TD3 specimen", () => {
    // P<UTOERIKSSON<<ANNA<MARIA / L898902C36UTO7408122F1204159ZE184226B<<<<<10
    expect(checkDigit("L898902C3")).toBe("6");
    expect(checkDigit("740812")).toBe("2");
    expect(checkDigit("120415")).toBe("9");
    expect(checkDigit("ZE184226B<<<<<")).toBe("1");
    expect(checkDigit("L898902C3674081221204159ZE184226B<<<<<1")).toBe("0");
  });

  it("rejects characters outside the MRZ alphabet", () => {
    expect(() => checkDigit("ab1")).toThrow(/not an MRZ character/);
  });
});
