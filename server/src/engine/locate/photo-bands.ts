import { type DecodableMediaType, type ImageSource, openImage } from "../image/decode-image";
import type { RgbImage } from "../image/raster";
import { type BandCrop, cropBand } from "./crop-band";
import type { BandCandidate } from "./find-band-candidates";
import { locateBand, locatePass, OVERVIEW_SIDE } from "./locate-band";

/**
 * One photo opened for reading: decoded once, its band candidates located once and each band cut once at each
 * capital height, however many recognisers read it (the second model reads the same crops as the first).
 */
export interface PhotoBands {
  source: ImageSource;
  overview: { image: RgbImage; factor: number };
  /** Band candidates in image pixels: the locator's passes' best first, then the passes it left out, located only
   *  when a reader asks past the first ones. Each call starts from the best again. */
  candidates(): Iterable<BandCandidate>;
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
  const found = [...located.candidates];
  const rest = [...located.rest];
  const crops = new Map<BandCandidate, Map<number, Promise<BandCrop | null>>>();
  return {
    source,
    overview,
    *candidates() {
      for (let i = 0; ; i++) {
        while (i >= found.length) {
          const pass = rest.shift();
          if (!pass) return;
          found.push(...locatePass(located.overview, pass, maxCandidates));
        }
        yield found[i] as BandCandidate;
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
