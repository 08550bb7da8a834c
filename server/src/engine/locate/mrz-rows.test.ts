import { describe, expect, it } from "vitest";
import { mrzRows } from "./mrz-rows";

describe("mrzRows", () => {
  it("drops a shorter line of print above a passport's two MRZ lines (rows of a skewed page, 97 800 185)", () => {
    const rows = [
      { top: 23, bottom: 36 },
      { top: 83, bottom: 101 },
      { top: 126, bottom: 146 },
    ];
    expect(mrzRows(rows)).toEqual(rows.slice(1));
  });

  it("drops a line of print of the MRZ's height at another spacing, keeping the taller pair", () => {
    const rows = [
      { top: 0, bottom: 16 },
      { top: 60, bottom: 78 },
      { top: 90, bottom: 108 },
    ];
    expect(mrzRows(rows)).toEqual(rows.slice(1));
  });

  it("keeps a card's three evenly spaced lines, and the three among four rows when the fourth is print", () => {
    const card = [
      { top: 10, bottom: 27 },
      { top: 40, bottom: 56 },
      { top: 70, bottom: 87 },
    ];
    expect(mrzRows(card)).toEqual(card);
    const withPrint = [{ top: 0, bottom: 9 }, ...card.map((r) => ({ top: r.top + 30, bottom: r.bottom + 30 }))];
    expect(mrzRows(withPrint)).toEqual(withPrint.slice(1));
  });

  it("keeps two rows, and rows no two neighbours of which agree, as they are", () => {
    const two = [
      { top: 0, bottom: 8 },
      { top: 30, bottom: 48 },
    ];
    expect(mrzRows(two)).toEqual(two);
    const mixed = [
      { top: 0, bottom: 6 },
      { top: 20, bottom: 40 },
      { top: 60, bottom: 70 },
    ];
    expect(mrzRows(mixed)).toEqual(mixed);
  });
});
