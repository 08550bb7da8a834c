import { DEFAULT_CUSTOMER_CONFIG } from "contract/customer-config";
import type { PassportResult } from "contract/result";
import { makeWarning } from "contract/warning-catalogue";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { assertSubmittable } from "./submit-check";

const today = new Date(Date.UTC(2026, 10, 25));

function result(
  fields: Partial<PassportResult["document"]>,
  warnings = [makeWarning("mrz_corrected")],
): PassportResult {
  return {
    provider: "local",
    requestId: "r",
    upstreamRequestId: null,
    document: {
      type: "P",
      number: "L898902C3",
      surname: "ERIKSSON",
      givenNames: "ANNA MARIA",
      fullName: "ANNA MARIA ERIKSSON",
      nationality: "NLD",
      issuingCountry: "NLD",
      birthDate: "1974-08-12",
      expiryDate: "2031-04-15",
      sex: "F",
      ...fields,
    },
    visualZone: null,
    confidence: {},
    mrz: null,
    mrzBand: null,
    image: null,
    warnings,
    portrait: null,
  };
}

function refusal(run: () => void): { code: string; status: number; message: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, status: error.status, message: error.message };
  }
}

describe("assertSubmittable", () => {
  const policy = DEFAULT_CUSTOMER_CONFIG;

  it("lets a valid document through, with warnings the policy allows or only asks about", () => {
    expect(refusal(() => assertSubmittable(result({}, [makeWarning("blur")]), policy, today))).toBeNull();
  });

  it("refuses an expired document with a catalogued 422", () => {
    expect(refusal(() => assertSubmittable(result({ expiryDate: "2026-11-24" }), policy, today))).toMatchObject({
      code: "document_expired",
      status: 422,
    });
  });

  it("refuses a holder under age and a refused nationality", () => {
    const strict = { ...policy, documentPolicy: { ...policy.documentPolicy, minAge: 18, denyNationalities: ["NLD"] } };
    expect(refusal(() => assertSubmittable(result({ birthDate: "2010-01-01" }), strict, today))?.code).toBe(
      "holder_under_age",
    );
    expect(refusal(() => assertSubmittable(result({}), strict, today))?.code).toBe("nationality_not_accepted");
  });

  it("refuses a photo with a warning the operator blocks, naming it", () => {
    const strict = { ...policy, warningPolicy: { ...policy.warningPolicy, glare_mrz: "block" as const } };
    expect(
      refusal(() => assertSubmittable(result({}, [makeWarning("blur"), makeWarning("glare_mrz")]), strict, today)),
    ).toEqual({
      code: "retake_required",
      status: 422,
      message: "This photo has a problem the service does not accept (blur, glare_mrz): take the photo again.",
    });
  });
});
