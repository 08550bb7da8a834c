import { type DecodableMediaType, type ImageSource, openImage } from "../image/decode-image";
import { inkGray, type RgbImage } from "../image/raster";
import { type BandCrop, cropBand } from "./crop-band";
import type { BandCandidate } from "./find-band-candidates";
import {
  BETWEEN_PASSES,
  LOCATE_PASSES,
  type LocatePass,
  locateBand,
  locatePass,
  OVERVIEW_SIDE,
  type Overview,
} from "./locate-band";

/**
 * Which band candidates a reader walks: those of the four passes, those of the passes between them, or those of the
 * four passes over the overview's ink (inkGray), where a coloured frame drawn around the MRZ no longer joins its lines
 * into a band of the wrong shape.
 */
export type CandidateScope = "four" | "between" | "ink";

/**
 * One photo opened for reading: decoded once, its band candidates located once and each band cut once at each
 * capital height, however many recognisers read it (the second model reads the same crops as the first).
 */
export interface PhotoBands {
  source: ImageSource;
  overview: { image: RgbImage; factor: number };
  /** Band candidates in image pixels, best first within each pass run: for "four", the locator's passes' best, then
   *  the passes it left out; for "between", those of BETWEEN_PASSES; for "ink", those of LOCATE_PASSES over the ink
   *  (each pass run only when asked for, once). Each call starts from the best again. */
  candidates(scope?: CandidateScope): Iterable<BandCandidate>;
  /** The candidate's band as the recogniser gets it (null: no text lines there), cut on first use. */
  crop(candidate: BandCandidate, capHeight: number): Promise<BandCrop | null>;
}

export async function openPhotoBands(
  input: { image: Uint8Array; mediaType: DecodableMediaType },
  maxCandidates: number,
): Promise<PhotoBands> {
  const source = await openImage(input.image, input.mediaType);
  const overview = await source.overview(OVERVIEW_SIDE);
  const located = locateBand(overview, maxCandidates);
  const found: Record<CandidateScope, BandCandidate[]> = { four: [...located.candidates], between: [], ink: [] };
  const rest: Record<CandidateScope, LocatePass[]> = {
    four: located.rest.filter((p) => !BETWEEN_PASSES.includes(p)),
    between: located.rest.filter((p) => BETWEEN_PASSES.includes(p)),
    ink: [...LOCATE_PASSES],
  };
  let ink: Overview | null = null;
  const overviewOf = (scope: CandidateScope): Overview => {
    if (scope !== "ink") return located.overview;
    ink ??= { gray: inkGray(overview.image), factor: overview.factor };
    return ink;
  };
  const crops = new Map<BandCandidate, Map<number, Promise<BandCrop | null>>>();
  return {
    source,
    overview,
    *candidates(scope = "four") {
      const list = found[scope];
      for (let i = 0; ; i++) {
        while (i >= list.length) {
          const pass = rest[scope].shift();
          if (pass === undefined) return;
          list.push(...locatePass(overviewOf(scope), pass, maxCandidates));
        }
        yield list[i] as BandCandidate;
      }
    },
    crop(candidate, capHeight) {
      const byHeight = crops.get(candidate) ?? new Map<number, Promise<BandCrop | null>>();
      crops.set(candidate, byHeight);
      const cut = byHeight.get(capHeight) ?? cropBand(source, candidate, { capHeight });
      byHeight.set(capHeight, cut);
      return cut;
    },
  };
}
