import { describe, expect, it } from "vitest";
import { inkGray, toGray } from "./raster";

describe("inkGray", () => {
  it("keeps black print dark and turns coloured marks as light as their brightest channel", () => {
    // Black ink, a red frame, a blue frame, paper.
    const rgb = { width: 4, height: 1, data: Uint8Array.from([20, 22, 25, 210, 31, 31, 31, 111, 210, 240, 238, 230]) };
    expect(Array.from(inkGray(rgb).data)).toEqual([25, 210, 210, 240]);
    // Luma makes both frames nearly as dark as the ink against the paper.
    expect(Array.from(toGray(rgb).data)).toEqual([21, 84, 98, 237]);
  });
});
