import { BLIND_LOOKALIKES } from "./confusions";
import { NUMBER_FIELDS } from "./mrz-layout";
import { numberShapeCost } from "./number-shape";
import type { MrzField, MrzReport } from "./types";

/**
 * A letter and a digit whose values differ by a multiple of 10 (S/8, G/6, L/1, U/0) look the same to every check digit.
 * When a number holds one of them and swapping it would give the number a much more usual shape ("8D6798658" against
 * "SD6798658"), the check digit cannot vouch for that character: the read is flagged for a person to compare.
 */
export interface LookalikeDoubt {
  field: MrzField["name"];
  line: number;
  column: number;
  read: string;
  alternative: string;
}

/** How much likelier (in substitution units, see number-shape.ts) the alternative must be before a read is doubted. */
const DOUBT_MARGIN = 1;

export function lookalikeDoubts(report: MrzReport): LookalikeDoubt[] {
  const doubts: LookalikeDoubt[] = [];
  for (const field of report.fields) {
    if (!NUMBER_FIELDS.has(field.name) || (field.state !== "verified" && field.state !== "corrected")) continue;
    // The number as the check digit sees it: a TD1 long number's filler gap does not count.
    const columns = [...field.raw].flatMap((c, i) => (c === "<" && field.name === "documentNumber" ? [] : [i]));
    const text = columns.map((i) => field.raw.charAt(i)).join("");
    const readCost = numberShapeCost(text);
    let best: { cost: number; at: number; to: string } | null = null;
    for (const [k, i] of columns.entries()) {
      const to = BLIND_LOOKALIKES[field.raw.charAt(i)];
      if (to === undefined) continue;
      const cost = numberShapeCost(text.slice(0, k) + to + text.slice(k + 1));
      if (cost + DOUBT_MARGIN < readCost && (best === null || cost < best.cost)) best = { cost, at: i, to };
    }
    if (best === null) continue;
    doubts.push({
      field: field.name,
      line: field.line,
      column: field.start + best.at,
      read: field.raw,
      alternative: field.raw.slice(0, best.at) + best.to + field.raw.slice(best.at + 1),
    });
  }
  return doubts;
}
