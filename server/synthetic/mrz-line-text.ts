import { randomCardData, randomPassportData } from "./passport-data";
import type { Random } from "./random";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** Text for a training or evaluation line: mostly real TD3 lines, some random strings over the whole MRZ alphabet
 *  (so the model learns glyphs, not only the TD3 structure), a few TD1/TD2 lengths. */
export function randomMrzLineText(rng: Random): string {
  const roll = rng.float();
  if (roll < 0.75) {
    const data = randomPassportData(rng);
    return data.mrzLines[rng.int(0, 1)] ?? "";
  }
  return randomAlphabetLine(rng, roll < 0.92 ? 44 : rng.pick([30, 36]));
}

/** A random string over the whole MRZ alphabet, with runs of fillers. */
function randomAlphabetLine(rng: Random, length: number): string {
  let text = "";
  while (text.length < length) {
    if (rng.chance(0.12)) text += "<".repeat(rng.int(1, 6));
    else text += ALPHABET.charAt(rng.int(0, ALPHABET.length - 1));
  }
  return text.slice(0, length);
}

/** Text for a "field" line (issue 16): TD3 lines, card lines (TD1, TD2) and random strings, a third each. */
export function randomFieldLineText(rng: Random): string {
  const roll = rng.float();
  if (roll < 0.34) return randomMrzLineText(rng);
  if (roll < 0.67) {
    const data = randomCardData(rng, rng.chance(0.5) ? "TD1" : "TD2");
    return data.mrzLines[rng.int(0, data.mrzLines.length - 1)] ?? "";
  }
  return randomAlphabetLine(rng, rng.pick([30, 36, 44]));
}
