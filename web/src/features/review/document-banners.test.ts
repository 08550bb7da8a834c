import { describe, expect, it } from "vitest";
import { documentBanners } from "./document-banners";
import { specimenResult } from "./specimen-result.test-fixture";

const today = new Date(Date.UTC(2026, 10, 25, 23, 30));

function doc(birthDate: string | null, expiryDate: string | null) {
  return { ...specimenResult().document, birthDate, expiryDate };
}

describe("documentBanners", () => {
  it("flags an expired document with the days since expiry", () => {
    expect(documentBanners(doc("1974-08-12", "2026-11-24"), today)).toEqual([
      { kind: "expired", expiryDate: "2026-11-24", daysAgo: 1 },
    ]);
  });

  it("flags expiry within six months, not after", () => {
    expect(documentBanners(doc("1974-08-12", "2026-11-25"), today)).toEqual([
      { kind: "expiring-soon", expiryDate: "2026-11-25", daysLeft: 0 },
    ]);
    expect(documentBanners(doc("1974-08-12", "2027-05-27"), today)).toEqual([
      { kind: "expiring-soon", expiryDate: "2027-05-27", daysLeft: 183 },
    ]);
    expect(documentBanners(doc("1974-08-12", "2027-05-28"), today)).toEqual([]);
  });

  it("flags under 18 up to the day before the 18th birthday", () => {
    expect(documentBanners(doc("2008-11-26", "2030-01-01"), today)).toEqual([
      { kind: "under-18", birthDate: "2008-11-26", age: 17 },
    ]);
    expect(documentBanners(doc("2008-11-25", "2030-01-01"), today)).toEqual([]);
  });

  it("ignores unknown, partial and impossible dates", () => {
    expect(documentBanners(doc(null, null), today)).toEqual([]);
    expect(documentBanners(doc("2010-XX-XX", "2026-02-30"), today)).toEqual([]);
  });
});
