/** A run of text rows (top inclusive, bottom exclusive) in an upright raster. */
export interface TextRow {
  top: number;
  bottom: number;
}

/** Shortest row over tallest that still counts as one height: blur and sampling move a row's edges by a pixel or two. */
const HEIGHT_AGREEMENT = 0.75;
/** Narrowest spacing over widest (centre to centre) that still counts as one pitch. */
const SPACING_AGREEMENT = 0.8;

const height = (r: TextRow) => r.bottom - r.top;
const centre = (r: TextRow) => (r.top + r.bottom) / 2;

/** The rows share one height, and (three or more) one spacing. */
function printedAlike(rows: readonly TextRow[]): boolean {
  const heights = rows.map(height);
  if (Math.min(...heights) < HEIGHT_AGREEMENT * Math.max(...heights)) return false;
  const spacings = rows.slice(1).map((r, i) => centre(r) - centre(rows[i]!));
  return spacings.length < 2 || Math.min(...spacings) >= SPACING_AGREEMENT * Math.max(...spacings);
}

/**
 * The MRZ's lines among the text rows found across a band. ICAO 9303 prints them at one height and one line pitch; a
 * line of the page's printed text beside the band (the date of issue above a skewed passport's MRZ) breaks one or the
 * other, and counted as a third MRZ line it makes a passport's band look like a card's. Of three or more rows that do
 * not all agree, keeps the longest run of neighbouring rows that does, the taller run on a tie; rows that agree, and
 * rows of which no two neighbours agree, are kept as they are.
 */
export function mrzRows(rows: readonly TextRow[]): TextRow[] {
  if (rows.length < 3 || printedAlike(rows)) return [...rows];
  let best: TextRow[] = [];
  const meanHeight = (run: readonly TextRow[]) => run.reduce((s, r) => s + height(r), 0) / run.length;
  for (let from = 0; from < rows.length - 1; from++) {
    for (let to = from + 2; to <= rows.length; to++) {
      const run = rows.slice(from, to);
      if (!printedAlike(run)) break;
      const longer = run.length > best.length;
      if (longer || (run.length === best.length && meanHeight(run) > meanHeight(best))) best = run;
    }
  }
  return best.length >= 2 ? best : [...rows];
}
