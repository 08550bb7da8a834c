import { describe, expect, it } from "vitest";
import { generatePassport } from "../../../synthetic/generate-passport";
import { cropBand } from "./band-crop";
import { openImage } from "./decode-image";
import { locateInImage, OVERVIEW_SIDE } from "./locate-in-image";
import { useMrzOcr } from "./mrz-ocr.test-fixture";
import { shapeLines } from "./read-band";

describe("cropBand when the located band is short of the lines' ends", () => {
  const ocr = useMrzOcr();

  it("reads past the neighbourhood it first fetched instead of smearing its edge (lines still read whole)", async () => {
    const g = await generatePassport({ seed: 2_000_000_540, conditions: { preset: "moderate", rotationDeg: 4 } });
    const source = await openImage(g.image, g.mediaType);
    const [c] = locateInImage(await source.overview(OVERVIEW_SIDE), 1);
    if (!c) throw new Error("no band located");
    // As if glare hid the last characters of both lines from the locator: shorter band, centre moved to the left.
    const short = 0.94 * c.halfLength;
    const shift = c.halfLength - short;
    const crop = await cropBand(source, {
      ...c,
      cx: c.cx - shift * Math.cos(c.angle),
      cy: c.cy - shift * Math.sin(c.angle),
      halfLength: short,
      pitch: (2 * short) / 44,
    });
    if (!crop) throw new Error("no crop");
    // The right end of the crop is real paper and print, not the same edge column repeated: columns differ.
    const { width, height, data } = crop.image;
    const column = (x: number) => Array.from({ length: height }, (_, y) => data[y * width + x]);
    expect(column(width - 2)).not.toEqual(column(width - 30));
    const lines = shapeLines(await ocr().readLines(crop.image, "block"));
    expect(lines?.map((l) => l.text)).toEqual(g.truth.mrzLines);
  }, 60_000);
});
