import { parseMrz } from "contract/mrz/parse-mrz";
import { type MrzData, writeMrz } from "contract/mrz/write-mrz";
import { describe, expect, it } from "vitest";
import { mrzWarnings } from "./mrz-warnings";

const today = new Date("2026-11-25T12:00:00Z");
const base: MrzData = {
  format: "TD3",
  documentCode: "P",
  issuingState: "NLD",
  surname: "DE BRUIJN",
  givenNames: "WILLEKE LISELOTTE",
  documentNumber: "SPECI2021",
  nationality: "NLD",
  birthDate: "650310",
  sex: "F",
  expiryDate: "310802",
  optionalData1: "999999990",
};
const warn = (data: Partial<MrzData>, options: Parameters<typeof mrzWarnings>[1] = { today }) =>
  mrzWarnings(parseMrz(writeMrz({ ...base, ...data }), { today }), options);
const codes = (ws: ReturnType<typeof mrzWarnings>) => ws.map((w) => w.code);

describe("mrzWarnings", () => {
  it("says nothing about a clean, valid, current adult document", () => {
    expect(warn({})).toEqual([]);
  });

  it("names each failed check with expected and found digits (Tencent's example)", () => {
    const r = parseMrz(
      ["P<USACARTER<<ESTHER<<<<<<<<<<<<<<<<<<<<<<<<<", "4567123452USA9004117F2107268713843748<708026"],
      {
        today,
      },
    );
    const ws = mrzWarnings(r, { today });
    expect(codes(ws)).toEqual([
      "check_digit_failed_document_number",
      "check_digit_failed_birth_date",
      "composite_failed",
      "mrz_unverifiable",
      "expired",
    ]);
    expect(ws[0]).toMatchObject({
      field: "documentNumber",
      severity: "critical",
      details: { expected: "1", found: "2", line: 2, column: 10 },
    });
    expect(ws[1]?.details).toMatchObject({ expected: "5", found: "7" });
    expect(ws[2]?.details).toMatchObject({ expected: "3", found: "6", column: 44 });
    expect(ws[3]?.details).toEqual({ failedChecks: "documentNumber, birthDate, composite" });
  });

  it("flags expired, expiring soon (configurable threshold) and under 18", () => {
    expect(warn({ expiryDate: "261124" }).find((w) => w.code === "expired")).toMatchObject({
      field: "expiryDate",
      details: { expiryDate: "2026-11-24", today: "2026-11-25" },
    });
    expect(codes(warn({ expiryDate: "261125" }))).toEqual(["expiring_soon"]);
    const soon = warn({ expiryDate: "270201" });
    expect(soon[0]).toMatchObject({ code: "expiring_soon", details: { daysLeft: 68, thresholdDays: 90 } });
    expect(warn({ expiryDate: "270201" }, { today, expiringSoonDays: 30 })).toEqual([]);
    expect(codes(warn({ birthDate: "081126" }))).toEqual(["under_18"]);
    expect(codes(warn({ birthDate: "081125" }))).toEqual([]);
  });

  it("reports unknown and specimen country codes, truncated names and normalised input", () => {
    const unknown = warn({ nationality: "QQQ" });
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ code: "unknown_country_code", field: "nationality", details: { code: "QQQ" } });
    expect(unknown[0]?.message).toContain('"QQQ"');
    expect(codes(warn({ issuingState: "UTO", nationality: "UTO" }))).toEqual(["specimen_document"]);
    expect(codes(warn({ givenNames: "WILLEKE LISELOTTE ALEXANDRINA" }))).toEqual(["name_truncated"]);
    const lines = writeMrz(base).map((l) => l.toLowerCase());
    expect(codes(mrzWarnings(parseMrz(lines, { today }), { today }))).toEqual(["mrz_normalised"]);
  });

  it("warns when the check digit holds but cannot tell a lookalike apart (8D6798658 read for SD6798658)", () => {
    const ws = warn({ documentNumber: "8D6798658" });
    expect(ws).toContainEqual(
      expect.objectContaining({
        code: "mrz_lookalike_ambiguous",
        severity: "warning",
        field: "documentNumber",
        details: { read: "8D6798658", alternative: "SD6798658", line: 2, column: 1 },
      }),
    );
    expect(codes(warn({ documentNumber: "SD6798658" }))).not.toContain("mrz_lookalike_ambiguous");
  });

  it("reports corrections: data (info), names and country codes (warnings), with what was read", () => {
    const lines = writeMrz(base);
    const bad = [
      (lines[0] ?? "").replace("NLDDE", "NL0DE").replace("WILLEKE", "W1LLEKE"),
      (lines[1] ?? "").replace("650310", "65O31O"),
    ];
    const ws = mrzWarnings(parseMrz(bad, { today }), { today });
    expect(codes(ws)).toEqual(["mrz_corrected", "name_corrected", "country_code_corrected"]);
    expect(ws[0]?.details).toMatchObject({ count: 2 });
    expect(String(ws[0]?.details?.changes)).toContain("birthDate line 2 col 16: O->0");
    expect(ws[1]).toMatchObject({ field: "givenNames", severity: "warning" });
    expect(ws[2]).toMatchObject({ field: "issuingState", details: { read: "NL0", corrected: "NLD" } });
  });

  it("names a name that holds a run of fillers, as a warning on that name", () => {
    const lines = writeMrz(base);
    const surnameEnd = (lines[0] ?? "").indexOf("<<");
    // The surname's last letter read as a filler: three fillers before the given names.
    const read = [`${(lines[0] ?? "").slice(0, surnameEnd - 1)}<${(lines[0] ?? "").slice(surnameEnd)}`, lines[1] ?? ""];
    const ws = mrzWarnings(parseMrz(read, { today }), { today });
    expect(ws.filter((w) => w.code === "name_irregular")).toEqual([
      expect.objectContaining({ severity: "warning", field: "givenNames" }),
    ]);
    expect(codes(mrzWarnings(parseMrz(lines, { today }), { today }))).not.toContain("name_irregular");
  });

  it("reports a correction the check digits did not decide alone", () => {
    const r = parseMrz(
      ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE1B4226B<<<<<10"],
      { today },
    );
    const w = mrzWarnings(r, { today }).find((x) => x.code === "mrz_correction_uncertain");
    expect(w).toMatchObject({ field: "optionalData1", severity: "warning", details: { gap: 0 } });
  });

  it("reports impossible dates and characters", () => {
    const lines = writeMrz(base);
    const bad = [lines[0] ?? "", `${(lines[1] ?? "").slice(0, 13)}651310${(lines[1] ?? "").slice(19)}`];
    const r = parseMrz(bad, { today });
    expect(codes(mrzWarnings(r, { today }))).toContain("invalid_date");
    const sex = [lines[0] ?? "", `${(lines[1] ?? "").slice(0, 20)}H${(lines[1] ?? "").slice(21)}`];
    expect(mrzWarnings(parseMrz(sex, { today }), { today }).find((w) => w.code === "mrz_field_invalid")).toMatchObject({
      field: "sex",
      details: { read: "H" },
    });
  });

  it("flags an unknown birth day and month", () => {
    const ws = warn({ format: "TD2", optionalData1: "", documentNumber: "SPECI2021", birthDate: "65<<<<" });
    expect(ws.find((w) => w.code === "birth_date_unknown_part")?.details).toEqual({ birthDate: "1965-XX-XX" });
  });
});
