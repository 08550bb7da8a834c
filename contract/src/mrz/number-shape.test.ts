import { describe, expect, it } from "vitest";
import { numberShapeCost } from "./number-shape";

describe("numberShapeCost", () => {
  it("costs nothing for digits, and ignores the padding", () => {
    expect(numberShapeCost("123456789")).toBe(0);
    expect(numberShapeCost("1234567<<")).toBe(0);
    expect(numberShapeCost("<<<<<<<<<")).toBe(0);
  });

  it("orders the shapes issuers use: digits, then a letter prefix, then mixed without lookalikes, then the rest", () => {
    const digits = numberShapeCost("123456789");
    const prefixed = numberShapeCost("E12345678");
    const twoLetters = numberShapeCost("EA1234567");
    const mixed = numberShapeCost("C01X00T47");
    const lookalikeInside = numberShapeCost("C01X0OT47");
    expect(digits).toBeLessThan(prefixed);
    expect(prefixed).toBeLessThan(twoLetters);
    expect(twoLetters).toBeLessThan(mixed);
    expect(mixed).toBeLessThan(lookalikeInside);
  });

  it("reads the blind-pair example as a letter prefix: SD6798658 is likelier than 8D6798658", () => {
    expect(numberShapeCost("SD6798658")).toBeLessThan(numberShapeCost("8D6798658") - 1);
  });

  it("prefers letters and digits in runs when neither is a usual shape", () => {
    // ICAO's specimen optional data: ZE184226B rather than ZE1B4226B.
    expect(numberShapeCost("ZE184226B")).toBeLessThan(numberShapeCost("ZE1B4226B"));
    expect(numberShapeCost("AB<12")).toBeGreaterThan(numberShapeCost("AB012"));
  });
});
