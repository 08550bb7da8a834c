/**
 * The languages the product ships, in the order a language picker lists them. English is the source language; the
 * web app has every string in each of them, and a session's `locale` is one of them.
 */
export const LOCALES = ["en", "zh-CN", "zh-TW"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/**
 * The supported locale closest to a BCP 47 tag: Traditional Chinese for zh-TW, zh-HK, zh-MO and any zh-Hant, other
 * Chinese as Simplified, English for en-*; null for anything else.
 */
export function closestLocale(tag: string): Locale | null {
  const lower = tag.toLowerCase();
  if (lower === "zh" || lower.startsWith("zh-")) {
    return /^zh-(hant|tw|hk|mo)(-|$)/.test(lower) || lower.includes("-hant") ? "zh-TW" : "zh-CN";
  }
  if (lower === "en" || lower.startsWith("en-")) return "en";
  return null;
}
