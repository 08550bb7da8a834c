import { describe, expect, it } from "vitest";
import { fitToPitch, type PlacedChar } from "./character-pitch";

/** Characters at a 30 px pitch with a little jitter; `skip` lists cells left empty (characters the recogniser missed). */
function placed(text: string, skip: number[] = []): PlacedChar[] {
  const out: PlacedChar[] = [];
  let cell = 0;
  for (const [i, ch] of [...text].entries()) {
    while (skip.includes(cell)) cell++;
    out.push({ ch, confidence: 0.95, centre: 100 + cell * 30 + ((i * 7) % 5) - 2 });
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

  it("trusts no gap next to the ends of the line, nor the pitch of a short line", () => {
    // The recogniser stretches the boxes at the ends over the margin: a wide first or last gap says nothing.
    const ends = placed("P<UTOERIKSSON<<ANNA", [1, 19]);
    expect(fitToPitch(ends).text).toBe("P<UTOERIKSSON<<ANNA");
    expect(fitToPitch(placed("ABCDEFG", [3])).text).toBe("ABCDEFG");
  });
});
