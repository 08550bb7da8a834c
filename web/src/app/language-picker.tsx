import { LOCALES, type Locale } from "contract/locales";
import { setLocale, useLocale, useStrings } from "../i18n/i18n";
import { captureStrings } from "../i18n/strings/capture";

/** Each language in its own words (a person who reads only that language must find it). */
const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-CN": "简体中文", "zh-TW": "繁體中文" };

export function LanguagePicker() {
  const locale = useLocale();
  const t = useStrings(captureStrings);
  return (
    <label className="language">
      <span className="visually-hidden">{t.language}</span>
      <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)} aria-label={t.language}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
