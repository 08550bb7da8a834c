import { type RgbImage, toGray } from "../image/raster";
import { type BandCandidate, findBandCandidates } from "./find-band-candidates";

/** Longer side of the overview the band is located on (the crop then reads the full-resolution region). */
export const OVERVIEW_SIDE = 800;

/**
 * MRZ band candidates, best first, located on an overview of the image (`factor` = image pixels per overview pixel)
 * and given in the image's own pixels.
 */
export function locateBand(overview: { image: RgbImage; factor: number }, maxCandidates: number): BandCandidate[] {
  const f = overview.factor;
  return findBandCandidates(toGray(overview.image), { maxCandidates }).map((c) => ({
    ...c,
    cx: c.cx * f,
    cy: c.cy * f,
    halfLength: c.halfLength * f,
    halfThickness: c.halfThickness * f,
    pitch: c.pitch * f,
  }));
}
