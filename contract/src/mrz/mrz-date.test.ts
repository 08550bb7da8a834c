import { describe, expect, it } from "vitest";
import { resolveMrzDate } from "./mrz-date";

const today = new Date("2026-11-25T12:00:00Z");

describe("resolveMrzDate", () => {
  it("puts birth dates in the past", () => {
    expect(resolveMrzDate("261125", "birth", today)).toEqual({ iso: "2026-11-25", invalid: false, partial: false });
    expect(resolveMrzDate("261126", "birth", today).iso).toBe("1926-11-26");
    expect(resolveMrzDate("740812", "birth", today).iso).toBe("1974-08-12");
  });

  it("lets expiry dates reach 20 years ahead", () => {
    expect(resolveMrzDate("461231", "expiry", today).iso).toBe("2046-12-31");
    expect(resolveMrzDate("470101", "expiry", today).iso).toBe("1947-01-01");
    expect(resolveMrzDate("961210", "expiry", today).iso).toBe("1996-12-10");
  });

  it("keeps unknown parts as XX and rejects impossible dates", () => {
    expect(resolveMrzDate("74<<<<", "birth", today)).toEqual({ iso: "1974-XX-XX", invalid: false, partial: true });
    expect(resolveMrzDate("7408<<", "birth", today)).toEqual({ iso: "1974-08-XX", invalid: false, partial: true });
    expect(resolveMrzDate("<<<<<<", "birth", today)).toEqual({ iso: null, invalid: false, partial: false });
    expect(resolveMrzDate("74<<12", "birth", today).invalid).toBe(true);
    expect(resolveMrzDate("741312", "birth", today).invalid).toBe(true);
    expect(resolveMrzDate("740431", "birth", today).invalid).toBe(true);
    expect(resolveMrzDate("000229", "birth", today).iso).toBe("2000-02-29");
    expect(resolveMrzDate("010229", "birth", today).invalid).toBe(true);
    expect(resolveMrzDate("74O812", "birth", today).invalid).toBe(true);
  });
});
