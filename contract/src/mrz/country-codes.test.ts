import { describe, expect, it } from "vitest";
import { COUNTRY_NAMES, countryCodeFromText, countryName, isKnownCountryCode } from "./country-codes";

describe("ICAO 9303 country codes", () => {
  it("holds the special codes for specimens, organisations, refugees and stateless persons", () => {
    for (const code of ["UTO", "XXX", "XXA", "XXB", "XXC", "UNO", "UNA", "UNK", "XOM", "XPO", "EUE"]) {
      expect(isKnownCountryCode(code), code).toBe(true);
    }
    for (const code of ["GBR", "GBD", "GBN", "GBO", "GBP", "GBS"]) expect(isKnownCountryCode(code), code).toBe(true);
  });

  it("uses D for Germany, with or without fillers, and not DEU", () => {
    expect(isKnownCountryCode("D")).toBe(true);
    expect(isKnownCountryCode("D<<")).toBe(true);
    expect(isKnownCountryCode("DEU")).toBe(false);
    expect(countryName("D<<")).toBe("Germany");
  });

  it("rejects misreads and nonsense", () => {
    for (const code of ["MLD", "UT0", "", "<<<", "USAA", "usa1"]) expect(isKnownCountryCode(code), code).toBe(false);
    expect(isKnownCountryCode("usa")).toBe(true);
  });

  it("has well-formed, unique entries", () => {
    expect(COUNTRY_NAMES.size).toBeGreaterThan(265);
    for (const code of COUNTRY_NAMES.keys()) expect(code).toMatch(/^(D|[A-Z]{3})$/);
  });

  it("maps printed names and nationalities to codes", () => {
    expect(countryCodeFromText("UNITED STATES OF AMERICA")).toBe("USA");
    expect(countryCodeFromText("British Citizen")).toBe("GBR");
    expect(countryCodeFromText("CANADIAN/CANADIENNE")).toBe("CAN");
    expect(countryCodeFromText("Côte d'Ivoire")).toBe("CIV");
    expect(countryCodeFromText("DEUTSCH")).toBe("D");
    expect(countryCodeFromText("People's Republic of China")).toBe("CHN");
    expect(countryCodeFromText("usa")).toBe("USA");
    expect(countryCodeFromText("Atlantis")).toBeNull();
    expect(countryCodeFromText("")).toBeNull();
  });
});
