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

describe("readPassportImage with a second model", () => {
  const ocr = useRecogniser();
  const conditions = { preset: "moderate", width: 1600, height: 1200, blurSigma: 0, jpegQuality: 88 } as const;

  type Band = Parameters<Recogniser["readLines"]>[0];
  /** The real recogniser behind a counter, misreading the first given name's first letter when asked to (unsurely
   *  unless `sure`). */
  function model(misread: boolean, sure = false): Recogniser & { calls: number; bands: Band[] } {
    const m = {
      calls: 0,
      bands: [] as Band[],
      async readLines(image: Band, mode?: "block" | "line") {
        m.calls++;
        m.bands.push(image);
        const lines = await ocr().readLines(image, mode);
        const names = lines[0];
        if (!misread || !names?.text.startsWith("P<")) return lines;
        const at = names.text.indexOf("<<") + 2;
        const letter = names.text[at] === "Q" ? "O" : "Q";
        const confidences = names.confidences.map((c, i) => (i === at && !sure ? 0.1 : c));
        return [{ text: names.text.slice(0, at) + letter + names.text.slice(at + 1), confidences }, ...lines.slice(1)];
      },
      terminate: async () => {},
    };
    return m;
  }

  it("is not asked about a sure read; on a doubted one its better read is kept and the difference flagged", async () => {
    const p = await generatePassport({ seed: 2_000_000_610, conditions });
    const input = { image: p.image, mediaType: p.mediaType, portrait: false };
    const spare = model(false);
    const sure = await readPassportImage(input, model(false), { secondModel: spare });
    expect(sure.mrz?.lines).toEqual(p.truth.mrzLines);
    expect(spare.calls).toBe(0);

    const first = model(true);
    const second = model(false);
    const result = await readPassportImage(input, first, { secondModel: second });
    expect(second.calls).toBeGreaterThan(0);
    // The photo is decoded, located and cut once: the second model reads the very band the first one read.
    expect(second.bands[0]).toBe(first.bands[0]);
    expect(result.mrz?.lines).toEqual(p.truth.mrzLines);
    const given = result.mrz?.fields.find((f) => f.name === "givenNames");
    const flagged = result.warnings.find((w) => w.code === "low_confidence" && w.field === "givenNames");
    const printed = p.truth.mrzLines[0]?.slice(given?.start, given?.end) ?? "";
    expect(flagged?.details?.otherModel).toBe((printed[0] === "Q" ? "O" : "Q") + printed.slice(1));
  }, 60_000);

  it("is asked about a sure read under glare, and the names glare lies over are flagged", async () => {
    const glare = { ...conditions, glareOverMrz: true, glareSpots: 1 };
    const p = await generatePassport({ seed: 2_000_000_630, conditions: glare });
    const input = { image: p.image, mediaType: p.mediaType, portrait: false };
    const first = model(false);
    const second = model(true, true);
    const result = await readPassportImage(input, first, { secondModel: second });
    expect(result.warnings.map((w) => w.code)).toContain("glare_mrz");
    expect(second.calls).toBeGreaterThan(0);
    // Both are sure of everything: the first read is kept. The given names, which the second model reads otherwise,
    // lie under the glare: they are flagged for it, whatever either model read.
    expect(result.mrz?.lines).toEqual(p.truth.mrzLines);
    const flagged = result.warnings.filter((w) => w.code === "low_confidence" && w.field === "givenNames");
    expect(flagged).toEqual([expect.objectContaining({ details: { underGlare: true, state: "unchecked" } })]);
    // Fields a check digit guards are left to it, under glare too.
    const guarded = result.warnings.filter((w) => w.details?.underGlare === true).map((w) => w.field);
    expect(guarded.filter((f) => result.mrz?.fields.find((x) => x.name === f)?.state !== "unchecked")).toEqual([]);
  }, 60_000);

  it("keeps the read sure of the field the two models read differently, though it doubts more others", async () => {
    const p = await generatePassport({ seed: 2_000_000_610, conditions });
    const input = { image: p.image, mediaType: p.mediaType, portrait: false };
    // The first model reads every character right but is unsure of the document code and the issuing state; the
    // second is unsure of one field only, the given names, and misreads them.
    const unsureOfCodes: Recogniser = {
      async readLines(image, mode) {
        const lines = await ocr().readLines(image, mode);
        return lines.map((l) =>
          l.text.startsWith("P<")
            ? { ...l, confidences: l.confidences.map((c, i) => (i === 0 || i === 2 ? 0.1 : c)) }
            : l,
        );
      },
      terminate: async () => {},
    };
    const result = await readPassportImage(input, unsureOfCodes, { secondModel: model(true) });
    expect(result.mrz?.lines).toEqual(p.truth.mrzLines);
    const doubted = result.warnings.filter((w) => w.code === "low_confidence").map((w) => w.field);
    expect(doubted).toEqual(expect.arrayContaining(["documentCode", "issuingState", "givenNames"]));
  }, 60_000);

  it("answers for a first model that refuses, and refuses as the first did when both do", async () => {
    const p = await generatePassport({ seed: 2_000_000_611, conditions });
    const input = { image: p.image, mediaType: p.mediaType, portrait: false };
    const blind: Recogniser = {
      readLines: async () => [{ text: "KKK", confidences: [0.9, 0.9, 0.9] }],
      terminate: async () => {},
    };
    const rescued = await readPassportImage(input, blind, { secondModel: model(false) });
    expect(rescued.mrz?.lines).toEqual(p.truth.mrzLines);
    await expect(readPassportImage(input, blind, { secondModel: blind })).rejects.toMatchObject({
      code: "mrz_not_found",
    });
  }, 60_000);

  it("reads the bands of the passes between the four only when both models refused the four's", async () => {
    const p = await generatePassport({ seed: 2_000_000_611, conditions });
    const input = { image: p.image, mediaType: p.mediaType, portrait: false };
    const counting = {
      calls: 0,
      async readLines() {
        counting.calls++;
        return [{ text: "KKK", confidences: [0.9, 0.9, 0.9] }];
      },
      terminate: async () => {},
    };
    await readPassportImage(input, counting, { secondModel: model(false) });
    const fourOnly = counting.calls;
    expect(fourOnly).toBeGreaterThan(0);
    counting.calls = 0;
    await expect(readPassportImage(input, counting, { secondModel: counting })).rejects.toMatchObject({
      code: "mrz_not_found",
    });
    // Both models on the four's bands, then both on the bands between.
    expect(counting.calls).toBeGreaterThan(2 * fourOnly);
  }, 60_000);
});

