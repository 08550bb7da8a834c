import type { Quad } from "contract/geometry";
import type { MrzReport } from "contract/mrz/types";
import type { RgbImage } from "../image/raster";
import { glareCellShares, glareMaxCellShare, paperLuma } from "./capture-quality";
import { QUALITY_THRESHOLDS } from "./quality-thresholds";

/** Cells along each MRZ line the glare is measured in (a TD3 line's cell holds five or six characters). */
export const MRZ_GLARE_CELLS = 8;

/** Glare measured once per read: over the MRZ cell by cell (a row of cells per text line) and over the portrait. */
export interface GlareMeasure {
  /** Share of glare pixels per cell, one row per MRZ line in reading order, MRZ_GLARE_CELLS along it. */
  mrzCells: number[][];
  /** The largest MRZ cell share. */
  mrz: number;
  /** The largest share in a 3 x 4 grid over the portrait. */
  portrait: number;
}

/** Measured on the overview (`factor` image pixels per overview pixel); the quads in image pixels, `text` in reading
 *  order (its first edge runs along line 1). */
export function measureGlare(args: {
  overview: { image: RgbImage; factor: number };
  text: Quad;
  page: Quad;
  portrait: Quad;
  lines: number;
}): GlareMeasure {
  const { image, factor } = args.overview;
  const scaled = (q: Quad): Quad => q.map((p) => ({ x: p.x / factor, y: p.y / factor })) as Quad;
  const paper = paperLuma(image, scaled(args.page));
  const mrzCells = glareCellShares(image, scaled(args.text), [MRZ_GLARE_CELLS, args.lines], paper);
  return {
    mrzCells,
    mrz: Math.max(0, ...mrzCells.flat()),
    portrait: glareMaxCellShare(image, scaled(args.portrait), [3, 4], paper),
  };
}

/**
 * The fields no check digit guards that a glare cell over the threshold covers, in part: glare half hides a letter
 * and the recogniser can read another one, sure of it (0459), so a person compares them. Fields a check digit
 * guards are left to it.
 */
export function fieldsUnderGlare(report: MrzReport, mrzCells: readonly (readonly number[])[]): string[] {
  const length = report.lines[0]?.length ?? 0;
  if (length === 0) return [];
  return report.fields
    .filter((f) => f.state === "unchecked" && f.end > f.start)
    .filter((f) => {
      const row = mrzCells[f.line] ?? [];
      const first = Math.floor((f.start * row.length) / length);
      const last = Math.floor(((f.end - 1) * row.length) / length);
      for (let c = first; c <= last; c++) if ((row[c] ?? 0) > QUALITY_THRESHOLDS.glareCellShare) return true;
      return false;
    })
    .map((f) => f.name);
}
