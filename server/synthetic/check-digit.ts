const WEIGHTS = [7, 3, 1] as const;

function charValue(char: string): number {
  if (char === "<") return 0;
  const code = char.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  throw new RangeError(`not an MRZ character: ${JSON.stringify(char)}`);
}

/** ICAO 9303 check digit: weights 7,3,1 repeating, 0-9 -> 0-9, A-Z -> 10-35, < -> 0, sum mod 10. */
export function checkDigit(field: string): string {
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    sum += charValue(field.charAt(i)) * (WEIGHTS[i % 3] ?? 0);
  }
  return String(sum % 10);
}
