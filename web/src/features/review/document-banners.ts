import { ageOn, calendarDate, dayNumber } from "contract/calendar-date";
import type { DocumentFields } from "contract/result";

/** Many countries refuse entry on a passport valid for less than six months; KYC desks use the same horizon. */
export const EXPIRING_SOON_DAYS = 183;
export const ADULT_AGE = 18;

export type DocumentBanner =
  | { kind: "expired"; expiryDate: string; daysAgo: number }
  | { kind: "expiring-soon"; expiryDate: string; daysLeft: number }
  | { kind: "under-18"; birthDate: string; age: number };

/** Banners for the document as a whole, judged on `today` (a UTC calendar date). */
export function documentBanners(document: DocumentFields, today: Date): DocumentBanner[] {
  const now = dayNumber(today);
  const banners: DocumentBanner[] = [];
  const expiry = calendarDate(document.expiryDate);
  if (expiry && document.expiryDate) {
    if (expiry.day < now) banners.push({ kind: "expired", expiryDate: document.expiryDate, daysAgo: now - expiry.day });
    else if (expiry.day - now <= EXPIRING_SOON_DAYS)
      banners.push({ kind: "expiring-soon", expiryDate: document.expiryDate, daysLeft: expiry.day - now });
  }
  const birth = calendarDate(document.birthDate);
  if (birth && document.birthDate) {
    const age = ageOn(birth, today);
    if (age >= 0 && age < ADULT_AGE) banners.push({ kind: "under-18", birthDate: document.birthDate, age });
  }
  return banners;
}
