import { reportDoubts } from "contract/mrz/report-doubts";
import { describe, expect, it } from "vitest";
import { generatePassport } from "../../../synthetic/generate-passport";
import { openImage } from "../image/decode-image";
import { cropBand } from "../locate/crop-band";
import { locateBand, OVERVIEW_SIDE } from "../locate/locate-band";
import type { OcrLine } from "./ocr-line";
import {
  cutOffPrint,
  dropLeastConfident,
  fitLineLength,
  readBand,
  realignByCheckDigits,
  rescaledOpinion,
  rotate180,
  shapeLines,
  trimLeadingJunk,
  trimLeadingNonLetters,
  trimTrailingJunk,
} from "./read-band";
import type { Recogniser } from "./tesseract-recogniser";
import { useRecogniser } from "./tesseract-recogniser.test-fixture";

const line = (text: string) => ({ text, confidences: [...text].map((_, i) => 0.5 + (i % 5) / 10) });
const L1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
const L2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";

describe("fitLineLength", () => {
  it("keeps a line of the right length as it is", () => {
    expect(fitLineLength(line(L1), 44)).toEqual(line(L1));
  });

  it("restores a dropped or doubled filler in the longest run, keeping confidences aligned", () => {
    const short = line(L2.replace("<<<<<", "<<<<"));
    const fixed = fitLineLength(short, 44);
    expect(fixed?.text).toBe(L2);
    expect(fixed?.confidences).toHaveLength(44);
    // Characters after the run keep their own confidence.
    expect(fixed?.confidences.at(-1)).toBe(short.confidences.at(-1));
    const long = line(L1.replace("<<<<<<<<<<", "<<<<<<<<<<<<"));
    expect(fitLineLength(long, 44)?.text).toBe(L1);
  });

  it("refuses lines too far off or without a filler run to adjust", () => {
    expect(fitLineLength(line(L2.slice(0, 40)), 44)).toBeNull();
    expect(fitLineLength(line("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEF"), 44)).toBeNull();
  });
});

describe("shapeLines", () => {
  it("picks the two MRZ lines out of extra recognised lines (noise above)", () => {
    const got = shapeLines([line("KKXX"), line(L1), line(L2)]);
    expect(got?.map((l) => l.text)).toEqual([L1, L2]);
  });

  it("skips a speck read as a line of its own between the MRZ lines", () => {
    expect(shapeLines([line(L1), line("H"), line(L2)])?.map((l) => l.text)).toEqual([L1, L2]);
    expect(shapeLines([line(L1), line("KX<"), line(L2), line("1")])?.map((l) => l.text)).toEqual([L1, L2]);
  });

  it("recognises the 3 x 30 card shape", () => {
    const td1 = ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"];
    expect(shapeLines(td1.map(line))?.map((l) => l.text)).toEqual(td1);
  });

  it("answers null when nothing is MRZ-shaped", () => {
    expect(shapeLines([line("HELLO"), line("WORLD")])).toBeNull();
    expect(shapeLines([])).toBeNull();
  });
});

describe("dropLeastConfident", () => {
  // A full optional-data field leaves line 2 no run of fillers to shorten.
  const FULL = "JY91427130GBD5503182F3006210WANQYCJHV7GSD<46";
  const NAMES = "P<GBDVOGEL<<CHIDI<PETER<PAULA<VAN<DER<BERGEN";
  const withExtra = (text: string, at: number, ch: string) => {
    const l = line(text);
    return {
      text: text.slice(0, at) + ch + text.slice(at),
      confidences: [...l.confidences.slice(0, at), 0.2, ...l.confidences.slice(at)],
    };
  };

  it("drops the least confident character of a line one too long, keeping confidences aligned", () => {
    const got = dropLeastConfident(withExtra(FULL, 42, "I"), 44);
    expect(got?.text).toBe(FULL);
    expect(got?.confidences).toEqual(line(FULL).confidences);
    expect(dropLeastConfident(line(FULL), 44)).toBeNull();
    expect(dropLeastConfident(line(`${FULL}12`), 44)).toBeNull();
  });

  it("lets shapeLines mend a line with no filler run by its least confident character, the names line too", () => {
    expect(fitLineLength(withExtra(FULL, 42, "I"), 44)).toBeNull();
    expect(shapeLines([line(L1), withExtra(FULL, 42, "I")])?.map((l) => l.text)).toEqual([L1, FULL]);
    // A guess on the names line: a read that keeps it puts the names in doubt (namesRefitted, tested below).
    const names = withExtra(NAMES, 20, "I");
    expect(shapeLines([names, line(FULL)])?.[0]?.text).toBe(dropLeastConfident(names, 44)?.text);
  });
});

