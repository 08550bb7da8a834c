import { type BandCandidate, locateMrz } from "./locate-mrz";
import { type RgbImage, toGray } from "./raster";

/** Longer side of the overview the band is located on (the crop then reads the full-resolution region). */
export const OVERVIEW_SIDE = 800;

/**
 * MRZ band candidates, best first, located on an overview of the image (`factor` = image pixels per overview pixel)
 * and given in the image's own pixels.
 */
export function locateInImage(overview: { image: RgbImage; factor: number }, maxCandidates: number): BandCandidate[] {
  const f = overview.factor;
  return locateMrz(toGray(overview.image), { maxCandidates }).map((c) => ({
    ...c,
    cx: c.cx * f,
    cy: c.cy * f,
    halfLength: c.halfLength * f,
    halfThickness: c.halfThickness * f,
    pitch: c.pitch * f,
  }));
}
