import { tencentExampleDocument, tencentExampleLines, tencentExampleVisualZone } from "contract/specimen-passports";
import { describe, expect, it } from "vitest";
import { exampleResponse, ICAO_SPECIMEN, specimenResponse } from "../../../test/tencent-bodies";
import { AppError } from "../../errors";
import { isoFromCompactDate, mapPortrait, mapTencentResponse, parseConfidence } from "./map-response";

const options = { requestId: "req-local-1", portrait: false, today: new Date("2026-11-25T00:00:00Z") };
const withId = (response: Record<string, unknown>) => ({ ...response, RequestId: "up-1" });
const codes = (warnings: { code: string }[]) => warnings.map((w) => w.code);

describe("mapTencentResponse: Tencent's documented example", () => {
  const result = mapTencentResponse(withId(exampleResponse()), options);

  it("maps the document fields, dates as ISO", () => {
    expect(result).toMatchObject({ provider: "tencent", requestId: "req-local-1", upstreamRequestId: "up-1" });
    expect(result.document).toEqual(tencentExampleDocument());
  });

  it("keeps the visual zone as printed, dropping empty values", () => {
    expect(result.visualZone).toEqual(tencentExampleVisualZone());
  });

  it("turns every Warn and WarnCardInfos code into a catalogue warning", () => {
    const tencent = result.warnings.filter((w) => w.source === "tencent");
    expect(codes(tencent)).toEqual(["tencent_blur", "tencent_photocopy", "tencent_warnings_not_enabled"]);
    expect(tencent[0]?.details).toEqual({ tencentCode: -9108 });
  });

  it("reads the MRZ with our engine and finds the three check digits the example gets wrong", () => {
    expect(result.mrz?.format).toBe("TD3");
    expect(result.mrz?.valid).toBe(false);
    expect(result.mrz?.originalLines).toEqual(tencentExampleLines());
    expect(result.mrz?.checks.filter((c) => !c.valid).map((c) => c.field)).toEqual([
      "documentNumber",
      "birthDate",
      "composite",
    ]);
    expect(codes(result.warnings.filter((w) => w.source === "mrz"))).toEqual(
      expect.arrayContaining([
        "check_digit_failed_document_number",
        "check_digit_failed_birth_date",
        "composite_failed",
        "expired",
      ]),
    );
  });

  it("has no confidences for an empty AdvancedInfo, no portrait unless asked, no geometry", () => {
    expect(result.confidence).toEqual({});
    expect(result.portrait).toBeNull();
    expect(result.mrzBand).toBeNull();
    expect(result.image).toBeNull();
  });
});

