/** Calendar dates as documents print them (ISO YYYY-MM-DD), judged in whole UTC days. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export interface CalendarDate {
  /** Days since 1970-01-01. */
  day: number;
  year: number;
  month: number;
  date: number;
}

/** A full ISO date (no unknown `XX` parts) as a day number; null when incomplete or impossible (2026-02-30). */
export function calendarDate(iso: string | null | undefined): CalendarDate | null {
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

/** `today`'s UTC calendar day as a day number. */
export function dayNumber(today: Date): number {
  return Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) / DAY_MS;
}

/** Age in whole years on `today` of someone born on `birth` (the birthday counts from its day). */
export function ageOn(birth: CalendarDate, today: Date): number {
  const month = today.getUTCMonth() + 1;
  const date = today.getUTCDate();
  const hadBirthday = month > birth.month || (month === birth.month && date >= birth.date);
  return today.getUTCFullYear() - birth.year - (hadBirthday ? 0 : 1);
}
