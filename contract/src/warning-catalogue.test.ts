import { describe, expect, it } from "vitest";
import { isWarningCode, makeWarning, tencentWarning, WARNING_CATALOGUE, WARNING_CODES } from "./warning-catalogue";

describe("WARNING_CATALOGUE", () => {
  it("has stable snake_case codes, each with severity, source, message and action", () => {
    expect(WARNING_CODES.length).toBeGreaterThan(30);
    for (const code of WARNING_CODES) {
      expect(code).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      const entry = WARNING_CATALOGUE[code];
      expect(["info", "warning", "critical"]).toContain(entry.severity);
      expect(["tencent", "mrz", "crosscheck", "quality"]).toContain(entry.source);
      expect(entry.message.length).toBeGreaterThan(10);
      expect(entry.action.length).toBeGreaterThan(5);
    }
  });

  it("holds the codes other parts rely on", () => {
    for (const code of [
      "blur",
      "glare_mrz",
      "glare_portrait",
      "photocopy_grayscale",
      "screen_recapture",
      "mrz_too_small",
      "document_too_small",
      "check_digit_failed_document_number",
      "check_digit_failed_birth_date",
      "check_digit_failed_expiry_date",
      "check_digit_failed_optional_data",
      "composite_failed",
      "expired",
      "expiring_soon",
      "under_18",
      "mrz_provider_mismatch",
      "mrz_visual_mismatch",
      "unknown_country_code",
      "name_truncated",
      "low_confidence",
      "mrz_corrected",
      "mrz_unverifiable",
    ]) {
      expect(isWarningCode(code), code).toBe(true);
    }
    expect(isWarningCode("toString")).toBe(false);
    expect(isWarningCode("nope")).toBe(false);
  });
});

describe("makeWarning", () => {
  it("copies the catalogue entry and adds field and details", () => {
    const w = makeWarning("mrz_visual_mismatch", {
      field: "birthDate",
      details: { mrz: "1990-04-11", visualZone: "1990-04-12" },
    });
    expect(w).toEqual({
      code: "mrz_visual_mismatch",
      source: "crosscheck",
      severity: "critical",
      message: WARNING_CATALOGUE.mrz_visual_mismatch.message,
      action: WARNING_CATALOGUE.mrz_visual_mismatch.action,
      field: "birthDate",
      details: { mrz: "1990-04-11", visualZone: "1990-04-12" },
    });
  });

  it("lets the caller replace the message but not the code", () => {
    const w = makeWarning("expired", { message: "Expired on 2021-07-26." });
    expect(w.code).toBe("expired");
    expect(w.message).toBe("Expired on 2021-07-26.");
    expect(w).not.toHaveProperty("field");
    expect(w).not.toHaveProperty("details");
  });
});

describe("tencentWarning", () => {
  it.each([
    [-9101, "tencent_border_incomplete"],
    [-9102, "tencent_photocopy"],
    [-9103, "tencent_recapture"],
    [-9104, "tencent_edited"],
    [-9105, "tencent_covered_inside"],
    [-9106, "tencent_covered"],
    [-9107, "tencent_reflection"],
    [-9108, "tencent_blur"],
    [-9109, "tencent_warnings_not_enabled"],
  ])("maps %i to %s", (num, code) => {
    const w = tencentWarning(num);
    expect(w.code).toBe(code);
    expect(w.source).toBe("tencent");
    expect(w.details).toEqual({ tencentCode: num });
    expect(w.message).toContain(String(num));
  });

  it("still warns about unknown codes and names them", () => {
    const w = tencentWarning(-9999);
    expect(w.code).toBe("tencent_unknown_warning");
    expect(w.severity).toBe("warning");
    expect(w.message).toContain("-9999");
    expect(w.details).toEqual({ tencentCode: -9999 });
  });

  it("treats photocopy, recapture and editing as critical", () => {
    expect(tencentWarning(-9102).severity).toBe("critical");
    expect(tencentWarning(-9103).severity).toBe("critical");
    expect(tencentWarning(-9104).severity).toBe("critical");
    expect(tencentWarning(-9109).severity).toBe("info");
  });
});
