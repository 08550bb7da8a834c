import type { CustomerConfig } from "contract/customer-config";
import { DEFAULT_DOCUMENT_POLICY } from "contract/document-policy";
import { LOCALES, type Locale } from "contract/locales";
import { DEFAULT_WARNING_POLICY } from "contract/warning-policy";
import type { Env } from "../env";
import { consentTextVariable } from "./customer-env";

/** The customer's page settings from the validated environment (the same policy the server enforces on submit). */
export function customerConfigFromEnv(env: Env): CustomerConfig {
  const consentText: Partial<Record<Locale, string>> = {};
  for (const locale of LOCALES) {
    const text = (env as unknown as Record<string, string | undefined>)[consentTextVariable(locale)];
    if (text) consentText[locale] = text;
  }
  return {
    operatorName: env.OPERATOR_NAME ?? null,
    consentText,
    privacyUrl: env.PRIVACY_URL ?? null,
    documentPolicy: {
      ...DEFAULT_DOCUMENT_POLICY,
      rejectExpired: env.POLICY_REJECT_EXPIRED,
      minAge: env.POLICY_MIN_AGE,
      allowNationalities: env.POLICY_NATIONALITIES_ALLOW,
      denyNationalities: env.POLICY_NATIONALITIES_DENY,
    },
    warningPolicy: { ...DEFAULT_WARNING_POLICY, ...env.WARNING_POLICY },
  };
}
