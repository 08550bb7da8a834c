import { DEFAULT_WARNING_POLICY } from "contract/warning-policy";
import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { customerConfigFromEnv } from "./customer-config";

function config(vars: Record<string, string>) {
  const parsed = parseEnv(vars);
  if (!parsed.ok) throw new Error(parsed.problems.join("; "));
  return customerConfigFromEnv(parsed.env);
}

describe("the customer's page settings from the environment", () => {
  it("defaults: the app's own words, no privacy link, expired refused, any age and nationality", () => {
    expect(config({})).toEqual({
      operatorName: null,
      consentText: {},
      privacyUrl: null,
      documentPolicy: { rejectExpired: true, minAge: 0, allowNationalities: [], denyNationalities: [] },
      warningPolicy: DEFAULT_WARNING_POLICY,
    });
  });

  it("reads the operator, consent text per locale, privacy link and policies", () => {
    const c = config({
      OPERATOR_NAME: "Acme Bank",
      CONSENT_TEXT_EN: "Acme checks your passport.",
      CONSENT_TEXT_ZH_TW: "Acme 會核驗您的護照。",
      PRIVACY_URL: "https://acme.example/privacy",
      POLICY_REJECT_EXPIRED: "false",
      POLICY_MIN_AGE: "18",
      POLICY_NATIONALITIES_ALLOW: "nld, D ,GBR",
      POLICY_NATIONALITIES_DENY: "UTO",
      WARNING_POLICY: "blur=block, expired=retake",
    });
    expect(c.operatorName).toBe("Acme Bank");
    expect(c.consentText).toEqual({ en: "Acme checks your passport.", "zh-TW": "Acme 會核驗您的護照。" });
    expect(c.privacyUrl).toBe("https://acme.example/privacy");
    expect(c.documentPolicy).toEqual({
      rejectExpired: false,
      minAge: 18,
      allowNationalities: ["NLD", "D", "GBR"],
      denyNationalities: ["UTO"],
    });
    expect(c.warningPolicy.blur).toBe("block");
    expect(c.warningPolicy.expired).toBe("retake");
    expect(c.warningPolicy.glare_mrz).toBe(DEFAULT_WARNING_POLICY.glare_mrz);
  });

  it("names the variable of a bad value", () => {
    const parsed = parseEnv({
      PRIVACY_URL: "javascript:alert(1)",
      POLICY_MIN_AGE: "-1",
      POLICY_NATIONALITIES_ALLOW: "NLD,NETHERLANDS",
      WARNING_POLICY: "no_such_warning=block,blur=maybe",
    });
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems;
    expect(problems.find((p) => p.startsWith("PRIVACY_URL:"))).toBeTruthy();
    expect(problems.find((p) => p.startsWith("POLICY_MIN_AGE:"))).toBeTruthy();
    expect(problems.find((p) => p.startsWith("POLICY_NATIONALITIES_ALLOW:"))).toContain("ICAO");
    expect(problems.filter((p) => p.startsWith("WARNING_POLICY:"))).toEqual([
      'WARNING_POLICY: unknown warning code "no_such_warning" (see contract/src/warning-catalogue.ts)',
      'WARNING_POLICY: "blur" needs one of block, retake, allow, got "maybe"',
    ]);
  });
});
