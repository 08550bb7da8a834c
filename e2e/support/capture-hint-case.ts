import { expect, test } from "@playwright/test";
import { fakeCameraLaunch } from "./capture-browser";
import { captureFixtures, type HintVideo, hintVideoPath } from "./capture-fixtures";
import { tencentAppUrl } from "./servers";

/** The Why? panel's rows of the document detector (passport page, band, letter height, page share). */
export const DETECTOR_ROWS = /Passport page|marked band|Letter height|Page share/;

/**
 * One live-check case: the fake camera plays a page that fails exactly one check; the worker's measures show it in
 * the "Why?" panel, the live region announces the matching hint, and auto-capture does not fire.
 * Call at the top level of its own spec file (the camera video is a browser launch flag).
 */
export function hintCase(kind: HintVideo, check: string, hint: string): void {
  test.use({ launchOptions: fakeCameraLaunch(hintVideoPath(kind)) });

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await captureFixtures();
  });

  test(`${kind} page: "${check}" fails, the hint says so, no auto-capture`, async ({ page }) => {
    await page.goto(`${tencentAppUrl}/`);
    await page.getByRole("button", { name: "Use the camera" }).click();
    await expect(page.getByRole("status")).toHaveText(hint, { timeout: 15_000 });
    await page.getByText("Why?").click();
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows.filter({ hasText: check })).toContainText("Not yet");
    // Of the picture's own checks exactly this one fails (the document detector's rows follow them).
    await expect(rows.filter({ hasText: "Not yet" }).filter({ hasNotText: DETECTOR_ROWS })).toHaveCount(1);
    // Several seconds of frames: the default needs 5 good ones in a row; none is good.
    await page.waitForTimeout(3000);
    await expect(page.getByRole("heading", { name: "Check the photo" })).toHaveCount(0);
    await expect(page.getByRole("status")).toHaveText(hint);
  });
}
