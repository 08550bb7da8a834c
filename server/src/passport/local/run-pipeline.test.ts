import { readMrz } from "contract/mrz/read-mrz";
import { describe, expect, it } from "vitest";
import { generatePassport } from "../../../synthetic/generate-passport";
import { useMrzOcr } from "./mrz-ocr.test-fixture";
import { confidenceWarnings, QUALITY_THRESHOLDS, runPipeline } from "./run-pipeline";

const LINES = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];
const report = readMrz(LINES, { today: new Date("2026-11-25T12:00:00Z") });
const confident = () => LINES.map((l) => [...l].map(() => 0.97));

describe("confidenceWarnings", () => {
  it("says nothing when every character scored high", () => {
    expect(report.valid).toBe(true);
    expect(confidenceWarnings(report, confident())).toEqual([]);
  });

  it("flags a verified document number whose weakest character is under the number threshold (0.9)", () => {
    const c = confident();
    c[1]![3] = 0.87;
    const ws = confidenceWarnings(report, c);
    expect(ws.map((w) => [w.code, w.field])).toEqual([["low_confidence", "documentNumber"]]);
    expect(ws[0]?.details).toEqual({
      confidence: 0.87,
      threshold: QUALITY_THRESHOLDS.numberConfidence,
      state: "verified",
    });
  });

  it("keeps the lower threshold (0.6) for the other fields", () => {
    const c = confident();
    c[0]![8] = 0.87; // inside the surname
    expect(confidenceWarnings(report, c)).toEqual([]);
    c[0]![8] = 0.5;
    expect(confidenceWarnings(report, c).map((w) => [w.field, w.details?.threshold])).toEqual([
      ["surname", QUALITY_THRESHOLDS.fieldConfidence],
    ]);
  });
});

describe("runPipeline quality warnings: screen_recapture", () => {
  const ocr = useMrzOcr();
  const conditions = { preset: "moderate", width: 1600, height: 1200, blurSigma: 0, jpegQuality: 88 } as const;

  it("warns about a photographed screen with the measured moire beside its thresholds, and not without moire", async () => {
    const screen = await generatePassport({ seed: 2_000_000_600, conditions: { ...conditions, moire: 0.5 } });
    const result = await runPipeline({ image: screen.image, mediaType: screen.mediaType, portrait: false }, ocr());
    expect(result.mrz?.lines).toEqual(screen.truth.mrzLines);
    const w = result.warnings.find((x) => x.code === "screen_recapture");
    expect(w?.source).toBe("quality");
    expect(w?.details?.peakRatio).toBeGreaterThanOrEqual(QUALITY_THRESHOLDS.screenMoirePeakRatio);
    expect(w?.details?.threshold).toBe(QUALITY_THRESHOLDS.screenMoirePeakRatio);
    expect(w?.details?.tileAgreement).toBeGreaterThanOrEqual(QUALITY_THRESHOLDS.screenMoireTileAgreement);
    expect(w?.details?.isolation).toBeGreaterThanOrEqual(QUALITY_THRESHOLDS.screenMoireIsolation);
    expect(w?.details?.cyclesPerPixel).toBeGreaterThan(0.15);

    const paper = await generatePassport({ seed: 2_000_000_600, conditions: { ...conditions, moire: 0 } });
    const plain = await runPipeline({ image: paper.image, mediaType: paper.mediaType, portrait: false }, ocr());
    expect(plain.mrz?.lines).toEqual(paper.truth.mrzLines);
    expect(plain.warnings.map((x) => x.code)).not.toContain("screen_recapture");
  }, 30_000);
});
