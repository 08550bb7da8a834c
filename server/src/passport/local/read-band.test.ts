import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatePassport } from "../../../synthetic/generate-passport";
import { readMrz } from "../../mrz/read-mrz";
import { cropBand } from "./band-crop";
import { openImage } from "./decode-image";
import { locateMrz } from "./locate-mrz";
import { createMrzOcr, type MrzOcr, type OcrLine } from "./mrz-ocr";
import { toGray } from "./raster";
import {
  type BandRead,
  fitLineLength,
  readBand,
  realignByCheckDigits,
  rotate180,
  scaleBand,
  shapeLines,
  trimLeadingJunk,
  voteOnNames,
} from "./read-band";
import { defaultModelDir } from "./worker-entry";

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

  it("recognises the 3 x 30 card shape", () => {
    const td1 = ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"];
    expect(shapeLines(td1.map(line))?.map((l) => l.text)).toEqual(td1);
  });

  it("answers null when nothing is MRZ-shaped", () => {
    expect(shapeLines([line("HELLO"), line("WORLD")])).toBeNull();
    expect(shapeLines([])).toBeNull();
  });
});

describe("trimLeadingJunk", () => {
  it("drops a character read before the document code of a line that is too long", () => {
    expect(trimLeadingJunk(line(`2${L1}`), 44)).toEqual({ text: L1, confidences: line(`2${L1}`).confidences.slice(1) });
    expect(shapeLines([line(`2${L1}`), line(L2)])?.map((l) => l.text)).toEqual([L1, L2]);
  });

  it("leaves lines of the right length, lines that start like a document code, and other lines alone", () => {
    expect(trimLeadingJunk(line(L1), 44).text).toBe(L1);
    expect(trimLeadingJunk(line(`${L1}<`), 44).text).toBe(`${L1}<`);
    expect(trimLeadingJunk(line(`22${L1.slice(1)}`), 44).text).toBe(`22${L1.slice(1)}`);
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
const band = {
  image: { width: 40, height: 20, data: new Uint8Array(800) },
  lineRows: [
    { top: 0, bottom: 10 },
    { top: 10, bottom: 20 },
  ],
};

/** A recogniser that answers the given names lines in turn (the voting logic alone, apart from any image). */
function scripted(answers: string[]): MrzOcr & { calls: number } {
  const ocr = {
    calls: 0,
    async readLines(): Promise<OcrLine[]> {
      const text = answers[ocr.calls++] ?? "";
      return [{ text, confidences: [...text].map(() => 0.95) }];
    },
    async terminate() {},
  };
  return ocr;
}

function validRead(first: string): Extract<BandRead, { status: "valid" }> {
  const report = readMrz([first, L2]);
  return {
    status: "valid",
    report,
    confidences: [[...first].map(() => 0.95), [...L2].map(() => 0.95)],
    flipped: false,
  };
}

describe("voteOnNames (scripted recogniser)", () => {
  it("keeps the read untouched when the second reading agrees (one extra call)", async () => {
    const ocr = scripted([L1]);
    const read = validRead(L1);
    expect(await voteOnNames(ocr, band, read)).toBe(read);
    expect(ocr.calls).toBe(1);
  });

  it("takes the majority letter when two of three readings agree", async () => {
    const misread = L1.replace("ERIKSSON", "ERIKSS0N").replace("ANNA", "ANWA");
    const ocr = scripted([L1, L1.replace("MARIA", "MAR1A")]);
    const got = await voteOnNames(ocr, band, validRead(misread));
    expect(ocr.calls).toBe(2);
    expect(got.status).toBe("valid");
    if (got.status !== "valid") return;
    expect(got.report.lines).toEqual([L1, L2]);
    // Characters won 2 to 1 carry two thirds at most; undisputed ones keep their confidence.
    expect(got.confidences[0]?.[L1.indexOf("ANNA") + 2]).toBeCloseTo(2 / 3, 5);
    expect(got.confidences[0]?.[0]).toBe(0.95);
  });

  it("keeps the first reading of a three-way split but marks it a third, so the name gets flagged", async () => {
    const first = L1.replace("ANNA", "ANWA");
    const ocr = scripted([L1.replace("ANNA", "ANHA"), L1.replace("ANNA", "ANMA")]);
    const got = await voteOnNames(ocr, band, validRead(first));
    if (got.status !== "valid") throw new Error("expected a valid read");
    expect(got.report.lines[0]).toBe(first);
    expect(got.confidences[0]?.[L1.indexOf("ANNA") + 2]).toBeCloseTo(1 / 3, 5);
  });

  it("ignores readings of another length (shifted from the slip on)", async () => {
    const ocr = scripted(["P<UTO", `${L1.replace("ANNA", "ANNNA")}`]);
    const read = validRead(L1.replace("ANNA", "ANWA"));
    const got = await voteOnNames(ocr, band, read);
    if (got.status !== "valid") throw new Error("expected a valid read");
    expect(got.report.lines[0]).toBe(L1.replace("ANNA", "ANWA"));
  });
});

describe("readBand with name votes on a generated passport (real recogniser)", () => {
  let ocr: MrzOcr;
  beforeAll(async () => {
    ocr = await createMrzOcr({ langPath: defaultModelDir(), lang: "mrz" });
  }, 60_000);
  afterAll(async () => {
    await ocr?.terminate();
  });

  it("reads the band exactly and reads the names line again", async () => {
    const g = await generatePassport({ seed: 2_000_000_530, conditions: "moderate" });
    const source = await openImage(g.image, g.mediaType);
    const overview = await source.overview(800);
    const f = overview.factor;
    const [c] = locateMrz(toGray(overview.image), { maxCandidates: 1 });
    if (!c) throw new Error("no band located");
    const crop = await cropBand(source, {
      ...c,
      cx: c.cx * f,
      cy: c.cy * f,
      halfLength: c.halfLength * f,
      halfThickness: c.halfThickness * f,
      pitch: c.pitch * f,
    });
    if (!crop) throw new Error("no crop");
    let calls = 0;
    const counting: MrzOcr = {
      readLines: (image, mode) => {
        calls++;
        return ocr.readLines(image, mode);
      },
      terminate: async () => {},
    };
    const read = await readBand(counting, crop, "block", undefined, { nameVotes: true });
    expect(read.status).toBe("valid");
    if (read.status !== "valid") return;
    expect(read.report.lines).toEqual(g.truth.mrzLines);
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(read.confidences[0]).toHaveLength(44);

    // The second reading's band (scaled to 20 px capitals): line rows follow the scale and it reads the same.
    const small = scaleBand(crop, 0.625);
    expect(small.image.height).toBe(Math.round(crop.image.height * 0.625));
    small.lineRows.forEach((r, i) => {
      expect(Math.abs(r.top - crop.lineRows[i]!.top * 0.625)).toBeLessThan(2);
      expect(Math.abs(r.bottom - crop.lineRows[i]!.bottom * 0.625)).toBeLessThan(2);
    });
    const again = await readBand(ocr, small, "block");
    expect(again.status === "valid" && again.report.lines).toEqual(g.truth.mrzLines);
  }, 60_000);
});
