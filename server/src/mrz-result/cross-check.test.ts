import { parseMrz } from "contract/mrz/parse-mrz";
import { tencentExampleDocument, tencentExampleLines, tencentExampleVisualZone } from "contract/specimen-passports";
import { describe, expect, it } from "vitest";
import { crossCheck } from "./cross-check";

const today = new Date("2026-11-25T12:00:00Z");
const tencent = parseMrz(tencentExampleLines(), { today });
/** Tencent's documented PassportRecognizeInfos, mapped to VisualZone. */
const printed = tencentExampleVisualZone();

describe("crossCheck", () => {
  it("finds no mismatch in Tencent's example (names of countries, printed dates)", () => {
    expect(
      crossCheck(tencent, {
        provider: tencentExampleDocument(),
        visualZone: printed,
      }),
    ).toEqual([]);
  });

  it("reports each disagreement with both values", () => {
    const ws = crossCheck(tencent, {
      provider: { number: "456712346", birthDate: "1990-04-12", nationality: "CAN" },
      visualZone: {
        ...printed,
        surname: "CARTIER",
        expiryDate: "26 JUL 2022",
        nationality: "Canadian/Canadienne",
        sex: "M/H",
      },
    });
    expect(ws.map((w) => [w.code, w.field, w.details])).toEqual([
      ["mrz_provider_mismatch", "number", { mrz: "456712345", provider: "456712346" }],
      ["mrz_provider_mismatch", "nationality", { mrz: "USA", provider: "CAN" }],
      ["mrz_provider_mismatch", "birthDate", { mrz: "1990-04-11", provider: "1990-04-12" }],
      ["mrz_visual_mismatch", "surname", { mrz: "CARTER", visualZone: "CARTIER" }],
      ["mrz_visual_mismatch", "nationality", { mrz: "USA", visualZone: "Canadian/Canadienne" }],
      ["mrz_visual_mismatch", "expiryDate", { mrz: "2021-07-26", visualZone: "26 JUL 2022" }],
      ["mrz_visual_mismatch", "sex", { mrz: "F", visualZone: "M/H" }],
    ]);
    expect(ws[3]?.message).toBe('The printed surname "CARTIER" differs from the machine readable zone "CARTER".');
    expect(ws.every((w) => w.severity === "critical")).toBe(true);
  });

  it("does not raise false mismatches for what cannot be compared", () => {
    const ws = crossCheck(tencent, {
      visualZone: {
        surname: "卡特",
        nationality: "Atlantis",
        birthDate: "sometime in spring",
        sex: "",
        number: "",
      },
    });
    expect(ws).toEqual([]);
  });

  it("accepts transliterations, other date styles and a TD3 number cut at 9 characters", () => {
    const r = parseMrz(
      ["P<D<<MUELLER<<JOERG<<<<<<<<<<<<<<<<<<<<<<<<<", "C01X00T478D<<6408125M2702283<<<<<<<<<<<<<<<4"],
      {
        today,
      },
    );
    expect(
      crossCheck(r, {
        visualZone: {
          surname: "Müller",
          givenNames: "Jörg",
          nationality: "DEUTSCH",
          birthDate: "12.08.1964",
          expiryDate: "2027年2月28日",
          number: "C01X00T47",
          issuingCountry: "D",
        },
        provider: { nationality: "DEU", number: "C01X00T47" },
      }),
    ).toEqual([]);
    expect(crossCheck(r, { visualZone: { number: "C01X00T47XYZ" } })).toEqual([]);
  });
});
