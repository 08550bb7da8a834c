import type { Quad } from "contract/geometry";
import { polygonArea } from "contract/td3-page";
import type { Warning } from "contract/warning";
import { makeWarning } from "contract/warning-catalogue";
import type { RgbImage } from "../image/raster";
import type { BandCrop } from "../locate/crop-band";
import { round } from "../round";
import { colourfulness, laplacianVariance } from "./capture-quality";
import type { GlareMeasure } from "./glare";
import { QUALITY_THRESHOLDS } from "./quality-thresholds";
import type { ScreenMoire } from "./screen-moire";

/** The screen_recapture decision on a moire measure. */
export function isScreenMoire(m: ScreenMoire): boolean {
  const t = QUALITY_THRESHOLDS;
  return (
    m.peakRatio >= t.screenMoirePeakRatio &&
    m.tileAgreement >= t.screenMoireTileAgreement &&
    m.isolation >= t.screenMoireIsolation
  );
}

export function qualityWarnings(args: {
  band: BandCrop;
  page: Quad;
  overview: { image: RgbImage; factor: number };
  glare: GlareMeasure;
  moire: ScreenMoire;
  width: number;
  height: number;
}): Warning[] {
  const t = QUALITY_THRESHOLDS;
  const warnings: Warning[] = [];
  const toOverview = (q: Quad): Quad =>
    q.map((p) => ({ x: p.x / args.overview.factor, y: p.y / args.overview.factor })) as Quad;

  const sharpness = laplacianVariance(args.band.image);
  if (sharpness < t.blurLaplacianVariance) {
    warnings.push(
      makeWarning("blur", { details: { laplacianVariance: round(sharpness, 1), threshold: t.blurLaplacianVariance } }),
    );
  }
  const { glare } = args;
  if (glare.mrz > t.glareCellShare) {
    warnings.push(makeWarning("glare_mrz", { details: { cellShare: round(glare.mrz), threshold: t.glareCellShare } }));
  }
  if (glare.portrait > t.glareCellShare) {
    warnings.push(
      makeWarning("glare_portrait", { details: { cellShare: round(glare.portrait), threshold: t.glareCellShare } }),
    );
  }
  const colour = colourfulness(args.overview.image, toOverview(args.page));
  if (colour < t.grayscaleColourfulness) {
    warnings.push(
      makeWarning("photocopy_grayscale", {
        details: { colourfulness: round(colour, 1), threshold: t.grayscaleColourfulness },
      }),
    );
  }
  if (args.band.capHeightPx < t.mrzCapHeightPx) {
    warnings.push(
      makeWarning("mrz_too_small", {
        details: { capHeightPx: round(args.band.capHeightPx, 1), threshold: t.mrzCapHeightPx },
      }),
    );
  }
  if (isScreenMoire(args.moire)) {
    warnings.push(
      makeWarning("screen_recapture", {
        details: {
          peakRatio: round(args.moire.peakRatio, 1),
          threshold: t.screenMoirePeakRatio,
          tileAgreement: round(args.moire.tileAgreement),
          agreementThreshold: t.screenMoireTileAgreement,
          isolation: round(args.moire.isolation, 1),
          cyclesPerPixel: round(args.moire.frequency, 3),
        },
      }),
    );
  }
  const share = polygonArea(args.page) / (args.width * args.height);
  if (share < t.documentAreaShare) {
    warnings.push(
      makeWarning("document_too_small", { details: { areaShare: round(share), threshold: t.documentAreaShare } }),
    );
  }
  return warnings;
}
