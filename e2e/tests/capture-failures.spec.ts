import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "../support/capture-axe";
import { DESKTOP, noCameraLaunch, PHONE } from "../support/capture-browser";
import { readyAgent, startWalkIn, tencentAppDataDir } from "../support/desk";
import { tencentAppUrl } from "../support/servers";
import { useCaptureFixturesReadByFake } from "../support/use-capture-fixtures";

// When the camera cannot be used, the screen says why, what to do, and offers upload as the way forward.

useCaptureFixturesReadByFake();

test.use({ launchOptions: noCameraLaunch });

test.describe("no camera", () => {
  test("shows the no-camera screen with upload as the way forward (desk opens the camera at once)", async ({
    page,
  }) => {
    const agent = await readyAgent(tencentAppUrl, tencentAppDataDir());
    await startWalkIn(page, tencentAppUrl, agent, "no-camera");
    await expect(page.getByRole("heading", { name: "No camera found" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Upload a photo" })).toBeVisible();
    await expect(page.getByLabel("Choose a file")).toBeAttached();
    await expect(page.getByRole("button", { name: "Try the camera again" })).toBeVisible();
  });

  test("the camera-app input is offered on touch phones only", async ({ browser }) => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await phone.newPage();
    await page.goto(`${tencentAppUrl}/`);
    const cameraApp = page.getByLabel("Take a photo with the camera app");
    await expect(cameraApp).toHaveAttribute("capture", "environment");
    await expect(page.getByLabel("Choose a file")).toHaveAttribute("accept", /image\/heic/);
    await phone.close();
  });
});

test("plain HTTP on a LAN address would be refused before asking: the insecure screen", async ({ page }) => {
  // 127.0.0.1 counts as secure; simulate an insecure origin by overriding isSecureContext before the app starts.
  await page.addInitScript(() => Object.defineProperty(window, "isSecureContext", { value: false }));
  await page.goto(`${tencentAppUrl}/`);
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
  // Such web views expose no camera API at all.
  await page.addInitScript(() => {
    delete (Navigator.prototype as { mediaDevices?: unknown }).mediaDevices;
  });
  await page.goto(`${tencentAppUrl}/`);
  await page.getByRole("button", { name: "Use the camera" }).click();
  await expect(page.getByRole("heading", { name: "Open this page in your browser" })).toBeVisible();
  await context.close();
});

for (const [name, device] of [
  ["phone", PHONE],
  ["desktop", DESKTOP],
] as const) {
  test.describe(`${name}, no camera`, () => {
    test.use(device);

    test("axe: start, no-camera and upload screens, in English and Chinese", async ({ page }) => {
      await page.goto(`${tencentAppUrl}/`);
      await expectNoSeriousViolations(page, "start");
      await page.getByRole("button", { name: "Use the camera" }).click();
      await expect(page.getByRole("heading", { name: "No camera found" })).toBeVisible();
      await expectNoSeriousViolations(page, "no camera");
      await page.getByLabel("Language").selectOption("zh-CN");
      await expect(page.getByRole("heading", { name: "未找到相机" })).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
      await expectNoSeriousViolations(page, "no camera zh-CN");
    });
  });
}
