import { closestLocale, DEFAULT_LOCALE, type Locale } from "contract/locales";
import { useSyncExternalStore } from "react";

/** A feature's strings in every locale the contract lists: English defines the keys, the others match them exactly. */
export type StringBundle<T extends Record<string, string>> = { en: T } & { [L in Exclude<Locale, "en">]: T };

export function defineStrings<T extends Record<string, string>>(bundle: StringBundle<T>): StringBundle<T> {
  return bundle;
}

/** Picks the first supported locale from the browser's preferences. */
export function detectLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const locale = closestLocale(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

let current: Locale = typeof navigator === "undefined" ? "en" : detectLocale(navigator.languages ?? []);
const listeners = new Set<() => void>();

export function setLocale(locale: Locale): void {
  current = locale;
  if (typeof document !== "undefined") document.documentElement.lang = locale;
  for (const listener of listeners) listener();
}

export function getLocale(): Locale {
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current locale; re-renders when it changes. */
export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, getLocale, getLocale);
}

/** The strings of one bundle in the current locale. */
export function useStrings<T extends Record<string, string>>(bundle: StringBundle<T>): T {
  return bundle[useLocale()];
}

/** Fills `{name}` placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
