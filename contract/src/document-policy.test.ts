import { describe, expect, it } from "vitest";
import { DEFAULT_DOCUMENT_POLICY, type DocumentPolicy, policyFailures } from "./document-policy";
import type { DocumentFields } from "./result";

const today = new Date(Date.UTC(2026, 10, 25, 23, 30));

function doc(fields: Partial<DocumentFields>): DocumentFields {
  return {
    type: "P",
    number: "L898902C3",
    surname: "ERIKSSON",
    givenNames: "ANNA MARIA",
    fullName: "ERIKSSON ANNA MARIA",
    nationality: "NLD",
    issuingCountry: "NLD",
    birthDate: "1974-08-12",
    expiryDate: "2030-01-01",
    sex: "F",
    ...fields,
  };
}

const policy = (p: Partial<DocumentPolicy>) => ({ ...DEFAULT_DOCUMENT_POLICY, ...p });

describe("policyFailures", () => {
  it("refuses an expired document by default, from the day after its expiry date", () => {
    expect(policyFailures(doc({ expiryDate: "2026-11-24" }), DEFAULT_DOCUMENT_POLICY, today)).toEqual([
      "document_expired",
    ]);
    expect(policyFailures(doc({ expiryDate: "2026-11-25" }), DEFAULT_DOCUMENT_POLICY, today)).toEqual([]);
    expect(policyFailures(doc({ expiryDate: "2026-11-24" }), policy({ rejectExpired: false }), today)).toEqual([]);
  });

  it("refuses a holder under the least age up to the day before the birthday", () => {
    const adults = policy({ minAge: 18 });
    expect(policyFailures(doc({ birthDate: "2008-11-26" }), adults, today)).toEqual(["holder_under_age"]);
    expect(policyFailures(doc({ birthDate: "2008-11-25" }), adults, today)).toEqual([]);
    expect(policyFailures(doc({ birthDate: "2020-01-01" }), DEFAULT_DOCUMENT_POLICY, today)).toEqual([]);
  });

  it("applies the allow and deny lists, with or without MRZ filler", () => {
    expect(policyFailures(doc({ nationality: "NLD" }), policy({ denyNationalities: ["NLD"] }), today)).toEqual([
      "nationality_not_accepted",
    ]);
    expect(policyFailures(doc({ nationality: "D<<" }), policy({ allowNationalities: ["D", "NLD"] }), today)).toEqual(
      [],
    );
    expect(policyFailures(doc({ nationality: "FRA" }), policy({ allowNationalities: ["D", "NLD"] }), today)).toEqual([
      "nationality_not_accepted",
    ]);
  });

  it("fails nothing on unknown or impossible dates and an unread nationality", () => {
    const strict = policy({ minAge: 18, allowNationalities: ["NLD"] });
    expect(
      policyFailures(doc({ expiryDate: null, birthDate: "2010-XX-XX", nationality: null }), strict, today),
    ).toEqual([]);
    expect(policyFailures(doc({ expiryDate: "2026-02-30" }), strict, today)).toEqual([]);
  });

  it("lists every failure in order", () => {
    const strict = policy({ minAge: 18, denyNationalities: ["UTO"] });
    expect(
      policyFailures(doc({ expiryDate: "2012-04-15", birthDate: "2012-01-01", nationality: "UTO" }), strict, today),
    ).toEqual(["document_expired", "holder_under_age", "nationality_not_accepted"]);
  });
});
