import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "../support/capture-axe";
import { deniedCameraLaunch, PHONE } from "../support/capture-browser";
import { recordSentImages, sentImage } from "../support/sent-image";
import { tencentAppUrl } from "../support/servers";
import { useCaptureFixturesReadByFake } from "../support/use-capture-fixtures";

// A camera exists but the person (or a policy) blocked it: the screen says so, gives this browser's steps, and the
// upload way forward reads the passport.
const fx = useCaptureFixturesReadByFake();

test.use({ launchOptions: deniedCameraLaunch });

test("shows the blocked screen with steps for this browser, and upload works from there", async ({ page }) => {
  await recordSentImages(page);
  await page.goto(`${tencentAppUrl}/`);
  await page.getByRole("button", { name: "Use the camera" }).click();
  await expect(page.getByRole("heading", { name: "Camera access is blocked" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "How to allow the camera" })).toBeVisible();
  // Desktop Chromium on Linux gets the Chrome steps.
  await expect(page.getByText("Click the icon left of the address bar → Camera → Allow.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Try the camera again" })).toBeVisible();
  await expectNoSeriousViolations(page, "denied");
  await page.getByLabel("Choose a file").setInputFiles(fx().jpeg);
  const image = await sentImage(page);
  expect(image.base64Length).toBeLessThanOrEqual(7 * 1024 * 1024);
  await expect(page.getByText(fx().truth.document.number).first()).toBeVisible({ timeout: 30_000 });
});

test.describe("phone", () => {
  test.use(PHONE);

  test("axe: the blocked screen at a phone viewport with touch", async ({ page }) => {
    await page.goto(`${tencentAppUrl}/`);
    await page.getByRole("button", { name: "Use the camera" }).click();
    await expect(page.getByRole("heading", { name: "Camera access is blocked" })).toBeVisible();
    await expect(page.getByLabel("Take a photo with the camera app")).toHaveAttribute("capture", "environment");
    await expectNoSeriousViolations(page, "denied (phone)");
  });
});
