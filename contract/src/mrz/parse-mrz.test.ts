import { describe, expect, it } from "vitest";
import { checkDigit } from "./check-digit";
import { icaoSpecimenMrzData } from "./icao-specimen";
import { MrzFormatError } from "./mrz-format-error";
import { parseMrz } from "./parse-mrz";
import { reportDoubts } from "./report-doubts";
import type { MrzField, MrzFieldName, MrzReport } from "./types";
import { writeMrz } from "./write-mrz";

const SPECIMEN = icaoSpecimenMrzData();

const today = new Date("2026-11-25T12:00:00Z");
const read = (lines: string[], correct = true) => parseMrz(lines, { today, correct });

function field(report: MrzReport, name: MrzFieldName): MrzField {
  const f = report.fields.find((x) => x.name === name);
  if (!f) throw new Error(`no field ${name}`);
  return f;
}

/** [name, line, start, end, raw, value, state] */
type Row = [MrzFieldName, number, number, number, string, string | null, MrzField["state"]];

function expectFields(report: MrzReport, rows: Row[]) {
  expect(report.fields.map((f) => [f.name, f.line, f.start, f.end, f.raw, f.value, f.state])).toEqual(rows);
}

describe("parseMrz on the ICAO 9303 specimens", () => {
  it("TD3 passport", () => {
    const r = read(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]);
    expect(r.format).toBe("TD3");
    expect(r.valid).toBe(true);
    expect(r.corrections).toEqual([]);
    expectFields(r, [
      ["documentCode", 0, 0, 2, "P<", "P", "unchecked"],
      ["issuingState", 0, 2, 5, "UTO", "UTO", "unchecked"],
      ["surname", 0, 5, 13, "ERIKSSON", "ERIKSSON", "unchecked"],
      ["givenNames", 0, 15, 44, "ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "ANNA MARIA", "unchecked"],
      ["documentNumber", 1, 0, 9, "L898902C3", "L898902C3", "verified"],
      ["nationality", 1, 10, 13, "UTO", "UTO", "unchecked"],
      ["birthDate", 1, 13, 19, "740812", "1974-08-12", "verified"],
      ["sex", 1, 20, 21, "F", "F", "unchecked"],
      ["expiryDate", 1, 21, 27, "120415", "2012-04-15", "verified"],
      ["optionalData1", 1, 28, 42, "ZE184226B<<<<<", "ZE184226B", "verified"],
    ]);
    expect(r.checks).toEqual([
      { field: "documentNumber", line: 1, column: 9, expected: "6", found: "6", valid: true },
      { field: "birthDate", line: 1, column: 19, expected: "2", found: "2", valid: true },
      { field: "expiryDate", line: 1, column: 27, expected: "9", found: "9", valid: true },
      { field: "optionalData1", line: 1, column: 42, expected: "1", found: "1", valid: true },
      { field: "composite", line: 1, column: 43, expected: "0", found: "0", valid: true },
    ]);
  });

  it("TD1 card", () => {
    const r = read([
      "I<UTOD231458907<<<<<<<<<<<<<<<",
      "7408122F1204159UTO<<<<<<<<<<<6",
      "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
    ]);
    expect(r.format).toBe("TD1");
    expect(r.valid).toBe(true);
    expectFields(r, [
      ["documentCode", 0, 0, 2, "I<", "I", "unchecked"],
      ["issuingState", 0, 2, 5, "UTO", "UTO", "unchecked"],
      ["documentNumber", 0, 5, 14, "D23145890", "D23145890", "verified"],
      ["optionalData1", 0, 15, 30, "<<<<<<<<<<<<<<<", null, "verified"],
      ["birthDate", 1, 0, 6, "740812", "1974-08-12", "verified"],
      ["sex", 1, 7, 8, "F", "F", "unchecked"],
      ["expiryDate", 1, 8, 14, "120415", "2012-04-15", "verified"],
      ["nationality", 1, 15, 18, "UTO", "UTO", "unchecked"],
      ["optionalData2", 1, 18, 29, "<<<<<<<<<<<", null, "verified"],
      ["surname", 2, 0, 8, "ERIKSSON", "ERIKSSON", "unchecked"],
      ["givenNames", 2, 10, 30, "ANNA<MARIA<<<<<<<<<<", "ANNA MARIA", "unchecked"],
    ]);
    expect(r.checks.map((c) => [c.field, c.line, c.column, c.expected, c.found])).toEqual([
      ["documentNumber", 0, 14, "7", "7"],
      ["birthDate", 1, 6, "2", "2"],
      ["expiryDate", 1, 14, "9", "9"],
      ["composite", 1, 29, "6", "6"],
    ]);
  });

  it("TD1 card with a long document number continued in the optional data", () => {
    const r = read([
      "I<UTOD23145890<7349<<<<<<<<<<<",
      "3407127M9507122UTO<<<<<<<<<<<2",
      "STEVENSON<<PETER<JOHN<<<<<<<<<",
    ]);
    expect(r.valid).toBe(true);
    const number = field(r, "documentNumber");
    expect(number).toMatchObject({ line: 0, start: 5, end: 18, raw: "D23145890<734", value: "D23145890734" });
    expect(number.state).toBe("verified");
    expect(r.checks[0]).toEqual({
      field: "documentNumber",
      line: 0,
      column: 18,
      expected: "9",
      found: "9",
      valid: true,
    });
    // The filler after the check digit ends the number; the optional data starts after it.
    expect(field(r, "optionalData1")).toMatchObject({ start: 20, end: 30, value: null });
    expect(field(r, "birthDate").value).toBe("1934-07-12");
    expect(field(r, "expiryDate").value).toBe("1995-07-12");
    expect(field(r, "sex").value).toBe("M");
    expect(field(r, "surname").value).toBe("STEVENSON");
    expect(field(r, "givenNames").value).toBe("PETER JOHN");
  });

  it("TD2", () => {
    const r = read(["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"]);
    expect(r.format).toBe("TD2");
    expect(r.valid).toBe(true);
    expectFields(r, [
      ["documentCode", 0, 0, 2, "I<", "I", "unchecked"],
      ["issuingState", 0, 2, 5, "UTO", "UTO", "unchecked"],
      ["surname", 0, 5, 13, "ERIKSSON", "ERIKSSON", "unchecked"],
      ["givenNames", 0, 15, 36, "ANNA<MARIA<<<<<<<<<<<", "ANNA MARIA", "unchecked"],
      ["documentNumber", 1, 0, 9, "D23145890", "D23145890", "verified"],
      ["nationality", 1, 10, 13, "UTO", "UTO", "unchecked"],
      ["birthDate", 1, 13, 19, "740812", "1974-08-12", "verified"],
      ["sex", 1, 20, 21, "F", "F", "unchecked"],
      ["expiryDate", 1, 21, 27, "120415", "2012-04-15", "verified"],
      ["optionalData1", 1, 28, 35, "<<<<<<<", null, "verified"],
    ]);
    expect(r.checks.at(-1)).toEqual({
      field: "composite",
      line: 1,
      column: 35,
      expected: "6",
      found: "6",
      valid: true,
    });
  });

  it("MRV-A visa (no composite; XXX nationality)", () => {
    const r = read(["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX7408122F96121096ZE184226B<<<<<<"]);
    expect(r.format).toBe("MRVA");
    expect(r.valid).toBe(true);
    expect(r.checks.map((c) => c.field)).toEqual(["documentNumber", "birthDate", "expiryDate"]);
    expectFields(r, [
      ["documentCode", 0, 0, 2, "V<", "V", "unchecked"],
      ["issuingState", 0, 2, 5, "UTO", "UTO", "unchecked"],
      ["surname", 0, 5, 13, "ERIKSSON", "ERIKSSON", "unchecked"],
      ["givenNames", 0, 15, 44, "ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "ANNA MARIA", "unchecked"],
      ["documentNumber", 1, 0, 9, "L8988901C", "L8988901C", "verified"],
      ["nationality", 1, 10, 13, "XXX", "XXX", "unchecked"],
      ["birthDate", 1, 13, 19, "740812", "1974-08-12", "verified"],
      ["sex", 1, 20, 21, "F", "F", "unchecked"],
      ["expiryDate", 1, 21, 27, "961210", "1996-12-10", "verified"],
      ["optionalData1", 1, 28, 44, "6ZE184226B<<<<<<", "6ZE184226B", "unchecked"],
    ]);
  });

  it("MRV-B visa", () => {
    const r = read(["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX7408122F9612109<<<<<<<<"]);
    expect(r.format).toBe("MRVB");
    expect(r.valid).toBe(true);
    expect(field(r, "documentNumber")).toMatchObject({ raw: "L8988901C", value: "L8988901C", state: "verified" });
    expect(field(r, "expiryDate")).toMatchObject({ start: 21, end: 27, value: "1996-12-10", state: "verified" });
    expect(field(r, "optionalData1")).toMatchObject({ start: 28, end: 36, value: null, state: "unchecked" });
  });
});

describe("parseMrz on Tencent's documented example", () => {
  const lines = ["P<USACARTER<<ESTHER<<<<<<<<<<<<<<<<<<<<<<<<<", "4567123452USA9004117F2107268713843748<708026"];

  it("names the three failing checks with expected and found digits, and corrects nothing", () => {
    const r = read(lines);
    expect(r.valid).toBe(false);
    expect(r.corrections).toEqual([]);
    expect(r.checks.filter((c) => !c.valid)).toEqual([
      { field: "documentNumber", line: 1, column: 9, expected: "1", found: "2", valid: false },
      { field: "birthDate", line: 1, column: 19, expected: "5", found: "7", valid: false },
      { field: "composite", line: 1, column: 43, expected: "3", found: "6", valid: false },
    ]);
    expect(field(r, "documentNumber")).toMatchObject({ value: "456712345", state: "failed" });
    expect(field(r, "birthDate")).toMatchObject({ value: "1990-04-11", state: "failed" });
    expect(field(r, "expiryDate")).toMatchObject({ value: "2021-07-26", state: "verified" });
    expect(field(r, "optionalData1")).toMatchObject({ raw: "713843748<7080", state: "verified" });
    expect(field(r, "surname").value).toBe("CARTER");
    expect(field(r, "givenNames").value).toBe("ESTHER");
    expect(field(r, "nationality").value).toBe("USA");
  });
});

describe("parseMrz normalisation", () => {
  it("accepts spaces, lowercase, blank lines and a single string with a line break, and says so", () => {
    const r = read([
      "",
      " p<utoERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36 UTO7408122F1204159ZE184226B<<<<<10 ",
    ]);
    expect(r.valid).toBe(true);
    expect(r.normalised).toBe(true);
    expect(r.lines).toEqual([
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
      "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    ]);
    expect(r.originalLines).toHaveLength(2);
    expect(r.originalLines[1]).toContain("L898902C36 UTO");
  });

  it("does not mark clean input as normalised", () => {
    const r = read(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]);
    expect(r.normalised).toBeUndefined();
  });
});

describe("parseMrz rejects what is not an MRZ", () => {
  const td3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];

  it("empty input", () => {
    expect(() => read([])).toThrow(MrzFormatError);
    expect(() => read([])).toThrow(/No MRZ lines given; expected 2 lines of 44/);
    expect(() => read(["", "   "])).toThrow(/No MRZ lines given/);
  });

  it("45-column lines", () => {
    expect(() => read(td3.map((l) => `${l}<`))).toThrow(/got 2 lines of 45, 45 characters; expected 2 lines of 44/);
  });

  it("three lines of 44", () => {
    expect(() => read([...td3, td3[1] ?? ""])).toThrow(/got 3 lines of 44, 44, 44 characters/);
  });

  it("mixed lengths and a single line", () => {
    expect(() => read([td3[0] ?? "", "L898902C36UTO7408122F1204159<<<<<<<<6"])).toThrow(/2 lines of 44, 37/);
    expect(() => read([td3[0] ?? ""])).toThrow(/got 1 line of 44 characters/);
  });

  it("characters an MRZ cannot hold, with line and column", () => {
    const bad = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<.<10"];
    expect(() => read(bad)).toThrow(MrzFormatError);
    expect(() => read(bad)).toThrow('MRZ line 2, column 41: "." is not an MRZ character; expected A-Z, 0-9 or "<".');
    expect(() => read(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<«", td3[1] ?? ""])).toThrow(/"«" is not an MRZ/);
  });

  it("values that are not strings", () => {
    expect(() => parseMrz([42 as unknown as string, "x"])).toThrow(/MRZ line 1 is not a string/);
    expect(() => parseMrz(null as unknown as string[])).toThrow(MrzFormatError);
  });
});

describe("parseMrz correction", () => {
  const good = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];

  it("turns letters in dates and check digits back into digits and reports each change", () => {
    const r = read([good[0] ?? "", "L898902C36UTO74O8I22F12O4159ZE184226B<<<<<1O"]);
    expect(r.valid).toBe(true);
    expect(r.lines).toEqual(good);
    expect(r.corrections).toEqual([
      { field: "birthDate", line: 1, column: 15, from: "O", to: "0" },
      { field: "birthDate", line: 1, column: 17, from: "I", to: "1" },
      { field: "expiryDate", line: 1, column: 23, from: "O", to: "0" },
      { field: "composite", line: 1, column: 43, from: "O", to: "0" },
    ]);
    expect(field(r, "birthDate")).toMatchObject({ state: "corrected", original: "74O8I2", raw: "740812" });
    expect(field(r, "expiryDate")).toMatchObject({ state: "corrected", original: "12O415" });
    expect(field(r, "documentNumber").state).toBe("verified");
    expect(field(r, "documentNumber").original).toBeUndefined();
  });

  it("uses the check digit to choose between O and 0 in a document number (A08O26475)", () => {
    // Real document numbers hold both; blindly replacing O with 0 would break this one.
    const lines = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "A08O264752UTO7408122F1204159<<<<<<<<<<<<<<<6"];
    const clean = read(lines);
    expect(clean.valid).toBe(true);
    expect(field(clean, "documentNumber").value).toBe("A08O26475");
    // Misread as A08026475: the check digit rules "0" out, and more than one letter would satisfy it
    // (AQ8026475 and A08O26475). The likeliest shape wins, and the report says it was not certain.
    const misread = read([lines[0] ?? "", (lines[1] ?? "").replace("A08O", "A080")]);
    expect(misread.valid).toBe(true);
    expect(misread.correctionGap).toBeLessThan(2.5);
    expect(field(misread, "documentNumber")).toMatchObject({
      value: "AQ8026475",
      original: "A08026475",
      state: "corrected",
    });
    expect(reportDoubts(misread, { today }).map((d) => d.kind)).toContain("correction_uncertain");
  });

  it("repairs a document number and its optional data together against the composite", () => {
    const r = read([good[0] ?? "", "L8989O2C36UTO7408122F1204159ZEI84226B<<<<<10"]);
    expect(r.valid).toBe(true);
    expect(r.lines[1]).toBe(good[1]);
    expect(r.corrections).toEqual([
      { field: "documentNumber", line: 1, column: 5, from: "O", to: "0" },
      { field: "optionalData1", line: 1, column: 30, from: "I", to: "1" },
    ]);
  });

  it("prefers the likelier shape where check digits cannot decide, and flags the choice", () => {
    // Z->2 at column 29 and B->8 at column 32 change the optional data's check sum by the same amount and cost the
    // same; "ZE184226B" keeps letters and digits in runs and wins on shape, so the gap the report gives is 0: the
    // check digits did not decide.
    const r = read([good[0] ?? "", "L898902C36UTO7408122F1204159ZE1B4226B<<<<<10"]);
    expect(r.valid).toBe(true);
    expect(r.lines[1]).toBe(good[1]);
    expect(r.corrections).toEqual([{ field: "optionalData1", line: 1, column: 31, from: "B", to: "8" }]);
    expect(r.correctionGap).toBe(0);
    expect(reportDoubts(r, { today }).find((d) => d.kind === "correction_uncertain")).toMatchObject({
      fields: ["optionalData1"],
    });
  });

  it("refuses a read whose candidates tie", () => {
    // 99299S999 read as 99Z99S999: Z->2 and S->5 change the check sums equally and cost the same.
    const truth = writeMrz({ ...SPECIMEN, documentNumber: "99299S999" });
    const r = read([truth[0] ?? "", (truth[1] ?? "").replace("99299S999", "99Z99S999")]);
    expect(r.corrections).toEqual([]);
    expect(r.valid).toBe(false);
    expect(field(r, "documentNumber")).toMatchObject({ value: "99Z99S999", state: "failed" });
    expect(r.checks.filter((c) => !c.valid).map((c) => c.field)).toEqual(["documentNumber", "composite"]);
  });

  it("resets misread fillers in the name padding and in data padding", () => {
    const r = read(["P<UTOERIKSSON<<ANNA<MARIA<<<<<KLK<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<K<<10"]);
    expect(r.valid).toBe(true);
    expect(r.lines).toEqual(good);
    expect(r.corrections.map((c) => [c.field, c.column, c.from, c.to])).toEqual([
      ["filler", 39, "K", "<"],
      ["filler", 30, "K", "<"],
      ["filler", 31, "L", "<"],
      ["filler", 32, "K", "<"],
    ]);
    expect(field(r, "givenNames").value).toBe("ANNA MARIA");
  });

  it("resets K and X in an unused optional-data field whose check place holds a filler", () => {
    const truth = writeMrz({ ...SPECIMEN, optionalData1: "" });
    const r = read([truth[0] ?? "", `${(truth[1] ?? "").slice(0, 28)}X<<<<<<<<<<<<<K${(truth[1] ?? "").slice(43)}`]);
    expect(r.valid).toBe(true);
    expect(r.lines).toEqual(truth);
    expect(r.corrections.map((c) => [c.field, c.column, c.from, c.to])).toEqual([
      ["filler", 28, "X", "<"],
      ["filler", 42, "K", "<"],
    ]);
  });

  it("leaves a single filler before an X to the check digits: '1<X<<' may be '1XX<<' as well as '1<<<<'", () => {
    const truth = writeMrz({ ...SPECIMEN, documentNumber: "AB12345XX" });
    const r = read([truth[0] ?? "", (truth[1] ?? "").replace("AB12345XX", "AB12345<X")]);
    expect(r.lines).toEqual(truth);
    expect(r.corrections.map((c) => [c.column, c.from, c.to])).toEqual([[7, "<", "X"]]);
    expect(field(r, "documentNumber")).toMatchObject({ value: "AB12345XX", state: "corrected" });
  });

  it("TD1 long number: an X read for the filler after its check digit is reset", () => {
    const lines = [
      "I<UTOD23145890<7349<<<<<<<<<<<",
      "3407127M9507122UTO<<<<<<<<<<<2",
      "STEVENSON<<PETER<JOHN<<<<<<<<<",
    ];
    const r = read([lines[0]?.replace("7349<", "7349X") ?? "", lines[1] ?? "", lines[2] ?? ""]);
    expect(r.valid).toBe(true);
    expect(r.lines).toEqual(lines);
    expect(r.corrections).toEqual([{ field: "filler", line: 0, column: 19, from: "X", to: "<" }]);
    expect(field(r, "documentNumber").value).toBe("D23145890734");
  });

  it("TD1 long number: a filler misread inside the continuation is found by trying where the number ends", () => {
    // "<734" + check 9, then "<" and optional data "12": the filler after the check digit read as X makes the
    // number run on into the optional data ("7349X12"), so its check digit is taken from the wrong place.
    const lines = writeMrz({
      format: "TD1",
      documentCode: "I",
      issuingState: "UTO",
      documentNumber: "D23145890734",
      optionalData1: "12",
      optionalData2: "",
      birthDate: "340712",
      sex: "M",
      expiryDate: "950712",
      nationality: "UTO",
      surname: "STEVENSON",
      givenNames: "PETER JOHN",
    });
    expect(lines[0]).toBe("I<UTOD23145890<7349<12<<<<<<<<");
    const r = read([lines[0]?.replace("7349<12", "7349X12") ?? "", lines[1] ?? "", lines[2] ?? ""]);
    expect(r.valid).toBe(true);
    expect(r.lines).toEqual(lines);
    expect(r.corrections).toEqual([{ field: "filler", line: 0, column: 19, from: "X", to: "<" }]);
    expect(field(r, "documentNumber").value).toBe("D23145890734");
    expect(field(r, "optionalData1").value).toBe("12");
  });

  it("repairs a country code only to a unique code on the ICAO list, and reports it", () => {
    const r = read(["P<UT0ERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]);
    expect(field(r, "issuingState")).toMatchObject({ value: "UTO", original: "UT0", state: "unchecked" });
    expect(r.corrections).toEqual([{ field: "issuingState", line: 0, column: 4, from: "0", to: "O" }]);
    // Germany: "D<<" misread as "DKK".
    const de = read(["P<DKKMUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<", "C01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4"]);
    expect(field(de, "issuingState")).toMatchObject({ raw: "D<<", value: "D", original: "DKK" });
    expect(field(de, "nationality").value).toBe("D");
    expect(de.valid).toBe(true);
  });

  it("turns digits in names into letters and keeps the name as read in original", () => {
    const r = read(["P<UTOER1KSSON<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<", good[1] ?? ""]);
    expect(field(r, "surname")).toMatchObject({ value: "ERIKSSON", original: "ER1KSSON", state: "unchecked" });
    expect(field(r, "givenNames")).toMatchObject({ value: "ANNA MARIA", state: "unchecked" });
    expect(r.corrections.map((c) => c.field)).toEqual(["surname", "givenNames"]);
  });

  it("fails a name that keeps a digit no letter looks like", () => {
    const r = read(["P<UTOERIKSSON<<HAN3<MARIA".padEnd(44, "<"), good[1] ?? ""]);
    expect(field(r, "givenNames")).toMatchObject({ raw: "HAN3<MARIA".padEnd(29, "<"), state: "failed" });
    expect(field(r, "surname").state).toBe("unchecked");
    // The check digits still hold: the read is valid, the name is not.
    expect(r.valid).toBe(true);
  });

  it("leaves an ambiguous or hopeless read alone and reports it as failed", () => {
    // Two digits read as other digits, in two fields: each would be a guess, and two guesses prove nothing.
    const r = read([good[0] ?? "", (good[1] ?? "").replace("7408122", "7409122").replace("1204159", "1204359")]);
    expect(r.valid).toBe(false);
    expect(field(r, "birthDate").state).toBe("failed");
    expect(field(r, "expiryDate").state).toBe("failed");
    expect(r.corrections).toEqual([]);
  });

  it("repairs one digit read as another digit in a date when its check digit and the composite agree", () => {
    // Blurred OCR-B: the 8 of 740812 read as 9 (a closed bowl). Only 740812 makes both checks hold.
    const r = read([good[0] ?? "", (good[1] ?? "").replace("7408122", "7409122")]);
    expect(r.valid).toBe(true);
    expect(r.lines).toEqual(good);
    expect(r.corrections).toEqual([{ field: "birthDate", line: 1, column: 16, from: "9", to: "8" }]);
    expect(field(r, "birthDate")).toMatchObject({ value: "1974-08-12", state: "corrected" });
    // Two mod-10 checks among a few dozen candidates: a person is asked to compare.
    const uncertain = reportDoubts(r, { today }).find((d) => d.kind === "correction_uncertain");
    expect(uncertain).toMatchObject({ fields: ["birthDate"] });
  });

  it("repairs a check digit read as a digit it resembles, and a letter taken for the wrong digit", () => {
    // The document number's check digit 6 read as 5; then read as a U (coerced to 0 by field type), really an 8.
    const five = read([good[0] ?? "", (good[1] ?? "").replace("L898902C36", "L898902C35")]);
    expect(five.lines).toEqual(good);
    expect(five.corrections).toEqual([{ field: "documentNumber", line: 1, column: 9, from: "5", to: "6" }]);
    const lines = writeMrz({ ...SPECIMEN, documentNumber: "O32ISNXAP" });
    expect(lines[1]?.charAt(9)).toBe("8");
    const u = read([lines[0] ?? "", `${lines[1]?.slice(0, 9)}U${lines[1]?.slice(10)}`]);
    expect(u.lines).toEqual(lines);
    expect(u.corrections).toEqual([{ field: "documentNumber", line: 1, column: 9, from: "U", to: "8" }]);
  });

  it("takes a check digit read as a letter like no digit from the data, flagged: only the composite vouches", () => {
    const r = read([good[0] ?? "", (good[1] ?? "").replace("L898902C36", "L898902C3F")]);
    expect(r.valid).toBe(true);
    expect(r.lines).toEqual(good);
    expect(r.corrections).toEqual([{ field: "documentNumber", line: 1, column: 9, from: "F", to: "6" }]);
    expect(reportDoubts(r, { today }).map((d) => d.kind)).toContain("correction_uncertain");
  });

  it("solves a digit two recognitions dispute for the one value the check digits take, flagged as a guess", () => {
    const printed = writeMrz({ ...SPECIMEN, optionalData1: "40281735" });
    // The 1 of 40281735 read as a 6, which looks like no 1. Alone, the lookalikes 0/O and 2/Z make the check hold.
    const misread = [printed[0] ?? "", (printed[1] ?? "").replace("40281735", "40286735")];
    expect(read(misread).lines).not.toEqual(printed);
    // Another recognition saw a 5 there: the one digit the check digit takes at that place is put in.
    const r = parseMrz(misread, { today, disputed: [{ line: 1, column: 32, seen: "5" }] });
    expect(r.valid).toBe(true);
    expect(r.lines).toEqual(printed);
    expect(r.corrections).toEqual([{ field: "optionalData1", line: 1, column: 32, from: "6", to: "1" }]);
    const uncertain = reportDoubts(r, { today }).find((d) => d.kind === "correction_uncertain");
    expect(uncertain).toMatchObject({ fields: ["optionalData1"] });
  });

  it("takes no disputed digit the composite contradicts, nor a guess beside another change", () => {
    // The birth date's 4 read as 9; the recognitions disputed its 7 instead: no digit there makes the date's check
    // digit and the composite hold together.
    const birth = [good[0] ?? "", (good[1] ?? "").replace("7408122", "7908122")];
    const r = parseMrz(birth, { today, disputed: [{ line: 1, column: 13, seen: "1" }] });
    expect(r.valid).toBe(false);
    expect(r.corrections).toEqual([]);
    // The disputed digit and an 8 of the document number read as a B: two changes, one a guess, are not taken.
    const printed = writeMrz({ ...SPECIMEN, optionalData1: "40281735" });
    const two = (printed[1] ?? "").replace("40281735", "40286735").replace("L898902C36", "LB98902C36");
    const both = parseMrz([printed[0] ?? "", two], { today, disputed: [{ line: 1, column: 32, seen: "5" }] });
    expect(both.lines).not.toEqual(printed);
    expect(both.corrections.filter((c) => c.column === 32)).toEqual([]);
  });

  it("makes no digit-for-digit guess without a composite to confirm it (visas)", () => {
    const visa = ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX7408122F96121096ZE184226B<<<<<<"];
    const r = read([visa[0] ?? "", (visa[1] ?? "").replace("7408122", "7409122")]);
    expect(r.valid).toBe(false);
    expect(field(r, "birthDate").state).toBe("failed");
    const unreadable = read([visa[0] ?? "", (visa[1] ?? "").replace("L8988901C4", "L8988901CF")]);
    expect(unreadable.valid).toBe(false);
    expect(unreadable.corrections).toEqual([]);
  });

  it("changes nothing when correction is off", () => {
    const lines = [good[0] ?? "", "L898902C36UTO74O8I22F12O4159ZE184226B<<<<<1O"];
    const r = read(lines, false);
    expect(r.corrections).toEqual([]);
    expect(r.lines).toEqual(lines);
    expect(r.valid).toBe(false);
    expect(field(r, "birthDate").state).toBe("failed");
  });
});

describe("parseMrz details", () => {
  it("flags a name that fills its zone as possibly truncated", () => {
    const r = read(["P<UTOVANDERBERGHE<<ALEXANDRINA<MARGARETHABCD", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]);
    expect(field(r, "givenNames")).toMatchObject({ value: "ALEXANDRINA MARGARETHABCD", truncated: true });
    expect(field(r, "surname").truncated).toBeUndefined();
  });

  it("keeps unknown birth day and month as XX", () => {
    const r = read(["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO74<<<<1F1204159<<<<<<<4"]);
    expect(field(r, "birthDate")).toMatchObject({ raw: "74<<<<", value: "1974-XX-XX", state: "verified" });
    expect(r.valid).toBe(true);
  });

  it("maps an unspecified sex to null and keeps an impossible one as failed", () => {
    const unspecified = read([
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
      "L898902C36UTO7408122<1204159ZE184226B<<<<<10",
    ]);
    expect(field(unspecified, "sex")).toMatchObject({ raw: "<", value: null, state: "unchecked" });
    const impossible = read([
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
      "L898902C36UTO7408122H1204159ZE184226B<<<<<10",
    ]);
    expect(field(impossible, "sex")).toMatchObject({ raw: "H", value: null, state: "failed" });
  });

  it("resolves two-digit years: birth never in the future, expiry up to 20 years ahead", () => {
    const lines = (birth: string, expiry: string) => [
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
      `L898902C36UTO${birth}0F${expiry}0<<<<<<<<<<<<<<00`,
    ];
    const r = read(lines("261124", "461231"));
    expect(field(r, "birthDate").value).toBe("2026-11-24");
    expect(field(r, "expiryDate").value).toBe("2046-12-31");
    const r2 = read(lines("261126", "470101"));
    expect(field(r2, "birthDate").value).toBe("1926-11-26");
    expect(field(r2, "expiryDate").value).toBe("1947-01-01");
  });
});

describe("parseMrz on what real documents print (issue 16)", () => {
  const base = { ...SPECIMEN, format: "TD3" as const };

  it("repairs a number although a date read as printed is no calendar date (29 February of a common year)", () => {
    const [l1, l2] = writeMrz({ ...base, documentNumber: "99006000", birthDate: "110229" });
    const r = read([l1!, `${l2!.slice(0, 7)}D${l2!.slice(8)}`]);
    expect(r.valid).toBe(true);
    expect(r.lines).toEqual([l1, l2]);
    expect(r.corrections).toEqual([{ field: "documentNumber", line: 1, column: 7, from: "D", to: "0" }]);
    expect(reportDoubts(r).map((d) => d.kind)).toContain("invalid_date");
  });

  it("takes a date left unknown, all fillers with a filler check digit, as holding", () => {
    const [l1, l2] = writeMrz(base);
    const unknown = `${l2!.slice(0, 21)}<<<<<<<${l2!.slice(28, 43)}`;
    // The composite then counts the fillers as zeros.
    const lines = [l1!, unknown + String(compositeOf(unknown))];
    const r = read(lines);
    expect(r.valid).toBe(true);
    expect(r.lines).toEqual(lines);
    expect(field(r, "expiryDate").raw).toBe("<<<<<<");
  });

  it("keeps an empty nationality as printed instead of making it XXX", () => {
    const lines = writeMrz({ ...base, format: "TD1", documentCode: "I", nationality: "<<<" });
    const r = read(lines);
    expect(r.lines).toEqual(lines);
    expect(r.corrections).toEqual([]);
  });

  it("reads a document code starting with L as the I it resembles, and fails a code the format does not take", () => {
    const lines = writeMrz({ ...base, format: "TD1", documentCode: "ID" });
    const r = read([`L${lines[0]!.slice(1)}`, lines[1]!, lines[2]!]);
    expect(r.lines).toEqual(lines);
    expect(r.corrections[0]).toEqual({ field: "documentCode", line: 0, column: 0, from: "L", to: "I" });
    // A passport's P in a card's shape, a card's I in a passport's: neither is a document code there.
    const cardAsPassport = writeMrz({ ...base, format: "TD2", documentCode: "P", optionalData1: "" });
    expect(field(read(cardAsPassport), "documentCode").state).toBe("failed");
    expect(field(read(writeMrz({ ...base, documentCode: "I" })), "documentCode").state).toBe("failed");
    expect(field(read(writeMrz(base)), "documentCode").state).toBe("unchecked");
  });

  it("corrects only the document type letter when asked for the characters as printed", () => {
    const [l1, l2, l3] = writeMrz({ ...base, format: "TD1", documentCode: "C" });
    // A card that prints C1 and a wrong composite (the digit one higher), its C read as L.
    const printed = [`C1${l1!.slice(2)}`, `${l2!.slice(0, 29)}${(Number(l2!.slice(29)) + 1) % 10}`, l3!];
    const r = parseMrz([`L1${l1!.slice(2)}`, printed[1]!, printed[2]!], { today, correct: "document-type" });
    expect(r.lines).toEqual([`I1${l1!.slice(2)}`, printed[1], printed[2]]);
    expect(r.corrections).toEqual([{ field: "documentCode", line: 0, column: 0, from: "L", to: "I" }]);
    expect(r.valid).toBe(false);
    expect(r.checks.filter((c) => !c.valid).map((c) => c.field)).toEqual(["composite"]);
    // The default correction makes the code's digit a letter; as printed it stays.
    expect(field(read(printed), "documentCode").raw).toBe("CI");
    expect(field(parseMrz(printed, { today, correct: "document-type" }), "documentCode").raw).toBe("C1");
  });

  it("keeps digits in the names of a Russian internal passport (PN, RUS), and mends them elsewhere", () => {
    const internal = writeMrz({ ...base, documentCode: "PN", issuingState: "RUS", surname: "IM8REK" });
    expect(read(internal).lines).toEqual(internal);
    expect(field(read(internal), "surname").state).toBe("unchecked");
    const other = writeMrz({ ...base, surname: "IM8REK" });
    expect(field(read(other), "surname").raw).toBe("IMBREK");
  });
});

/** The TD3 composite check digit over a line 2 (columns 1-10, 14-20, 22-43). */
function compositeOf(line2: string): number {
  return checkDigit(line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21, 43));
}
