import { expect, test } from "@playwright/test";
import { fakeCameraLaunch } from "../support/capture-browser";
import { fakeVideoPath } from "../support/capture-fixtures";
import { recordSentImages, sentImage } from "../support/sent-image";
import { offlineAppUrl } from "../support/servers";
import { useCaptureFixtures } from "../support/use-capture-fixtures";

// The whole way with no fake in the reading: fake camera -> auto-capture -> compression -> the offline engine reads
// the MRZ of the synthetic page and the review shows its real document number.
test.use({ launchOptions: fakeCameraLaunch(fakeVideoPath) });

const fx = useCaptureFixtures();

test("camera still read by the offline engine: the page's own document number and surname", async ({ page }) => {
  await recordSentImages(page);
  await page.goto(`${offlineAppUrl}/`);
  await page.getByRole("button", { name: "Use the camera" }).click();
  await expect(page.getByRole("heading", { name: "Check the photo" })).toBeVisible({ timeout: 20_000 });
  await page.getByRole("button", { name: "Use this photo" }).click();
  const image = await sentImage(page);
  expect(image.base64Length).toBeLessThanOrEqual(7 * 1024 * 1024);
  await expect(page.getByText(fx().truth.document.number).first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(fx().truth.document.surname).first()).toBeVisible();
});

test("a 50 MP upload read by the offline engine", async ({ page }) => {
  await page.goto(`${offlineAppUrl}/`);
  await page.getByLabel("Choose a file").setInputFiles(fx().jpeg50mp);
  await expect(page.getByText(fx().truth.document.number).first()).toBeVisible({ timeout: 60_000 });
});
