/**
 * Characters OCR engines confuse on OCR-B MRZ text (O/0/Q/D, I/1/L, B/8, S/5, Z/2, G/6, "<"/K/X), and what a
 * substitution costs when the correction search weighs candidates: turning a letter back into a digit is the
 * likeliest repair (document numbers are mostly digits), the reverse a little less likely.
 */

/** Where only a digit may stand: the digit a letter most likely was. */
export const LETTER_TO_DIGIT: Readonly<Record<string, string>> = {
  O: "0",
  Q: "0",
  D: "0",
  U: "0",
  I: "1",
  L: "1",
  Z: "2",
  S: "5",
  G: "6",
  B: "8",
  A: "4",
};

/** Where only a letter may stand: the letters a digit may have been, likeliest first. */
export const DIGIT_TO_LETTERS: Readonly<Record<string, readonly string[]>> = {
  "0": ["O", "D", "Q"],
  "1": ["I", "L"],
  "2": ["Z"],
  "5": ["S"],
  "6": ["G"],
  "8": ["B"],
};

export interface Substitution {
  to: string;
  cost: number;
}

const LETTER_TO_DIGIT_COST = 1;
const DIGIT_TO_LETTER_COST = 1.2;
const LETTER_TO_LETTER_COST = 1.35;

// Every cost stays below 1.5 so that k substitutions always cost less than k + 1 (fewest changes win first).

/** In a field that may hold letters and digits: what each character may really have been, with its cost. */
export const ALNUM_SUBSTITUTIONS: Readonly<Record<string, readonly Substitution[]>> = {
  "0": [
    { to: "O", cost: DIGIT_TO_LETTER_COST },
    { to: "D", cost: DIGIT_TO_LETTER_COST + 0.1 },
    { to: "Q", cost: DIGIT_TO_LETTER_COST + 0.2 },
  ],
  O: [
    { to: "0", cost: LETTER_TO_DIGIT_COST },
    { to: "D", cost: LETTER_TO_LETTER_COST },
    { to: "Q", cost: LETTER_TO_LETTER_COST + 0.1 },
  ],
  D: [
    { to: "0", cost: LETTER_TO_DIGIT_COST },
    { to: "O", cost: LETTER_TO_LETTER_COST },
  ],
  Q: [
    { to: "0", cost: LETTER_TO_DIGIT_COST },
    { to: "O", cost: LETTER_TO_LETTER_COST },
  ],
  "1": [
    { to: "I", cost: DIGIT_TO_LETTER_COST },
    { to: "L", cost: DIGIT_TO_LETTER_COST + 0.1 },
  ],
  I: [
    { to: "1", cost: LETTER_TO_DIGIT_COST },
    { to: "L", cost: LETTER_TO_LETTER_COST },
  ],
  L: [
    { to: "1", cost: LETTER_TO_DIGIT_COST },
    { to: "I", cost: LETTER_TO_LETTER_COST },
  ],
  "2": [{ to: "Z", cost: DIGIT_TO_LETTER_COST }],
  Z: [{ to: "2", cost: LETTER_TO_DIGIT_COST }],
  "5": [{ to: "S", cost: DIGIT_TO_LETTER_COST }],
  S: [{ to: "5", cost: LETTER_TO_DIGIT_COST }],
  "8": [{ to: "B", cost: DIGIT_TO_LETTER_COST }],
  B: [{ to: "8", cost: LETTER_TO_DIGIT_COST }],
  // G/6 and K/"<" differ by 10 and 20 in value: no check digit can tell them apart, so they are never searched.
};

/**
 * Lookalikes whose values differ by a multiple of 10 (S=28/8, G=16/6, L=21/1, U=30/0): no check digit can tell them apart
 * in a letters-and-digits field, so the search never proposes them; lookalike-doubt.ts flags them instead.
 */
export const BLIND_LOOKALIKES: Readonly<Record<string, string>> = {
  S: "8",
  "8": "S",
  G: "6",
  "6": "G",
  L: "1",
  "1": "L",
  U: "0",
  "0": "U",
};

/**
 * Letters OCR-B draws alike whose values differ by 10 (M=22/W=32, G=16/Q=26, F=15/P=25, H=17/R=27), each with its
 * lookalike. In a number no check digit tells one from the other, and the number's shape cannot either (both are
 * letters): only another read of the characters can.
 */
export const BLIND_LOOKALIKE_LETTERS: Readonly<Record<string, string>> = {
  M: "W",
  W: "M",
  G: "Q",
  Q: "G",
  F: "P",
  P: "F",
  H: "R",
  R: "H",
};

/** Characters a filler "<" is misread as (K and X in OCR-B; L in "<<<" read as "KLK"). */
export const FILLER_LOOKALIKES_IN_NAMES: ReadonlySet<string> = new Set(["K", "X", "L"]);
export const FILLER_LOOKALIKES_IN_DATA: ReadonlySet<string> = new Set(["K", "X"]);

/** A digit read as another digit: rarer than a letter-digit lookalike, so dearer than any of them. */
export const DIGIT_TO_DIGIT_COST = 1.45;

/**
 * In a digits-only place (dates, check digits): the digits each digit is misread as in OCR-B when blurred or small
 * (closed and open bowls, 1/7). Measured on the offline engine's reads of hard generated photos (3/5, 4/6, 0/6 via
 * O) and completed with the pairs of the same shapes. Only the check digits and dates' own checks can justify one.
 */
const DIGIT_NEIGHBOURS: Readonly<Record<string, string>> = {
  "0": "689",
  "1": "7",
  "3": "589",
  "4": "6",
  "5": "36",
  "6": "0458",
  "7": "1",
  "8": "0369",
  "9": "038",
};

export const DIGIT_SUBSTITUTIONS: Readonly<Record<string, readonly Substitution[]>> = Object.fromEntries(
  Object.entries(DIGIT_NEIGHBOURS).map(([digit, others]) => [
    digit,
    [...others].map((to) => ({ to, cost: DIGIT_TO_DIGIT_COST })),
  ]),
);

/** A check digit read as a letter no digit looks like: any digit, none likelier than another. */
export const UNREADABLE_CHECK_DIGIT: readonly Substitution[] = [..."0123456789"].map((to) => ({
  to,
  cost: DIGIT_TO_DIGIT_COST,
}));
