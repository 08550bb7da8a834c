/**
 * Dates as printed in a passport's visual zone: "11 Apr 1990", "11 APR/AVR 1990", "11.04.1990", "1990-04-11",
 * "19900411", "1990年4月11日". Returns every ISO date the text can mean ("04/05/1990" is read both ways), or
 * an empty list when it cannot be parsed (then nothing is compared).
 */

const MONTHS: Readonly<Record<string, number>> = {
  JAN: 1,
  JANV: 1,
  JANVIER: 1,
  JANUARY: 1,
  ENE: 1,
  GEN: 1,
  JANUAR: 1,
  FEB: 2,
  FEV: 2,
  FEVR: 2,
  FEBRUARY: 2,
  FEBRUAR: 2,
  MAR: 3,
  MARS: 3,
  MARCH: 3,
  MRZ: 3,
  MAERZ: 3,
  MARZ: 3,
  APR: 4,
  AVR: 4,
  APRIL: 4,
  ABR: 4,
  AVRIL: 4,
  MAY: 5,
  MAI: 5,
  MAG: 5,
  JUN: 6,
  JUIN: 6,
  JUNE: 6,
  JUNI: 6,
  GIU: 6,
  JUL: 7,
  JUIL: 7,
  JULY: 7,
  JULI: 7,
  LUG: 7,
  AUG: 8,
  AOU: 8,
  AOUT: 8,
  AUGUST: 8,
  AGO: 8,
  SEP: 9,
  SEPT: 9,
  SEPTEMBER: 9,
  SET: 9,
  OCT: 10,
  OKT: 10,
  OCTOBER: 10,
  OKTOBER: 10,
  OTT: 10,
  NOV: 11,
  NOVEMBER: 11,
  DEC: 12,
  DEZ: 12,
  DIC: 12,
  DECEMBER: 12,
  DEZEMBER: 12,
};

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function parseVisualZoneDate(text: string): string[] {
  const t = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .trim();
  if (t === "") return [];
  let m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/.exec(t);
  if (m) return [iso(Number(m[1]), Number(m[2]), Number(m[3]))].filter((d): d is string => d !== null);
  m = /^(\d{4})[-./ ]?(\d{2})[-./ ]?(\d{2})$/.exec(t);
  if (m) return [iso(Number(m[1]), Number(m[2]), Number(m[3]))].filter((d): d is string => d !== null);
  m = /^(\d{1,2})[\s.\-/]*([A-Z][A-Z\s/.]*?)[\s.\-/]*(\d{4})$/.exec(t);
  if (m) {
    const words = (m[2] ?? "").split(/[\s/.]+/).filter(Boolean);
    const month = words.map((w) => MONTHS[w]).find((v) => v !== undefined);
    if (month === undefined) return [];
    return [iso(Number(m[3]), month, Number(m[1]))].filter((d): d is string => d !== null);
  }
  m = /^(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{4})$/.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    const both = [iso(y, b, a), iso(y, a, b)].filter((d): d is string => d !== null);
    return [...new Set(both)];
  }
  return [];
}
