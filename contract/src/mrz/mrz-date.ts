/** Turns an MRZ YYMMDD date into ISO, resolving the century and keeping unknown parts as "XX". */

export type DateRole = "birth" | "expiry";

export interface ResolvedDate {
  /** ISO YYYY-MM-DD (unknown month or day as "XX"), or null when empty or not a real date. */
  iso: string | null;
  /** True when the characters cannot be a calendar date (month 13, 31 April, letters, ...). */
  invalid: boolean;
  /** True when the day and/or month are unknown ("<<" in the MRZ). */
  partial: boolean;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS[month - 1] ?? 31);
}

function twoDigits(s: string): boolean {
  if (s.length !== 2) return false;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(1);
  return a >= 48 && a <= 57 && b >= 48 && b <= 57;
}

/**
 * Birth dates are never in the future (19yy when 20yy would be after `today`); expiry dates may lie up to
 * 20 years ahead of `today` (beyond that, 19yy).
 */
export function resolveMrzDate(yymmdd: string, role: DateRole, today: Date): ResolvedDate {
  if (yymmdd === "<<<<<<") return { iso: null, invalid: false, partial: false };
  const yy = yymmdd.slice(0, 2);
  const mm = yymmdd.slice(2, 4);
  const dd = yymmdd.slice(4, 6);
  const monthUnknown = mm === "<<";
  const dayUnknown = dd === "<<";
  if (yymmdd.length !== 6 || !twoDigits(yy) || (!monthUnknown && !twoDigits(mm))) {
    return { iso: null, invalid: true, partial: false };
  }
  if (!dayUnknown && !twoDigits(dd)) return { iso: null, invalid: true, partial: false };
  if (monthUnknown && !dayUnknown) return { iso: null, invalid: true, partial: false };

  const y2 = Number(yy);
  const month = monthUnknown ? null : Number(mm);
  const day = dayUnknown ? null : Number(dd);
  if (month !== null && (month < 1 || month > 12)) return { iso: null, invalid: true, partial: false };

  const thisYear = today.getUTCFullYear();
  let year: number;
  if (role === "birth") {
    year = 2000 + y2;
    const candidate = Date.UTC(year, (month ?? 1) - 1, day ?? 1);
    const todayUtc = Date.UTC(thisYear, today.getUTCMonth(), today.getUTCDate());
    if (candidate > todayUtc) year -= 100;
  } else {
    year = 2000 + y2 > thisYear + 20 ? 1900 + y2 : 2000 + y2;
  }
  if (month !== null && day !== null && (day < 1 || day > daysInMonth(year, month))) {
    return { iso: null, invalid: true, partial: false };
  }
  const iso = `${String(year)}-${month === null ? "XX" : mm}-${day === null ? "XX" : dd}`;
  return { iso, invalid: false, partial: month === null || day === null };
}
