import { describe, expect, it } from "vitest";
import { DETECTION_WIDTH, detectDocument, detectionGeometry } from "./document-detection";
import { guideRect } from "./guide-geometry";
import { DEFAULT_THRESHOLDS, failedChecks } from "./quality-thresholds";
import { drawClutter, drawPage } from "./synthetic-frame.test-fixture";

// A 1920x1080 video: the detector sees the guide (1381 x 972 px) with its margin, 640 px wide.
const geometry = detectionGeometry(1920, 1080);
const height = Math.round((DETECTION_WIDTH * geometry.area.height) / geometry.area.width);
const guide = guideRect(1920, 1080);

/** A page `fill` times the guide's width, centred on the guide and moved down by `shift` of its height, as the detector sees it. */
function pageInGuide(fill: number, shift = 0) {
  const scale = ((guide.width * fill) / 125) * geometry.scale; // frame px per page mm
  const pageWidth = 125 * scale;
  const pageHeight = 88 * scale;
  const centreX = (guide.x + guide.width / 2 - geometry.area.x) * geometry.scale;
  const centreY = (guide.y + guide.height / 2 - geometry.area.y) * geometry.scale + shift * pageHeight;
  return drawPage({
    width: DETECTION_WIDTH,
    height,
    scale,
    left: centreX - pageWidth / 2,
    top: centreY - pageHeight / 2,
  });
}

const good = { brightness: 140, glare: 0, sharpness: 500, fill: 0.7, motion: 1 };

describe("detectDocument", () => {
  it("passes a page that fills the guide: MRZ in the band, capitals and page large enough", () => {
    const d = detectDocument(pageInGuide(0.95), geometry);
    expect(d).toMatchObject({ found: true, inBand: true });
    // 0.95 x 1381 px for 125 mm: capitals of 2.42 mm are 25.4 video px; the page is 0.61 of the frame.
    expect(d.capHeightPx).toBeGreaterThan(23);
    expect(d.capHeightPx).toBeLessThan(28);
    expect(d.pageShare).toBeCloseTo(0.61, 1);
    expect(failedChecks(good, DEFAULT_THRESHOLDS, d)).toEqual([]);
  });

  it("says the lines are out of the band when the page sits too high", () => {
    const d = detectDocument(pageInGuide(0.9, -0.3), geometry);
    expect(d).toMatchObject({ found: true, inBand: false });
    expect(failedChecks(good, DEFAULT_THRESHOLDS, d)).toEqual(["band"]);
  });

  it("says too small when the capitals would be under the server's 20 px", () => {
    const d = detectDocument(pageInGuide(0.65, 0.17), geometry);
    expect(d).toMatchObject({ found: true, inBand: true });
    expect(d.capHeightPx).toBeLessThan(20);
    expect(failedChecks(good, DEFAULT_THRESHOLDS, d)).toEqual(["small"]);
  });

  it("finds no document in a busy picture; the hint says so after the picture's own checks", () => {
    const d = detectDocument(drawClutter(DETECTION_WIDTH, height), geometry);
    expect(d).toEqual({ found: false, inBand: false, capHeightPx: null, pageShare: null });
    expect(failedChecks(good, DEFAULT_THRESHOLDS, d)).toEqual(["document"]);
    expect(failedChecks({ ...good, brightness: 10 }, DEFAULT_THRESHOLDS, d)).toEqual(["dark", "document"]);
    // Detection off (no detection passed): only the picture's checks.
    expect(failedChecks(good, DEFAULT_THRESHOLDS, null)).toEqual([]);
  });
});