describe("readPassportImage: a coloured frame drawn around the MRZ", () => {
  const ocr = useRecogniser();

  it("reads the MRZ on the ink when the frame joins its lines into bands that are refused", async () => {
    // A two-page spread turned 27 degrees with a red frame around its card-size MRZ (as tutorials draw it). In luma the
    // frame is nearly as dark as the print, and every band the luma passes find is refused (mrz_not_found before the
    // ink scope); on the ink the frame is as light as its red channel.
    const p = await generatePassport({
      seed: 2_000_002_401,
      conditions: {
        preset: "rotated",
        width: 2400,
        height: 1800,
        pageFill: 0.79,
        rotationDeg: 27,
        perspective: 0.023,
        background: "busy",
        blurSigma: 0,
        noiseSigma: 4.6,
        jpegQuality: 87,
        unevenLight: 0.17,
        glareSpots: 0,
        glareOverMrz: false,
        grayscale: false,
        moire: 0,
        document: "TD2",
        spread: true,
        curvature: 0,
        foil: 0,
        annotation: true,
        mrzWeight: 0,
      },
    });
    const result = await readPassportImage({ image: p.image, mediaType: p.mediaType, portrait: false }, ocr());
    expect(result.mrz?.lines).toEqual(p.truth.mrzLines);
  }, 60_000);
});