describe("mapTencentResponse: an ICAO-valid specimen", () => {
  const portrait = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";
  const result = mapTencentResponse(withId(specimenResponse({}, portrait)), { ...options, portrait: true });

  it("gets a valid MRZ whose fields agree with the provider's", () => {
    expect(result.mrz?.valid).toBe(true);
    expect(result.mrz?.lines).toEqual([
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
      "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    ]);
    expect(result.document).toMatchObject({
      number: ICAO_SPECIMEN.documentNumber,
      birthDate: ICAO_SPECIMEN.birthDate,
      expiryDate: ICAO_SPECIMEN.expiryDate,
      sex: "F",
    });
    expect(result.warnings.filter((w) => w.code === "mrz_provider_mismatch")).toEqual([]);
    expect(codes(result.warnings)).toContain("expired");
  });

  it("parses the AdvancedInfo JSON string into per-field confidences", () => {
    expect(result.confidence).toEqual({ number: 0.99, fullName: 0.98, birthDate: 0.97, expiryDate: 0.96 });
    expect(codes(result.warnings)).not.toContain("low_confidence");
  });

  it("returns the portrait when asked", () => {
    expect(result.portrait).toEqual({ mediaType: "image/png", base64: portrait });
  });

  it("flags a provider field that disagrees with the MRZ", () => {
    const tampered = mapTencentResponse(withId({ ...specimenResponse(), ID: "L898902C4" }), options);
    const mismatch = tampered.warnings.find((w) => w.code === "mrz_provider_mismatch");
    expect(mismatch?.field).toBe("number");
    expect(mismatch?.source).toBe("crosscheck");
  });
});

describe("mapTencentResponse: awkward answers", () => {
  it("raises low_confidence for fields under the threshold", () => {
    const result = mapTencentResponse(
      withId({ ...specimenResponse(), AdvancedInfo: '{"ID":{"Confidence":"0.5500"},"Name":{"Confidence":"0.99"}}' }),
      options,
    );
    const low = result.warnings.filter((w) => w.code === "low_confidence");
    expect(low).toHaveLength(1);
    expect(low[0]).toMatchObject({ field: "number", source: "tencent", details: { confidence: 0.55 } });
  });

  it("deduplicates codes present in both Warn and WarnCardInfos and names unknown ones", () => {
    const result = mapTencentResponse(
      withId({ ...specimenResponse(), Warn: [-9102, "-9103"], WarnCardInfos: [-9102, -9199] }),
      options,
    );
    const tencent = result.warnings.filter((w) => w.source === "tencent");
    expect(codes(tencent)).toEqual(["tencent_photocopy", "tencent_recapture", "tencent_unknown_warning"]);
    expect(tencent[2]?.message).toContain("-9199");
  });

  it("turns an impossible date into null with an invalid_date warning", () => {
    const result = mapTencentResponse(withId({ ...specimenResponse(), DateOfBirth: "19741312" }), options);
    expect(result.document.birthDate).toBeNull();
    expect(result.warnings.find((w) => w.code === "invalid_date")).toMatchObject({
      field: "birthDate",
      source: "tencent",
    });
  });

  it("reports a missing MRZ as mrz_unreadable with mrz null", () => {
    const { CodeSet: _a, CodeCrc: _b, ...rest } = specimenResponse();
    const result = mapTencentResponse(withId(rest), options);
    expect(result.mrz).toBeNull();
    expect(codes(result.warnings)).toContain("mrz_unreadable");
    expect(result.document.number).toBe("L898902C3");
  });

  it("reports a garbled MRZ without quoting it", () => {
    const result = mapTencentResponse(withId({ ...specimenResponse(), CodeSet: "P<UTO", CodeCrc: "L898" }), options);
    expect(result.mrz).toBeNull();
    const warning = result.warnings.find((w) => w.code === "mrz_unreadable");
    expect(warning).toBeDefined();
    expect(JSON.stringify(warning)).not.toContain("L898");
  });

  it("maps an almost empty success to nulls", () => {
    const result = mapTencentResponse({ RequestId: "up-2", ID: "", Name: " ", Sex: "?", Image: "" }, options);
    expect(Object.values(result.document).every((v) => v === null)).toBe(true);
    expect(result.visualZone).toBeNull();
    expect(result.upstreamRequestId).toBe("up-2");
  });

  it.each([
    ["Warn is not a list", { Warn: "-9102" }],
    ["ID is a number", { ID: 456712345 }],
    ["PassportRecognizeInfos is a string", { PassportRecognizeInfos: "x" }],
  ])("rejects a response where %s with 502 upstream_unexpected_response", (_label, patch) => {
    const error = (() => {
      try {
        mapTencentResponse(withId({ ...exampleResponse(), ...patch }), options);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 502, code: "upstream_unexpected_response", upstreamRequestId: "up-1" });
  });
});

describe("parts", () => {
  it.each([
    ["", {}],
    ["1", {}],
    [undefined, {}],
    [null, {}],
    ["{not json", {}],
    [
      '{"ID":{"Confidence":"0.9500"},"CodeSet":{"Confidence":"0.9"},"CodeCrc":{"Confidence":"0.8"}}',
      { number: 0.95, mrz: 0.8 },
    ],
    [{ DateOfBirth: { Confidence: 97 } }, { birthDate: 0.97 }],
    [{ Sex: 0.5, Unknown: { Confidence: "0.1" }, Name: { Confidence: "abc" } }, { sex: 0.5 }],
  ])("parses AdvancedInfo %j", (input, expected) => {
    expect(parseConfidence(input as never)).toEqual(expected);
  });

  it.each([
    ["19900411", "1990-04-11"],
    ["20240229", "2024-02-29"],
    ["20230229", null],
    ["19901301", null],
    ["1990-04-11", null],
    ["", null],
  ])("isoFromCompactDate(%j) = %j", (input, expected) => {
    expect(isoFromCompactDate(input)).toBe(expected);
  });

  it("recognises JPEG and PNG portraits and drops anything else", () => {
    expect(mapPortrait("/9j/4AAQSkZJRg")).toEqual({ mediaType: "image/jpeg", base64: "/9j/4AAQSkZJRg" });
    expect(mapPortrait("data:image/png;base64,iVBORw0KGgoAAA")).toEqual({
      mediaType: "image/png",
      base64: "iVBORw0KGgoAAA",
    });
    expect(mapPortrait("R0lGODlh")).toBeNull();
    expect(mapPortrait("")).toBeNull();
  });
});
