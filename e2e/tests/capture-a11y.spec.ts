import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "../support/capture-axe";
import { DESKTOP, fakeCameraLaunch, PHONE } from "../support/capture-browser";
import { fakeVideoPath } from "../support/capture-fixtures";
import { readyAgent, startWalkIn, tencentAppDataDir } from "../support/desk";
import { scriptFakeTencent, tencentAppUrl } from "../support/servers";
import { fixturePerson, useCaptureFixtures } from "../support/use-capture-fixtures";

// axe on every capture screen, at a phone viewport with touch and at a desktop viewport: no serious or critical.

const fx = useCaptureFixtures();

test.use({ launchOptions: fakeCameraLaunch(fakeVideoPath) });

for (const [name, device] of [
  ["phone", PHONE],
  ["desktop", DESKTOP],
] as const) {
  test.describe(`${name} with camera`, () => {
    test.use(device);

    test(`start, camera (with why panel), preview, error and result screens`, async ({ page }) => {
      test.setTimeout(120_000);
      await scriptFakeTencent([
        { type: "error", code: "FailedOperation.NoPassport" },
        { type: "success", person: fixturePerson(fx()) },
      ]);
      await page.goto(`${tencentAppUrl}/?goodFrames=1000`);
      await expect(page.getByRole("heading", { name: "Photograph your passport" })).toBeVisible();
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
      await expect(page.getByText(fx().truth.document.number).first()).toBeVisible({ timeout: 30_000 });
      await expectNoSeriousViolations(page, "result");
    });

    test("desk camera screen", async ({ page }) => {
      const agent = await readyAgent(tencentAppUrl, tencentAppDataDir());
      await startWalkIn(page, tencentAppUrl, agent, `a11y-${name}`, "?goodFrames=1000");
      await expect(page.getByRole("button", { name: "Take photo" })).toBeEnabled({ timeout: 15_000 });
      await expectNoSeriousViolations(page, "desk camera");
    });
  });
}
