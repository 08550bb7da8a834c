import { describe, expect, it } from "vitest";
import { fitToPitch, type PlacedChar } from "./character-pitch";

/** Characters at a 30 px pitch with a little jitter; `skip` lists cells left empty (characters the recogniser missed). */
function placed(text: string, skip: number[] = []): PlacedChar[] {
  const out: PlacedChar[] = [];
  let cell = 0;
  for (const [i, ch] of [...text].entries()) {
    while (skip.includes(cell)) cell++;
    out.push({ ch, confidence: 0.95, centre: 100 + cell * 30 + ((i * 7) % 5) - 2, width: 18 });
    cell++;
  }
  return out;
}

describe("fitToPitch", () => {
  it("leaves an evenly spaced line as read", () => {
    const line = fitToPitch(placed("P<UTOERIKSSON<<ANNA<MARIA"));
    expect(line.text).toBe("P<UTOERIKSSON<<ANNA<MARIA");
    expect(line.confidences).toEqual(new Array(25).fill(0.95));
  });

  it("puts a missed character back as an unsure filler in its place", () => {
    // ANNA<MARIA read as ANNAMARIA with a one-cell gap where the filler was.
    const line = fitToPitch(placed("P<UTOERIKSSON<<ANNAMARIA<<<<", [19]));
    expect(line.text).toBe("P<UTOERIKSSON<<ANNA<MARIA<<<<");
    expect(line.confidences[19]).toBe(0);
    expect(line.confidences.filter((c) => c === 0)).toHaveLength(1);
  });

  it("puts back as many as the gap held", () => {
    const line = fitToPitch(placed("L898902C36UTO7408122F", [8, 9]));
    expect(line.text).toBe("L898902C<<36UTO7408122F");
    expect(line.confidences.slice(8, 10)).toEqual([0, 0]);
  });

  it("puts a repeated character read once in a box two pitches wide back twice, the copy unsure", () => {
    // 1111 read as 111: the recogniser saw no gap between the last two and gave them one box.
    const chars = placed("L898902C36UTO7408122F1204159ZE18411<<<<<<10", [35]);
    const wide = chars[34]!;
    chars[34] = { ...wide, centre: wide.centre + 15, width: 48 };
    const line = fitToPitch(chars);
    expect(line.text).toBe("L898902C36UTO7408122F1204159ZE184111<<<<<<10");
    expect(line.confidences[34]).toBe(0.95);
    expect(line.confidences[35]).toBe(0);
    // A wide box with no room beside it is one character (a W, a stretched filler): left as read.
    const crowded = placed("L898902C36UTO7408122F1204159ZE184111<<<<<<10");
    crowded[34] = { ...crowded[34]!, width: 48 };
    expect(fitToPitch(crowded).text).toBe("L898902C36UTO7408122F1204159ZE184111<<<<<<10");
    // A wide glyph in its own cell beside a missed character is one character: the miss is put back as a filler.
    const beside = placed("L898902C36UTO7408122F1204159ZE18411<<<<<<10", [35]);
    beside[34] = { ...beside[34]!, width: 48 };
    expect(fitToPitch(beside).text).toBe("L898902C36UTO7408122F1204159ZE18411<<<<<<<10");
    // Nor a filler: the length fit counts fillers.
    const filler = placed("L898902C36UTO7408122F1204159ZE184111<<<<<10", [38]);
    filler[37] = { ...filler[37]!, centre: filler[37]!.centre + 15, width: 48 };
    expect(fitToPitch(filler).text).toBe("L898902C36UTO7408122F1204159ZE184111<<<<<10");
    // Nor next to the line's stretched first boxes, whose centres are not where the characters are printed.
    const early = placed("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<", [3]);
    early[2] = { ...early[2]!, centre: early[2]!.centre + 15, width: 48 };
    expect(fitToPitch(early).text).toBe("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<");
  });

  it("trusts no gap next to the ends of the line, nor the pitch of a short line", () => {
    // The recogniser stretches the boxes at the ends over the margin: a wide first or last gap says nothing.
    const ends = placed("P<UTOERIKSSON<<ANNA", [1, 19]);
    expect(fitToPitch(ends).text).toBe("P<UTOERIKSSON<<ANNA");
    expect(fitToPitch(placed("ABCDEFG", [3])).text).toBe("ABCDEFG");
  });
});
