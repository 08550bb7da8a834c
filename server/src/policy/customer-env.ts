import { LOCALES, type Locale } from "contract/locales";
import { isWarningCode, type WarningCode } from "contract/warning-catalogue";
import { WARNING_ACTIONS, type WarningAction } from "contract/warning-policy";
import { z } from "zod";

/**
 * The operator's settings for the customer's page, from the environment (validated with the rest in env.ts):
 * the consent intro's words and link, the document policy and the per-warning policy.
 */

const optionalText = z
  .string()
  .trim()
  .max(4000)
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/** CONSENT_TEXT_EN, CONSENT_TEXT_ZH_CN, CONSENT_TEXT_ZH_TW: one variable per locale the contract lists. */
export const consentTextVariable = (locale: Locale) => `CONSENT_TEXT_${locale.toUpperCase().replace(/-/g, "_")}`;

const consentTextShape = Object.fromEntries(LOCALES.map((locale) => [consentTextVariable(locale), optionalText]));

const booleanFlag = (fallback: boolean) =>
  z
    .enum(["true", "false", ""])
    .default(fallback ? "true" : "false")
    .transform((v) => (v === "" ? fallback : v === "true"));

/** Comma-separated ICAO nationality codes ("NLD, D, GBR"). */
const nationalityList = z
  .string()
  .default("")
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim().toUpperCase())
      .filter(Boolean),
  )
  .refine((codes) => codes.every((c) => /^[A-Z][A-Z<]{0,2}$/.test(c)), {
    message: "must be comma-separated ICAO country codes of 1-3 letters, e.g. NLD,D,GBR",
  });

/** `code=action,code=action`: overrides of the default per-warning policy. */
const warningPolicyOverrides = z
  .string()
  .default("")
  .transform((v, ctx) => {
    const overrides: Partial<Record<WarningCode, WarningAction>> = {};
    for (const entry of v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)) {
      const [code = "", action = ""] = entry.split("=").map((s) => s.trim());
      if (!isWarningCode(code)) {
        ctx.addIssue({
          code: "custom",
          message: `unknown warning code "${code}" (see contract/src/warning-catalogue.ts)`,
        });
      } else if (!(WARNING_ACTIONS as readonly string[]).includes(action)) {
        ctx.addIssue({
          code: "custom",
          message: `"${code}" needs one of ${WARNING_ACTIONS.join(", ")}, got "${action}"`,
        });
      } else overrides[code] = action as WarningAction;
    }
    return overrides;
  });

export const customerEnvShape = {
  /** Who asks for the passport, named in the consent intro. */
  OPERATOR_NAME: optionalText,
  ...(consentTextShape as Record<`CONSENT_TEXT_${string}`, typeof optionalText>),
  /** The operator's privacy notice, linked from the intro. */
  PRIVACY_URL: z
    .url({ protocol: /^https?$/, error: "PRIVACY_URL must be an http(s) URL" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Refuse expired passports (default true). */
  POLICY_REJECT_EXPIRED: booleanFlag(true),
  /** The holder's least age in years; 0 (default) accepts any age. */
  POLICY_MIN_AGE: z.coerce.number().int().min(0).max(150).default(0),
  POLICY_NATIONALITIES_ALLOW: nationalityList,
  POLICY_NATIONALITIES_DENY: nationalityList,
  /** Per-warning overrides, e.g. `blur=block,glare_portrait=allow`. */
  WARNING_POLICY: warningPolicyOverrides,
};
