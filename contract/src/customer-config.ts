import { DEFAULT_DOCUMENT_POLICY, type DocumentPolicy } from "./document-policy";
import type { Locale } from "./locales";
import { DEFAULT_WARNING_POLICY, type WarningPolicy } from "./warning-policy";

/** Where the customer's page reads the operator's settings (public: no secrets, served from the validated env). */
export const CUSTOMER_CONFIG_PATH = "/api/customer/config";

/** The operator's settings the customer's page needs: the consent intro's words and the policies it applies. */
export interface CustomerConfig {
  /** Who asks for the passport, named in the intro; null: the app's words without a name. */
  operatorName: string | null;
  /** The operator's consent text in the locales it was given in; other locales show the app's own words. */
  consentText: Partial<Record<Locale, string>>;
  /** The operator's privacy notice, linked from the intro. */
  privacyUrl: string | null;
  documentPolicy: DocumentPolicy;
  warningPolicy: WarningPolicy;
}

export const DEFAULT_CUSTOMER_CONFIG: CustomerConfig = {
  operatorName: null,
  consentText: {},
  privacyUrl: null,
  documentPolicy: DEFAULT_DOCUMENT_POLICY,
  warningPolicy: DEFAULT_WARNING_POLICY,
};
