import type { DocumentFields } from "contract/result";

/** Many countries refuse entry on a passport valid for less than six months; KYC desks use the same horizon. */
export const EXPIRING_SOON_DAYS = 183;
export const ADULT_AGE = 18;

export type DocumentBanner =
  | { kind: "expired"; expiryDate: string; daysAgo: number }
  | { kind: "expiring-soon"; expiryDate: string; daysLeft: number }
  | { kind: "under-18"; birthDate: string; age: number };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Parses a full ISO date (no unknown `XX` parts) to a UTC day number; null when incomplete or impossible. */
function utcDay(iso: string | null): { day: number; year: number; month: number; date: number } | null {
  const match = iso ? ISO_DATE.exec(iso) : null;
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const date = Number(match[3]);
  const time = Date.UTC(year, month - 1, date);
  const check = new Date(time);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
  return { day: time / DAY_MS, year, month, date };
}

/** Banners for the document as a whole, judged on `today` (a UTC calendar date). */
export function documentBanners(document: DocumentFields, today: Date): DocumentBanner[] {
  const now = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) / DAY_MS;
  const banners: DocumentBanner[] = [];
  const expiry = utcDay(document.expiryDate);
  if (expiry && document.expiryDate) {
    if (expiry.day < now) banners.push({ kind: "expired", expiryDate: document.expiryDate, daysAgo: now - expiry.day });
    else if (expiry.day - now <= EXPIRING_SOON_DAYS)
      banners.push({ kind: "expiring-soon", expiryDate: document.expiryDate, daysLeft: expiry.day - now });
  }
  const birth = utcDay(document.birthDate);
  if (birth && document.birthDate) {
    const month = today.getUTCMonth() + 1;
    const date = today.getUTCDate();
    const hadBirthday = month > birth.month || (month === birth.month && date >= birth.date);
    const age = today.getUTCFullYear() - birth.year - (hadBirthday ? 0 : 1);
    if (age >= 0 && age < ADULT_AGE) banners.push({ kind: "under-18", birthDate: document.birthDate, age });
  }
  return banners;
}