describe("trimLeadingJunk", () => {
  it("drops a character read before the document code of a line that is too long", () => {
    expect(trimLeadingJunk(line(`2${L1}`), 44)).toEqual({ text: L1, confidences: line(`2${L1}`).confidences.slice(1) });
    expect(shapeLines([line(`2${L1}`), line(L2)])?.map((l) => l.text)).toEqual([L1, L2]);
  });

  it("prefers the start followed by a known issuing state when junk itself reads like a document code", () => {
    const junk = `AX${L1}`;
    expect(trimLeadingJunk(line(junk), 44).text).toBe(L1);
    expect(shapeLines([line(junk), line(L2)])?.map((l) => l.text)).toEqual([L1, L2]);
  });

  it("leaves lines of the right length, lines that start like a document code, and other lines alone", () => {
    expect(trimLeadingJunk(line(L1), 44).text).toBe(L1);
    expect(trimLeadingJunk(line(`${L1}<`), 44).text).toBe(`${L1}<`);
    expect(trimLeadingJunk(line(`22${L1.slice(1)}`), 44).text).toBe(`22${L1.slice(1)}`);
  });
});

describe("trimLeadingNonLetters", () => {
  const TD1 = [
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
  ] as const;
  it("drops what was read before a card's names of a names line that is too long", () => {
    // The card's edge left of the MRZ read as a 4 before every line (a turned card, validation 97800274).
    const read = [`Z${TD1[0]}`, TD1[1], `4${TD1[2]}<`].map(line);
    expect(shapeLines(read)?.map((l) => l.text)).toEqual(TD1);
    const names = line(`4${TD1[2]}`);
    expect(trimLeadingNonLetters(names, 30)).toEqual({ text: TD1[2], confidences: names.confidences.slice(1) });
    expect(trimLeadingNonLetters(line(`<2${TD1[2]}`), 30).text).toBe(TD1[2]);
  });

  it("keeps a names line of the right length, and a letter however it is placed", () => {
    expect(trimLeadingNonLetters(line(TD1[2]), 30).text).toBe(TD1[2]);
    expect(trimLeadingNonLetters(line(`X${TD1[2]}`), 30).text).toBe(`X${TD1[2]}`);
    expect(trimLeadingNonLetters(line(`123${TD1[2]}`), 30).text).toBe(`3${TD1[2]}`);
  });
});

describe("trimTrailingJunk", () => {
  it("drops up to three characters read after the padding of a names line that is too long", () => {
    const long = line(`${L1}J4`);
    expect(trimTrailingJunk(long, 44)).toEqual({ text: L1, confidences: long.confidences.slice(0, 44) });
    expect(shapeLines([line(`${L1}H`), line(L2)])?.map((l) => l.text)).toEqual([L1, L2]);
  });

  it("leaves lines of the right length, names that run to the end, and longer runs alone", () => {
    expect(trimTrailingJunk(line(`${L1.slice(0, 43)}H`), 44).text).toBe(`${L1.slice(0, 43)}H`);
    const fullName = "P<UTOHOLLENSTEIN<MAYER<<ANNA<MARIA<ELISABETH";
    expect(trimTrailingJunk(line(`${fullName}X`), 44).text).toBe(`${fullName}X`);
    expect(trimTrailingJunk(line(`${L1}ABCD`), 44).text).toBe(`${L1}ABCD`);
  });
});

