import type { Locale } from "contract/locales";
import type { Warning } from "contract/warning";
import { isWarningCode } from "contract/warning-catalogue";
import type { warningStrings } from "../../i18n/strings/review";

export interface WarningWords {
  title: string;
  message: string;
  action: string | undefined;
}

/**
 * A warning in the reader's language: the catalogue's title, and in English the server's own message and action
 * (they may name the measured values); other languages use the translation. Unknown codes keep the server's words.
 */
export function warningWords(warning: Warning, words: (typeof warningStrings)[Locale], locale: Locale): WarningWords {
  if (!isWarningCode(warning.code)) return { title: warning.code, message: warning.message, action: warning.action };
  const code = warning.code;
  return {
    title: words[`${code}.title`],
    message: locale === "en" ? warning.message : words[`${code}.message`],
    action: locale === "en" && warning.action ? warning.action : words[`${code}.action`],
  };
}
