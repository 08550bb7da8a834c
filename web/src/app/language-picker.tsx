import { LOCALES, type Locale, setLocale, useLocale, useStrings } from "../i18n/i18n";
import { captureStrings } from "../i18n/strings/capture";

const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-CN": "中文" };

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
