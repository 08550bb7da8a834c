import { describe, expect, it } from "vitest";
import { generatePassport } from "../../synthetic/generate-passport";
import { useRecogniser } from "./read/tesseract-recogniser.test-fixture";
import { QUALITY_THRESHOLDS, readPassportImage } from "./read-passport-image";

describe("readPassportImage quality warnings: screen_recapture", () => {
  const ocr = useRecogniser();
  const conditions = { preset: "moderate", width: 1600, height: 1200, blurSigma: 0, jpegQuality: 88 } as const;

  it("warns about a photographed screen with the measured moire beside its thresholds, and not without moire", async () => {
    const screen = await generatePassport({ seed: 2_000_000_600, conditions: { ...conditions, moire: 0.5 } });
    const result = await readPassportImage(
      { image: screen.image, mediaType: screen.mediaType, portrait: false },
      ocr(),
    );
    expect(result.mrz?.lines).toEqual(screen.truth.mrzLines);
    const w = result.warnings.find((x) => x.code === "screen_recapture");
    expect(w?.source).toBe("quality");
    expect(w?.details?.peakRatio).toBeGreaterThanOrEqual(QUALITY_THRESHOLDS.screenMoirePeakRatio);
    expect(w?.details?.threshold).toBe(QUALITY_THRESHOLDS.screenMoirePeakRatio);
    expect(w?.details?.tileAgreement).toBeGreaterThanOrEqual(QUALITY_THRESHOLDS.screenMoireTileAgreement);
    expect(w?.details?.isolation).toBeGreaterThanOrEqual(QUALITY_THRESHOLDS.screenMoireIsolation);
    expect(w?.details?.cyclesPerPixel).toBeGreaterThan(0.15);

    const paper = await generatePassport({ seed: 2_000_000_600, conditions: { ...conditions, moire: 0 } });
    const plain = await readPassportImage({ image: paper.image, mediaType: paper.mediaType, portrait: false }, ocr());
    expect(plain.mrz?.lines).toEqual(paper.truth.mrzLines);
    expect(plain.warnings.map((x) => x.code)).not.toContain("screen_recapture");
  }, 30_000);
});
