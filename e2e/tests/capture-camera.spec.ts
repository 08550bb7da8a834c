import { expect, test } from "@playwright/test";
import { fakeCameraLaunch } from "../support/capture-browser";
import { fakeVideoPath } from "../support/capture-fixtures";
import { readyAgent, startWalkIn, tencentAppDataDir } from "../support/desk";
import { recordSentImages, sentImage } from "../support/sent-image";
import { tencentAppUrl } from "../support/servers";
import { useCaptureFixturesReadByFake } from "../support/use-capture-fixtures";

// Chromium's fake camera plays a Y4M of the synthetic passport page: the live checks pass, auto-capture fires on
// its own, and the still that leaves the browser fits the upstream and is read.
const MAX_BASE64 = 7 * 1024 * 1024;

const fx = useCaptureFixturesReadByFake();

test.use({ launchOptions: fakeCameraLaunch(fakeVideoPath) });

test("auto-capture fires on a steady, sharp passport; the still is full resolution, under 7 MB base64, and read", async ({
  page,
}) => {
  await recordSentImages(page);
  await page.goto(`${tencentAppUrl}/`);
  await page.getByRole("button", { name: "Use the camera" }).click();
  const camera = page.getByRole("region", { name: "Camera" });
  await expect(camera).toBeVisible();
  // Live hints come from the worker; the good-frame hint is announced in the live region.
  await expect(page.getByRole("status")).toHaveText(/Good|Hold still|closer|Blurry|dark|Glare/, { timeout: 15_000 });
  // No click on the shutter: the preview appears because auto-capture fired.
  await expect(page.getByRole("heading", { name: "Check the photo" })).toBeVisible({ timeout: 20_000 });
  const still = page.getByRole("img", { name: "The photo you took" });
  await expect(still).toBeVisible();
  // Source resolution (1920x1080 from the fake camera), not the on-screen size.
  const natural = await still.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
  expect(natural).toEqual([1920, 1080]);
  await page.getByRole("button", { name: "Use this photo" }).click();
  const image = await sentImage(page);
  expect(image.format).toBe("jpeg");
  expect(image.base64Length).toBeLessThanOrEqual(MAX_BASE64);
  expect(image.width).toBeGreaterThanOrEqual(800);
  expect(image.height).toBeGreaterThanOrEqual(500);
  expect([image.width, image.height]).toEqual([1920, 1080]);
  await expect(page.getByText(fx().truth.document.number).first()).toBeVisible({ timeout: 30_000 });
});

test("the why panel shows measured values against the thresholds, and the shutter works by hand", async ({ page }) => {
  // Impossible sharpness: auto-capture never fires, so only the manual shutter can take the photo.
  await page.goto(`${tencentAppUrl}/?minSharpness=1000000`);
  await page.getByRole("button", { name: "Use the camera" }).click();
  await page.getByText("Why?").click();
  const table = page.getByRole("table");
  await expect(table.getByRole("row", { name: /Sharpness/ })).toContainText("≥ 1000000", { timeout: 15_000 });
  await expect(table.getByRole("row", { name: /Sharpness/ })).toContainText("Not yet");
  await expect(table.getByRole("row", { name: /Brightness/ })).toContainText("OK");
  await expect(page.getByRole("status")).toHaveText("Blurry: hold the camera steady and let it focus.");
  await page.waitForTimeout(2500);
  await expect(page.getByRole("heading", { name: "Check the photo" })).toHaveCount(0);
  await page.getByRole("button", { name: "Take photo" }).click();
  await expect(page.getByRole("heading", { name: "Check the photo" })).toBeVisible();
  await page.getByRole("button", { name: "Retake" }).click();
  await expect(page.getByRole("button", { name: "Take photo" })).toBeVisible();
});

test("desk: space captures, r retakes, enter sends; the camera choice is remembered", async ({ page }) => {
  await recordSentImages(page);
  const agent = await readyAgent(tencentAppUrl, tencentAppDataDir());
  await startWalkIn(page, tencentAppUrl, agent, "keys-1", "?goodFrames=1000");
  await expect(page.getByRole("heading", { name: "Passport desk", level: 1 })).toBeVisible();
  const picker = page.getByRole("combobox", { name: "Camera" });
  await expect(picker).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("button", { name: "Take photo" })).toBeEnabled();
  await page.keyboard.press("Space");
  await expect(page.getByRole("heading", { name: "Check the photo" })).toBeVisible();
  await page.keyboard.press("r");
  await expect(page.getByRole("button", { name: "Take photo" })).toBeEnabled({ timeout: 15_000 });
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Space");
  await expect(page.getByRole("heading", { name: "Check the photo" })).toBeVisible();
  await page.keyboard.press("Enter");
  const image = await sentImage(page);
  expect(image.base64Length).toBeLessThanOrEqual(MAX_BASE64);
  // The read is the walk-in's own session, whose review opens.
  await expect(page.getByRole("heading", { name: "Session keys-1" })).toBeVisible({ timeout: 30_000 });
  const remembered = await page.evaluate(() => localStorage.getItem("passport-kyc.desk.camera"));
  expect(remembered).toBeTruthy();
  // Next walk-in: the remembered camera is the one in use and selected in the picker.
  await startWalkIn(page, tencentAppUrl, agent, "keys-2", "?goodFrames=1000");
  await expect(page.getByRole("combobox", { name: "Camera" })).toHaveValue(remembered ?? "", { timeout: 15_000 });
});

test("without createImageBitmap (older Safari) the frames are drawn on a canvas and auto-capture still fires", async ({
  page,
}) => {
  await page.addInitScript(() => {
    delete (window as { createImageBitmap?: unknown }).createImageBitmap;
  });
  await page.goto(`${tencentAppUrl}/`);
  expect(await page.evaluate(() => typeof window.createImageBitmap)).toBe("undefined");
  await page.getByRole("button", { name: "Use the camera" }).click();
  await expect(page.getByRole("heading", { name: "Check the photo" })).toBeVisible({ timeout: 20_000 });
});
