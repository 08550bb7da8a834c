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

const DIGITS2 = /^\d\d$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Birth dates are never in the future (19yy when 20yy would be after `today`); expiry dates may lie up to
 * 20 years ahead of `today` (beyond that, 19yy).
 */
export function resolveMrzDate(yymmdd: string, role: DateRole, today: Date): ResolvedDate {
  if (/^<{6}$/.test(yymmdd)) return { iso: null, invalid: false, partial: false };
  const yy = yymmdd.slice(0, 2);
  const mm = yymmdd.slice(2, 4);
  const dd = yymmdd.slice(4, 6);
  const monthUnknown = mm === "<<";
  const dayUnknown = dd === "<<";
  if (yymmdd.length !== 6 || !DIGITS2.test(yy) || (!monthUnknown && !DIGITS2.test(mm))) {
    return { iso: null, invalid: true, partial: false };
  }
  if (!dayUnknown && !DIGITS2.test(dd)) return { iso: null, invalid: true, partial: false };
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
