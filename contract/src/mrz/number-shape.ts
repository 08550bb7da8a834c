/**
 * How document and personal numbers are issued, as a prior the correction search adds to each candidate's cost: it
 * decides between readings the check digits cannot tell apart. A mixture of the shapes issuers use:
 *
 * - digits only ("123456789");
 * - one to three letters, then digits ("E12345678", "EA1234567");
 * - letters and digits mixed, with none of the letters OCR takes for digits ("C01X00T47", "L898902C3"): schemes
 *   that mix letters and digits leave B, D, I, O, Q, S and Z out because they read as 8, 0, 1, 0, 0, 5 and 2
 *   (Germany's since 2007, for one);
 * - anything else (a confusable letter among digits, a filler inside the data): possible, but rare, and then
 *   letters and digits still tend to come in runs ("ZE184226B" rather than "ZE1B4226B").
 *
 * The cost is -ln P(text), scaled so that one unit is about one OCR confusion, and offset so that a string of
 * digits costs nothing; candidates of the same length compare by how likely each shape is.
 */

const WEIGHTS = { digits: 0.5, prefixed: 0.3, mixed: 0.15, other: 0.05 };
/** Nats per unit of substitution cost (a confusion costs 1-1.45 units: about a 1-in-20 event). */
const NATS_PER_UNIT = 3;

const UNAMBIGUOUS_LETTERS = 19; // A-Z without B D I O Q S Z
const DIGIT_LOOKALIKE_LETTERS = /[BDIOQSZ]/;
const MAX_PREFIX = 3;

type Kind = "letter" | "digit" | "filler";
const SIZE: Record<Kind, number> = { letter: 26, digit: 10, filler: 1 };
const FIRST: Record<Kind, number> = { letter: 0.45, digit: 0.5, filler: 0.05 };
/** A letter or digit is followed by one of its kind 3 times in 4; a filler inside the data is rare. */
const NEXT: Record<Kind, Record<Kind, number>> = {
  letter: { letter: 0.75, digit: 0.2, filler: 0.05 },
  digit: { letter: 0.2, digit: 0.75, filler: 0.05 },
  filler: { letter: 0.25, digit: 0.25, filler: 0.5 },
};
const kindOf = (c: string): Kind => (c >= "0" && c <= "9" ? "digit" : c === "<" ? "filler" : "letter");

/** P(data) * 10^n when characters come in runs of their kind (a first-order chain over letter, digit, filler). */
function inRuns(data: string): number {
  let p = 1;
  let previous: Kind | null = null;
  for (const c of data) {
    const kind = kindOf(c);
    p *= ((previous === null ? FIRST[kind] : NEXT[previous][kind]) * 10) / SIZE[kind];
    previous = kind;
  }
  return p;
}

/** The prior cost of a letters-and-digits field's text (trailing fillers are padding). */
export function numberShapeCost(text: string): number {
  const data = text.replace(/<+$/, "");
  const n = data.length;
  if (n === 0) return 0;
  // Each term is P(data | shape) * 10^n, the probability relative to one particular string of n digits.
  let p = WEIGHTS.other * inRuns(data);
  const firstNonLetter = data.search(/[^A-Z]/);
  const letters = firstNonLetter < 0 ? n : firstNonLetter;
  const rest = data.slice(letters);
  if (/^[0-9]*$/.test(rest)) {
    if (letters === 0) p += WEIGHTS.digits;
    else if (letters <= MAX_PREFIX) p += (WEIGHTS.prefixed / MAX_PREFIX) * (10 / 26) ** letters;
  }
  if (/^[0-9A-Z]*$/.test(data) && !DIGIT_LOOKALIKE_LETTERS.test(data)) {
    p += WEIGHTS.mixed * (10 / (10 + UNAMBIGUOUS_LETTERS)) ** n;
  }
  return Math.max(0, -Math.log(p / WEIGHTS.digits) / NATS_PER_UNIT);
}
