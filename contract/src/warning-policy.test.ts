import { describe, expect, it } from "vitest";
import type { Warning } from "./warning";
import { makeWarning, WARNING_CATALOGUE, WARNING_CODES } from "./warning-catalogue";
import { DEFAULT_WARNING_POLICY, retakeRequest, warningAction } from "./warning-policy";

const w = (code: keyof typeof WARNING_CATALOGUE): Warning => makeWarning(code);

describe("warning policy", () => {
  it("has an action for every catalogue code", () => {
    expect(Object.keys(DEFAULT_WARNING_POLICY).sort()).toEqual([...WARNING_CODES].sort());
  });

  it("asks for a retake on quality and doubtful reads by default, never on notes", () => {
    for (const code of ["blur", "glare_mrz", "mrz_too_small", "tencent_blur", "composite_failed"] as const)
      expect(DEFAULT_WARNING_POLICY[code], code).toBe("retake");
    for (const code of WARNING_CODES.filter((c) => WARNING_CATALOGUE[c].severity === "info"))
      expect(DEFAULT_WARNING_POLICY[code], code).toBe("allow");
    // Findings about the document, not the photo, are for the desk and the document policy.
    for (const code of ["expired", "under_18", "specimen_document", "expiring_soon"] as const)
      expect(DEFAULT_WARNING_POLICY[code], code).toBe("allow");
  });

  it("asks once per code, and lets the customer continue only when no warning blocks", () => {
    expect(retakeRequest([w("mrz_corrected"), w("expiring_soon")], DEFAULT_WARNING_POLICY)).toBeNull();
    const request = retakeRequest([w("blur"), w("mrz_corrected"), w("blur"), w("glare_mrz")], DEFAULT_WARNING_POLICY);
    expect(request?.warnings.map((x) => x.code)).toEqual(["blur", "glare_mrz"]);
    expect(request?.canContinue).toBe(true);
    const strict = { ...DEFAULT_WARNING_POLICY, glare_mrz: "block" as const };
    expect(retakeRequest([w("blur"), w("glare_mrz")], strict)?.canContinue).toBe(false);
  });

  it("leaves a code it does not know to the desk", () => {
    expect(warningAction(DEFAULT_WARNING_POLICY, "from_a_newer_server")).toBe("allow");
  });
});