describe("cutOffPrint", () => {
  it("reads both lines of a band whose crop ran into print right of the MRZ (a skewed page on a cluttered desk)", () => {
    // The recogniser's lines for such a crop (generated photo 97 800 303): a speck, the names line with the padding
    // read on into the print, the data line with the print read after its composite.
    const names = "P<KENOLSEN<<WEI<QUENTIN<ASTRID<<<<<<<<<<<<<<";
    const data = "H918935765KEN2408286F360802744193782<<<<<<20";
    const read = [line("XH"), line(`${names}<<<<4J0`), line(`${data}<<66991`)];
    expect(shapeLines(read)?.map((l) => l.text)).toEqual([names, data]);
  });

  it("drops only fillers from a names line, at its right, and at most eight characters from any line", () => {
    expect(cutOffPrint(line(`VV<${L2}`), 44, false, "left")?.text).toBe(L2);
    expect(cutOffPrint(line(`${L1}<<`), 44, true, "left")?.text).toBe(L1);
    expect(cutOffPrint(line(`${L1}<<<`), 44, true, "right")?.text).toBe(L1);
    expect(cutOffPrint(line(`${L1.slice(0, 43)}<<AN`), 44, true, "right")).toBeNull();
    expect(cutOffPrint(line(`${L2}<1234567`), 44, false, "right")?.text).toBe(L2);
    expect(cutOffPrint(line(`${L2}<12345678`), 44, false, "right")).toBeNull();
    expect(cutOffPrint(line(L2), 44, false, "right")).toBeNull();
  });

  it("cuts no passport line to a TD2 line's length: the composite alone would tell them apart", () => {
    // A passport's lines read 3 short: too far off to fit 44, and 5 past a TD2 line's end, where every check digit
    // of the data line but the composite sits.
    expect(shapeLines([line(L1.slice(0, 41)), line(L2.slice(0, 41))])).toBeNull();
  });
});

describe("realignByCheckDigits", () => {
  const realign = (l1: string, l2: string) => {
    const raw = [line(l1), line(l2)];
    const fitted = raw.map((l) => fitLineLength(l, 44) ?? l);
    return realignByCheckDigits(raw, fitted, 44);
  };

  it("drops the one character that shifted the fields of line 2 (an extra X in the birth date)", () => {
    const slipped = L2.replace("7408122F", "74081X22F");
    // The filler fit alone mends the length but not the shift: the check digits fail.
    expect(fitLineLength(line(slipped), 44)?.text).not.toBe(L2);
    const got = realign(L1, slipped);
    expect(got?.report.valid).toBe(true);
    expect(got?.report.lines).toEqual([L1, L2]);
    expect(got?.lines[1]?.confidences).toHaveLength(44);
  });

  it("leaves a line one character short alone (a filler put back and substituted could pass wrongly)", () => {
    expect(realign(L1, L2.replace("7408122F", "740812F"))).toBeNull();
  });

  it("refuses when two realignments fit the check digits equally well, or none does", () => {
    // A slip plus a look-alike: several deletions need one substitution each.
    expect(realign(L1, "L8989X02C36UTO7408122F12O4159ZE184226B<<<<<10")).toBeNull();
    // Right length: nothing to realign.
    expect(realign(L1, L2.replace("7408122", "7408123"))).toBeNull();
    // Too much damage for two substitutions.
    expect(realign(L1, "L8X98902C36UTO7418122F1204159ZE184226B<<<<<13")).toBeNull();
  });
});

