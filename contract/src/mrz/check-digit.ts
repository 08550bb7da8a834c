/** ICAO 9303 check digits: weights 7, 3, 1 repeating; 0-9 -> 0-9, A-Z -> 10-35, "<" -> 0; sum mod 10. */

const WEIGHTS = [7, 3, 1] as const;

/** The value of one MRZ character, or -1 for a character an MRZ cannot hold. */
export function charValue(char: string): number {
  const code = char.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 65 && code <= 90) return code - 55; // A-Z
  if (code === 60) return 0; // <
  return -1;
}

/** Weight of the character at `index` (0-based) inside the guarded string. */
export function weightAt(index: number): number {
  return WEIGHTS[index % 3] ?? 7;
}

/** The check digit (0-9) of `value`; throws on a character an MRZ cannot hold. */
export function checkDigit(value: string): number {
  let sum = 0;
  for (let i = 0; i < value.length; i++) {
    const v = charValue(value.charAt(i));
    if (v < 0) throw new RangeError(`Character "${value.charAt(i)}" cannot appear in an MRZ`);
    sum += v * weightAt(i);
  }
  return sum % 10;
}
