import { useLocale } from "../../i18n/i18n";
import { formatDateTime } from "../../lib/format-time";

/** A moment in the reader's locale, machine-readable too. */
export function SessionTime({ iso }: { iso: string }) {
  const locale = useLocale();
  return <time dateTime={iso}>{formatDateTime(iso, locale)}</time>;
}
