import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { DESKTOP, fakeCameraLaunch, noCameraLaunch, PHONE } from "../support/capture-browser";
import { type CaptureFixtures, captureFixtures } from "../support/capture-fixtures";
import { resetFakeTencent, scriptFakeTencent, tencentAppUrl } from "../support/servers";

// axe on every capture screen, at a phone viewport with touch and at a desktop viewport: no serious or critical.
const appUrl = process.env.CAPTURE_APP_URL ?? tencentAppUrl;

let fx: CaptureFixtures;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  fx = await captureFixtures();
});

async function expectNoSeriousViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

for (const [name, device] of [
  ["phone", PHONE],
  ["desktop", DESKTOP],
] as const) {
  test.describe(`${name} with camera`, () => {
    test.use({
      ...device,
      launchOptions: fakeCameraLaunch(`${process.cwd()}/fixtures/generated/capture/2000000000.y4m`),
    });

    test(`start, camera (with why panel), preview, error and result screens`, async ({ page }) => {
      test.setTimeout(120_000);
      await resetFakeTencent();
      await scriptFakeTencent([
        { type: "error", code: "FailedOperation.NoPassport" },
        { type: "success", person: { documentNumber: fx.truth.document.number } },
      ]);
      await page.goto(`${appUrl}/?goodFrames=1000`);
      await expectNoSeriousViolations(page, "start");
      await page.getByRole("button", { name: "Use the camera" }).click();
      await expect(page.getByRole("button", { name: "Take photo" })).toBeEnabled({ timeout: 15_000 });
      await page.getByText("Why?").click();
      await expect(page.getByRole("table")).toBeVisible();
      await expectNoSeriousViolations(page, "camera");
      await page.getByRole("button", { name: "Take photo" }).click();
      await expect(page.getByRole("heading", { name: "Check the photo" })).toBeVisible();
      await expectNoSeriousViolations(page, "preview");
      await page.getByRole("button", { name: "Use this photo" }).click();
      await expect(page.getByRole("alert")).toBeVisible({ timeout: 30_000 });
      await expectNoSeriousViolations(page, "error");
      await page.getByRole("button", { name: "Retake" }).click();
      await page.getByRole("button", { name: "Take photo" }).click();
      await page.getByRole("button", { name: "Use this photo" }).click();
      await expect(page.getByText(fx.truth.document.number).first()).toBeVisible({ timeout: 30_000 });
      await expectNoSeriousViolations(page, "result");
    });

    test("desk camera screen", async ({ page }) => {
      await page.goto(`${appUrl}/desk?goodFrames=1000`);
      await expect(page.getByRole("button", { name: "Take photo" })).toBeEnabled({ timeout: 15_000 });
      await expectNoSeriousViolations(page, "desk camera");
    });
  });

  test.describe(`${name} without camera`, () => {
    test.use({ ...device, launchOptions: noCameraLaunch });

    test("no-camera failure and upload screens (English and Chinese)", async ({ page }) => {
      await page.goto(`${appUrl}/`);
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
