import { expect, test } from "@playwright/test";
import { fakeCameraLaunch } from "./capture-browser";
import { captureFixtures, type DetectionVideo, detectionVideoPath } from "./capture-fixtures";
import { tencentAppUrl } from "./servers";

/**
 * One document-detector case: the fake camera plays a picture that passes the picture's own checks but shows no
 * passport, its MRZ out of the band, or a page too small for the server. The hint names what is missing, the Why?
 * panel's row for it says "Not yet", and auto-capture never fires.
 * Call at the top level of its own spec file (the camera video is a browser launch flag).
 */
export function detectionCase(kind: DetectionVideo, check: RegExp, hint: string): void {
  test.use({ launchOptions: fakeCameraLaunch(detectionVideoPath(kind)) });

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await captureFixtures();
  });

  test(`${kind}: "${hint}", no "Good", no auto-capture`, async ({ page }) => {
    await page.goto(`${tencentAppUrl}/`);
    await page.getByRole("button", { name: "Use the camera" }).click();
    await expect(page.getByRole("status")).toHaveText(hint, { timeout: 15_000 });
    await page.getByText("Why?").click();
    const rows = page.getByRole("table").getByRole("row");
    // The picture itself passes: light, glare, fill, movement and focus are fine.
    for (const picture of ["Brightness", "Glare", "Sharpness", "Page fills the frame", "Movement"]) {
      await expect(rows.filter({ hasText: picture })).toContainText("OK");
    }
    await expect(rows.filter({ hasText: check })).toContainText("Not yet");
    // Several seconds of frames (5 good ones in a row would fire): none is good, and "Good" is never said.
    const said: string[] = [];
    for (let i = 0; i < 12; i++) {
      said.push((await page.getByRole("status").textContent()) ?? "");
      await page.waitForTimeout(250);
    }
    expect(said.filter((text) => text.startsWith("Good"))).toEqual([]);
    await expect(page.getByRole("heading", { name: "Check the photo" })).toHaveCount(0);
    await expect(page.getByRole("status")).toHaveText(hint);
  });
}
