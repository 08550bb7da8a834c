import { expect, test } from "@playwright/test";
import { deniedCameraLaunch, noCameraLaunch } from "../support/capture-browser";
import { type CaptureFixtures, captureFixtures } from "../support/capture-fixtures";
import { recordSentImages, sentImage } from "../support/sent-image";
import { resetFakeTencent, scriptFakeTencent, tencentAppUrl } from "../support/servers";

// When the camera cannot be used, the screen says why, what to do, and offers upload as the way forward.
const appUrl = process.env.CAPTURE_APP_URL ?? tencentAppUrl;

let fx: CaptureFixtures;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  fx = await captureFixtures();
});

test.beforeEach(async () => {
  await resetFakeTencent();
  await scriptFakeTencent([{ type: "success", person: { documentNumber: fx.truth.document.number } }]);
});

test.describe("permission denied", () => {
  test.use({ launchOptions: deniedCameraLaunch });

  test("shows the blocked screen with steps for this browser, and upload works from there", async ({ page }) => {
    await recordSentImages(page);
    await page.goto(`${appUrl}/`);
    await page.getByRole("button", { name: "Use the camera" }).click();
    await expect(page.getByRole("heading", { name: "Camera access is blocked" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "How to allow the camera" })).toBeVisible();
    // Desktop Chromium on Linux gets the Chrome steps.
    await expect(page.getByText("Click the icon left of the address bar → Camera → Allow.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Try the camera again" })).toBeVisible();
    await page.getByLabel("Choose a file").setInputFiles(fx.jpeg);
    const image = await sentImage(page);
    expect(image.base64Length).toBeLessThanOrEqual(7 * 1024 * 1024);
    await expect(page.getByText(fx.truth.document.number).first()).toBeVisible({ timeout: 30_000 });
  });
});

test.describe("no camera", () => {
  test.use({ launchOptions: noCameraLaunch });

  test("shows the no-camera screen with upload as the way forward (desk opens the camera at once)", async ({
    page,
  }) => {
    await page.goto(`${appUrl}/desk`);
    await expect(page.getByRole("heading", { name: "No camera found" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Upload a photo" })).toBeVisible();
    await expect(page.getByLabel("Choose a file")).toBeAttached();
    await expect(page.getByRole("button", { name: "Try the camera again" })).toBeVisible();
  });

  test("the camera-app input is offered on touch phones only", async ({ browser }) => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await phone.newPage();
    await page.goto(`${appUrl}/`);
    const cameraApp = page.getByLabel("Take a photo with the camera app");
    await expect(cameraApp).toHaveAttribute("capture", "environment");
    await expect(page.getByLabel("Choose a file")).toHaveAttribute("accept", /image\/heic/);
    await phone.close();
  });
});

test("plain HTTP on a LAN address would be refused before asking: the insecure screen", async ({ page }) => {
  // 127.0.0.1 counts as secure; simulate an insecure origin by overriding isSecureContext before the app starts.
  await page.addInitScript(() => Object.defineProperty(window, "isSecureContext", { value: false }));
  await page.goto(`${appUrl}/`);
  await page.getByRole("button", { name: "Use the camera" }).click();
  await expect(page.getByRole("heading", { name: "The camera needs a secure connection" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Try the camera again" })).toHaveCount(0);
  await expect(page.getByLabel("Choose a file")).toBeAttached();
});

test("an in-app browser without camera access is told to open the page in a browser", async ({ browser }) => {
  const context = await browser.newContext({
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50 NetType/WIFI Language/zh_CN",
  });
  const page = await context.newPage();
  await page.addInitScript(() => Object.defineProperty(navigator, "mediaDevices", { value: undefined }));
  await page.goto(`${appUrl}/`);
  await page.getByRole("button", { name: "Use the camera" }).click();
  await expect(page.getByRole("heading", { name: "Open this page in your browser" })).toBeVisible();
  await context.close();
});
