import { useSyncExternalStore } from "react";

/** The languages the app ships. English is the source; every bundle must have every key in each locale. */
export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];

/** A feature's strings: the English object defines the keys, other locales must match them exactly. */
export type StringBundle<T extends Record<string, string>> = { en: T } & { [L in Exclude<Locale, "en">]: T };

export function defineStrings<T extends Record<string, string>>(bundle: StringBundle<T>): StringBundle<T> {
  return bundle;
}

/** Picks the first supported locale from the browser's preferences. */
export function detectLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith("zh")) return "zh-CN";
    if (lower.startsWith("en")) return "en";
  }
  return "en";
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
