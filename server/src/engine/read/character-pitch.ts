import type { OcrLine } from "./ocr-line";

/** One recognised character, its confidence (0..1), and the centre and width of its box along the line (pixels). */
export interface PlacedChar {
  ch: string;
  confidence: number;
  centre: number;
  width: number;
}

/**
 * An inner gap of at least this many pitches held round(gap) - 1 characters the recogniser missed. Measured on 180
 * training-range photos (clean, moderate, hard; block mode): of 12 324 gaps between correctly read neighbours none
 * reached 1.6 pitches (largest 1.57, 99.9th percentile 1.12); gaps over one missed character measured 1.9-2.05.
 */
export const MISSED_GAP = 1.75;
/**
 * A box at least this many pitches wide, centred between two cells (BETWEEN_CELLS), holds its character
 * twice: the recogniser's decoding merges a repeated character it sees no gap in (1111 read as 111 with one box over
 * two glyphs). Single glyphs measure under one pitch (their ink); the merged pair on a real photo measured 1.7.
 * Fillers are left alone: their boxes inside a run are spaced at random and the length fit settles their count
 * (doubling them cost two low-resolution validation photos their read).
 */
export const MERGED_BOX = 1.4;
/** A merged pair's box is centred between two cells: this many pitches or more from each neighbour's centre (1.5
 *  where the pair is printed; a wide single glyph sits about one pitch from one of them). */
const BETWEEN_CELLS = 1.25;
/** Fewer characters than this give no reliable pitch: the line is left as read. */
const MIN_CHARS = 8;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

/** Boxes at the ends of a line are unreliable (the recogniser stretches the first and last over the margin and any
 *  print beside the text): this many gaps at each end are never taken for missed characters. */
const END_GAPS = 2;

/**
 * MRZ text is monospaced: every character sits one pitch from the next. Each character missed inside a recognised
 * line (a gap of about two pitches or more between two boxes) is put back as a filler `<` with confidence 0, in its
 * place, so the fields after it stay aligned for the length fit and the check digits, and a field holding it is
 * reported as unsure (low_confidence), never as read. A repeated character read once in a box two pitches wide
 * (MERGED_BOX) is put back twice, the copy unsure too.
 */
export function fitToPitch(chars: readonly PlacedChar[]): OcrLine {
  const out: PlacedChar[] = [];
  const pitch = chars.length >= MIN_CHARS ? median(chars.slice(1).map((c, i) => c.centre - chars[i]!.centre)) : 0;
  for (const [i, c] of chars.entries()) {
    if (pitch <= 0 || i < END_GAPS || i >= chars.length - 1 - END_GAPS) {
      out.push(c);
      continue;
    }
    const next = chars[i + 1]!;
    // Both neighbours must be inner characters too: the first and last boxes' centres are not where they are printed.
    const between = i > END_GAPS ? Math.min(c.centre - chars[i - 1]!.centre, next.centre - c.centre) / pitch : 0;
    if (c.ch !== "<" && c.width / pitch >= MERGED_BOX && between >= BETWEEN_CELLS) {
      const half = (c.width - pitch) / 2;
      out.push({ ...c, centre: c.centre - half }, { ...c, confidence: 0, centre: c.centre + half });
    } else out.push(c);
    const gap = (next.centre - out[out.length - 1]!.centre) / pitch;
    if (gap < MISSED_GAP) continue;
    const from = out[out.length - 1]!.centre;
    for (let m = 1; m < Math.round(gap); m++) out.push({ ch: "<", confidence: 0, centre: from + m * pitch, width: 0 });
  }
  return { text: out.map((c) => c.ch).join(""), confidences: out.map((c) => c.confidence) };
}
