import { describe, expect, it } from "vitest";
import { generatePassport } from "../../synthetic/generate-passport";
import { useRecogniser } from "./read/tesseract-recogniser.test-fixture";
import { QUALITY_THRESHOLDS, type Recogniser, readPassportImage, searchBands } from "./read-passport-image";

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

describe("readPassportImage: a small capture is read again nearer its own size", () => {
  const ocr = useRecogniser();

  it("flags a name the upscaled cuts misread alike, seen otherwise at the smaller cut", async () => {
    // Capitals about 11 px: the working cut upscales them. A recogniser that, like the real one on some photos,
    // interpolates a letter of the given names into another one whenever the band is cut large.
    const small = await generatePassport({
      seed: 2_000_000_710,
      conditions: { preset: "lowres", document: "TD3", foil: 0, blurSigma: 0 },
    });
    const input = { image: small.image, mediaType: small.mediaType, portrait: false };
    const search = await searchBands(input);
    const candidate = search.candidates[0]!;
    const [at16, at24] = await Promise.all([16, 24].map((capHeight) => search.crop(candidate, { capHeight })));
    // Widths tell the cuts apart in either read mode (a line crop is as wide as its band).
    const largeFrom = (at16!.image.width + at24!.image.width) / 2;
    const given = small.truth.mrzLines[0]!.indexOf("<<") + 2;
    const misread = small.truth.mrzLines[0]![given] === "Q" ? "O" : "Q";
    const interpolating: Recogniser = {
      async readLines(image, mode) {
        const lines = await ocr().readLines(image, mode);
        if (image.width < largeFrom || !lines[0]) return lines;
        const t = lines[0].text;
        return [{ ...lines[0], text: t.slice(0, given) + misread + t.slice(given + 1) }, ...lines.slice(1)];
      },
      terminate: async () => {},
    };

    const plain = await readPassportImage(input, ocr());
    expect(plain.mrz?.lines).toEqual(small.truth.mrzLines);
    expect(plain.warnings.filter((w) => w.field === "givenNames")).toEqual([]);

    const result = await readPassportImage(input, interpolating);
    expect(result.mrz?.lines[0]?.[given]).toBe(misread);
    const doubt = result.warnings.find((w) => w.code === "low_confidence" && w.field === "givenNames");
    const field = result.mrz?.fields.find((f) => f.name === "givenNames");
    expect(doubt?.details?.secondRead).toBe(small.truth.mrzLines[0]?.slice(field?.start, field?.end));
  }, 60_000);
});
