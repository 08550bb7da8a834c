import { MIN_DOCUMENT_AREA_SHARE, MIN_MRZ_CAP_HEIGHT_PX } from "contract/capture-size";
import { MOIRE_ISOLATION } from "./screen-moire";

/** Thresholds of the quality warnings, reported in each warning's details beside the measured value. */
export const QUALITY_THRESHOLDS = {
  /** Laplacian variance of the MRZ band at the recogniser's scale (CAP_HEIGHT, 24 px). It was 200 at 32 px; near
   *  that threshold the variance at 24 px is 2.6-2.8 times the one at 32 px, and 550 takes the same decision on 63
   *  of 64 training-range photos blurred with sigma 0-3. */
  blurLaplacianVariance: 550,
  /** Largest share of glare pixels in one cell over the MRZ or portrait. */
  glareCellShare: 0.12,
  /** Hasler-Suesstrunk colourfulness of the page. */
  grayscaleColourfulness: 4,
  /** MRZ capital height in original pixels (shared with the live camera view). */
  mrzCapHeightPx: MIN_MRZ_CAP_HEIGHT_PX,
  /** Page area as a share of the frame (shared with the live camera view). */
  documentAreaShare: MIN_DOCUMENT_AREA_SHARE,
  /** Weakest character of an MRZ field, as the recogniser scored it (0..1). */
  fieldConfidence: 0.6,
  /** The same for a number (document number, optional data): its check digit still passes one random misread in
   *  ten, and on 130 right reads of training-range photos the weakest character never scored under 0.9, while the
   *  wrong reads that passed their checks on the benchmark scored 0.86-0.88. */
  numberConfidence: 0.9,
  /** Screen moire (docs/decisions/0452-screen-moire.md): the most consistent isolated high-frequency peak over its
   *  ring's median (median over the page's tiles), the share of tiles where it stands out, and how far it stands
   *  above its own radial line (print patterns are combs of harmonics along it). */
  screenMoirePeakRatio: 20,
  screenMoireTileAgreement: 0.75,
  screenMoireIsolation: MOIRE_ISOLATION,
} as const;