describe("rotate180", () => {
  it("reverses the raster", () => {
    const img = { width: 3, height: 2, data: new Uint8Array([1, 2, 3, 4, 5, 6]) };
    expect(Array.from(rotate180(img).data)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(rotate180(rotate180(img))).toEqual(img);
  });
});

describe("readBand second opinion", () => {
  /** A recogniser that answers `block` or `lines` text by the mode it is asked in, every character sure. */
  const sure = (text: string): OcrLine => ({ text, confidences: [...text].map(() => 0.99) });
  const scripted = (block: string[], lines: string[]): Recogniser & { calls: string[] } => {
    const calls: string[] = [];
    let next = 0;
    return {
      calls,
      async readLines(_image, mode = "block") {
        calls.push(mode);
        if (mode === "block") return block.map(sure);
        const one: OcrLine = sure(lines[next % lines.length] as string);
        next++;
        return [one];
      },
      async terminate() {},
    };
  };
  const band = {
    image: { width: 10, height: 10, data: new Uint8Array(100) },
    lineRows: [
      { top: 0, bottom: 5 },
      { top: 5, bottom: 10 },
    ],
  };

  it("asks the other read mode when a valid read carries doubts, and keeps the read with fewer", async () => {
    // The block read garbles the document code and the issuing state (nothing guards them); line by line is clean.
    const ocr = scripted([`<GHD${L1.slice(4)}`, L2], [L1, L2]);
    const read = await readBand(ocr, band, "block");
    expect(read.status === "valid" && read.report.lines).toEqual([L1, L2]);
    expect(ocr.calls).toEqual(["block", "line", "line"]);
  });

  it("keeps the first read when the second has as many doubts; a clean read gets only its names line read again", async () => {
    const garbled = `<GHD${L1.slice(4)}`;
    const doubtful = scripted([garbled, L2], [garbled, L2]);
    const read = await readBand(doubtful, band, "block");
    expect(read.status === "valid" && read.report.lines[0]).toBe(garbled);
    const clean = scripted([L1, L2], [L1, L2]);
    const cleanRead = await readBand(clean, band, "block");
    expect(clean.calls).toEqual(["block", "line"]);
    expect(cleanRead.status === "valid" && cleanRead.secondRead).toEqual([]);
  });

  it("reads a small capture's whole band again and compares every field", async () => {
    const ocr = scripted([L1, L2], [L1, L2.replace("L898902C3", "L898902G3")]);
    const read = await readBand(ocr, { ...band, capHeightPx: 9 }, "block");
    expect(ocr.calls).toEqual(["block", "line", "line"]);
    expect(read.status === "valid" && read.secondRead?.map((d) => d.field)).toEqual(["documentNumber"]);
  });

  it("reads a number again when it holds a letter no check digit tells from its lookalike, up to past it", async () => {
    // C, M and W are worth 12, 22 and 32: the document number's check digit holds for all three.
    const m = L2.replace("L898902C3", "L898902M3");
    const w = L2.replace("L898902C3", "L898902W3");
    const widths: number[] = [];
    const again = (second: string): Recogniser => {
      let calls = 0;
      return {
        async readLines(image, mode = "block") {
          widths.push(image.width);
          const sure = (t: string) => ({ text: t, confidences: [...t].map(() => 0.99) });
          if (mode === "block") return [L1, m].map(sure);
          // What a recogniser sees of a stretch (10 px cells from x = 20): the names line first, then line 2.
          const cells = Math.round((image.width - 20) / 10);
          return [sure((calls++ === 0 ? L1 : second).slice(0, cells))];
        },
        async terminate() {},
      };
    };
    const wide = {
      image: { width: 480, height: 10, data: new Uint8Array(4800) },
      lineRows: band.lineRows,
      textSpan: { left: 20, right: 460 },
    };
    const read = await readBand(again(w), wide, "block");
    expect(read.status === "valid" && read.report.lines).toEqual([L1, m]);
    // The names up to 3 cells past "MARIA" (28 cells); the document number (columns 0-8) up to 3 cells past it.
    expect(widths).toEqual([480, 20 + 28 * 10, 20 + 12 * 10]);
    expect(read.status === "valid" && read.secondRead).toEqual([{ field: "documentNumber", other: "L898902W3" }]);
    const seenAlike = await readBand(again(m), wide, "block");
    expect(seenAlike.status === "valid" && seenAlike.secondRead).toEqual([]);
    // Seen as another letter (N, 23): the check digit settles that the first read was right.
    const seenOther = await readBand(again(L2.replace("L898902C3", "L898902N3")), wide, "block");
    expect(seenOther.status === "valid" && seenOther.secondRead).toEqual([]);
    // A read with a doubt already had the other mode's opinion: that one is compared.
    const garbled = `<GHD${L1.slice(4)}`;
    const both = scripted([garbled, m], [garbled, w]);
    const doubted = await readBand(both, band, "block");
    expect(both.calls).toEqual(["block", "line", "line"]);
    expect(doubted.status === "valid" && doubted.secondRead).toEqual([{ field: "documentNumber", other: "L898902W3" }]);
    // A C is no M or W to the eye: the names line alone is read again.
    const plain = scripted([L1, L2], [L1, L2]);
    await readBand(plain, band, "block");
    expect(plain.calls).toEqual(["block", "line"]);
  });

  it("says when the names line was read with a character too many and fitted", async () => {
    const names = `${L1.slice(0, 20)}I${L1.slice(20)}`;
    const read = await readBand(scripted([names, L2], [names, L2]), band, "block");
    expect(read.status === "valid" && read.namesRefitted).toBe(true);
    const plain = await readBand(scripted([L1, L2], [L1, L2]), band, "block");
    expect(plain.status === "valid" && plain.namesRefitted).toBe(false);
  });

  it("compares every field with the band cut at another scale (rescaledOpinion)", async () => {
    const read = await readBand(scripted([L1, L2], [L1, L2]), band, "block");
    if (read.status !== "valid") throw new Error("no valid read");
    const otherScale = scripted([L1, L2.replace("7408122", "7408123")], []);
    expect((await rescaledOpinion(otherScale, band, read)).map((d) => d.field)).toEqual(["birthDate"]);
    expect(await rescaledOpinion(scripted([L1, L2], []), band, read)).toEqual([]);
    // Nothing MRZ-shaped at the other scale: every field is in doubt.
    expect(await rescaledOpinion(scripted(["KKK"], []), band, read)).toHaveLength(read.report.fields.length);
  });

  it("reads the names line again only up to a few cells past the names when it knows the text box", async () => {
    const widths: number[] = [];
    const cut: Recogniser = {
      async readLines(image, mode = "block") {
        widths.push(image.width);
        if (mode === "block") return [L1, L2].map((t) => ({ text: t, confidences: [...t].map(() => 0.99) }));
        // What a recogniser sees of the stretch: the line's first cells, the last of them fillers.
        const cells = Math.round((image.width - 20) / 10);
        const text = L1.slice(0, cells).replace("MARIA", "MARLA");
        return [{ text, confidences: [...text].map(() => 0.99) }];
      },
      async terminate() {},
    };
    const wide = { image: { width: 480, height: 10, data: new Uint8Array(4800) }, lineRows: band.lineRows };
    const read = await readBand(cut, { ...wide, textSpan: { left: 20, right: 460 } }, "block");
    // "ERIKSSON<<ANNA<MARIA" ends in column 25: the stretch holds 28 cells.
    expect(widths).toEqual([480, 20 + 28 * 10]);
    expect(read.status === "valid" && read.secondRead?.map((d) => d.field)).toEqual(["givenNames"]);
  });

  it("puts the names in doubt when the names line read again differs", async () => {
    const ocr = scripted([L1, L2], [L1.replace("ANNA", "ANMA")]);
    const read = await readBand(ocr, band, "block");
    expect(read.status === "valid" && read.report.lines).toEqual([L1, L2]);
    expect(read.status === "valid" && read.secondRead).toEqual([
      { field: "givenNames", other: L1.replace("ANNA", "ANMA").slice(15) },
    ]);
  });

  it("solves a digit the two read modes dispute by the check digits, as a guess reported uncertain", async () => {
    // The document number's second 9 (column 4) read as 4 in one mode and as 7 in the other.
    const block = L2.replace("L8989", "L8984");
    const lines = L2.replace("L8989", "L8987");
    const read = await readBand(scripted([L1, block], [L1, lines]), band, "block");
    expect(read.status === "valid" && read.report.lines).toEqual([L1, L2]);
    expect(read.status === "valid" && read.report.corrections).toEqual([
      { field: "documentNumber", line: 1, column: 4, from: "4", to: "9" },
    ]);
    expect(read.status === "valid" && reportDoubts(read.report).map((d) => d.kind)).toContain("correction_uncertain");
    // Read alike, nothing is disputed: only lookalikes (0/O, 2/Z) mend it, and wrongly.
    const alike = await readBand(scripted([L1, block], [L1, block]), band, "block");
    expect(alike.status === "valid" && alike.report.lines[1]).toBe(L2.replace("L898902", "L8984OZ"));
  });

  it("prefers a disputed digit solved by the check digits to a read mended with three lookalikes", async () => {
    // The 2 of ZE184226B read as 7: alone, 1/I, 8/B and B/8 make the optional data's check hold. The other mode
    // saw a 5 there.
    const block = L2.replace("ZE184226B", "ZE184726B");
    const alone = await readBand(scripted([L1, block], [L1, block]), band, "block");
    expect(alone.status === "valid" && alone.report.lines[1]).not.toBe(L2);
    const lines = L2.replace("ZE184226B", "ZE184526B");
    const read = await readBand(scripted([L1, block], [L1, lines]), band, "block");
    expect(read.status === "valid" && read.report.lines).toEqual([L1, L2]);
  });

  it("confirms an inconsistent read that both read modes see alike, uncorrected, and no other", async () => {
    // The composite printed wrong (1 for 0): every other check digit holds.
    const wrong = `${L2.slice(0, 43)}1`;
    const agreed = await readBand(scripted([L1, wrong], [L1, wrong]), band, "block");
    expect(agreed.status).toBe("inconsistent");
    expect(agreed.status === "inconsistent" && agreed.confirmed?.report.lines).toEqual([L1, wrong]);
    expect(agreed.status === "inconsistent" && agreed.report.corrections).toEqual([]);
    expect(agreed.status === "inconsistent" && agreed.confirmed?.doubts).toEqual([]);
    const other = `${L2.slice(0, 42)}81`;
    const split = await readBand(scripted([L1, wrong], [L1, other]), band, "block");
    expect(split.status === "inconsistent" && split.confirmed).toBeUndefined();
    // A guarded field seen differently (the document number's 9 as 8) is no agreement either.
    const number = await readBand(scripted([L1, wrong], [L1, wrong.replace("L8989", "L8988")]), band, "block");
    expect(number.status === "inconsistent" && number.confirmed).toBeUndefined();
  });

  it("keeps a line cut to length only when its check digits hold, cut at the right or else at the left", async () => {
    // Print right of the band read after the composite: cut, and every check digit holds.
    const after = await readBand(scripted([L1, `${L2}<<66991`], [L1, `${L2}<<66991`]), band, "block");
    expect(after.status === "valid" && after.report.lines).toEqual([L1, L2]);
    // Print left of it read before the number: cut at the right, the check digits fail; cut at the left, they hold.
    const before = await readBand(scripted([L1, `VVV<<${L2}`], [L1, `VVV<<${L2}`]), band, "block");
    expect(before.status === "valid" && before.report.lines).toEqual([L1, L2]);
    // Padding cut off the names line waits for nothing: the data line read one too long is realigned as before.
    const padding = await readBand(scripted([`${L1}<<<ZCE`, `${L2}5`], [`${L1}<<<ZCE`, `${L2}5`]), band, "block");
    expect(padding.status === "valid" && padding.report.lines).toEqual([L1, L2]);
    // Print on both sides: no cut holds, and both read modes seeing it alike confirms nothing.
    const both = await readBand(scripted([L1, `VV${L2}<1`], [L1, `VV${L2}<1`]), band, "block");
    expect(both.status).toBe("none");
    // Cut, the check digits hold only once the birth date's O is read as 0: a cut they had to mend is not judged.
    const mended = `${L2.replace("7408122", "74O8122")}<<66991`;
    const corrected = await readBand(scripted([L1, mended], [L1, mended]), band, "block");
    expect(corrected.status).toBe("none");
  });

  it("confirms a read whose recognitions differ only in the names, and puts the names in doubt", async () => {
    const wrong = `${L2.slice(0, 43)}1`;
    // Line by line reads a 0 into the given names: one character too many, the padding shortened to fit.
    const names = L1.replace("ANNA<MARIA<", "ANNA<MAR0IA");
    const read = await readBand(scripted([L1, wrong], [names, wrong]), band, "block");
    expect(read.status === "inconsistent" && read.confirmed?.report.lines).toEqual([L1, wrong]);
    expect(read.status === "inconsistent" && read.confirmed?.doubts.map((d) => d.field)).toEqual(["givenNames"]);
  });

  describe("on a card (three lines)", () => {
    const card = {
      image: { width: 10, height: 15, data: new Uint8Array(150) },
      lineRows: [
        { top: 0, bottom: 5 },
        { top: 5, bottom: 10 },
        { top: 10, bottom: 15 },
      ],
    };
    // ICAO 9303-5's specimen, its composite printed wrong (6 as 7).
    const T1 = "D231458907<<<<<<<<<<<<<<<";
    const T2 = "7408122F1204159UTO<<<<<<<<<<<7";
    const T3 = "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";

    it("takes an L for the document type's I and keeps a digit the issuer put second, as printed", async () => {
      const read = await readBand(scripted([`L1UTO${T1}`, T2, T3], [`L1UTO${T1}`, T2, T3]), card, "block");
      expect(read.status === "inconsistent" && read.confirmed?.report.lines).toEqual([`I1UTO${T1}`, T2, T3]);
      expect(read.status === "inconsistent" && read.confirmed?.report.corrections).toEqual([
        { field: "documentCode", line: 0, column: 0, from: "L", to: "I" },
      ]);
    });

    it("confirms a partial agreement only on a document: a known issuer, some field's check digit holding", async () => {
      const wrongNumber = `I<UTOD231458908<<<<<<<<<<<<<<<`;
      const other = T3.replace("ANNA", "ANMA");
      const unknown = await readBand(scripted([`I<UTQ${T1}`, T2, T3], [`I<UTQ${T1}`, T2, other]), card, "block");
      expect(unknown.status === "inconsistent" && unknown.confirmed).toBeUndefined();
      // The number and both dates fail (one digit off each): only the composite could have held.
      const dates = T2.replace("7408122", "7408123").replace("1204159", "1204158");
      const none = await readBand(scripted([wrongNumber, dates, T3], [wrongNumber, dates, other]), card, "block");
      expect(none.status === "inconsistent" && none.confirmed).toBeUndefined();
      // Seen alike character for character, the same lines are what is printed.
      const alike = await readBand(scripted([wrongNumber, dates, T3], [wrongNumber, dates, T3]), card, "block");
      expect(alike.status === "inconsistent" && alike.confirmed?.report.lines).toEqual([wrongNumber, dates, T3]);
      // One date holding is enough.
      const one = T2.replace("7408122", "7408123");
      const some = await readBand(scripted([wrongNumber, one, T3], [wrongNumber, one, other]), card, "block");
      expect(some.status === "inconsistent" && some.confirmed?.report.lines).toEqual([wrongNumber, one, T3]);
      expect(some.status === "inconsistent" && some.confirmed?.doubts.map((d) => d.field)).toEqual(["givenNames"]);
    });

    it("confirms nothing whose document type belongs to another shape (a band cut short)", async () => {
      const read = await readBand(scripted([`P<UTO${T1}`, T2, T3], [`P<UTO${T1}`, T2, T3]), card, "block");
      expect(read.status).toBe("inconsistent");
      expect(read.status === "inconsistent" && read.confirmed).toBeUndefined();
    });
  });
});

describe("readBand on a generated passport (real recogniser)", () => {
  const ocr = useRecogniser();

  it("reads the located and cropped band exactly, upright and turned upside down", async () => {
    const g = await generatePassport({ seed: 2_000_000_530, conditions: "moderate" });
    const source = await openImage(g.image, g.mediaType);
    const [c] = locateBand(await source.overview(OVERVIEW_SIDE), 1).candidates;
    if (!c) throw new Error("no band located");
    const crop = await cropBand(source, c);
    if (!crop) throw new Error("no crop");
    const read = await readBand(ocr(), crop, "block");
    expect(read.status === "valid" && read.report.lines).toEqual(g.truth.mrzLines);
    expect(read.status === "valid" && read.confidences[0]).toHaveLength(44);
    const turned = { image: rotate180(crop.image), lineRows: [] };
    const again = await readBand(ocr(), turned, "block");
    expect(again.status === "valid" && again.flipped).toBe(true);
    expect(again.status === "valid" && again.report.lines).toEqual(g.truth.mrzLines);
  }, 60_000);
});
