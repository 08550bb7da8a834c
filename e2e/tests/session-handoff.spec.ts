import { expect, test } from "@playwright/test";
import { type AppServer, startAppServer } from "../support/app-server";
import { expectNoSeriousViolations } from "../support/capture-axe";
import { PHONE } from "../support/capture-browser";
import { E2E_TENCENT_SECRET_ID, E2E_TENCENT_SECRET_KEY, fakeTencentUrl, scriptFakeTencent } from "../support/servers";
import { createApiKey, createSession } from "../support/sessions";
import { fixturePerson, useCaptureFixtures } from "../support/use-capture-fixtures";

// Cross-device: a computer shows a QR code and link for the same session; the phone opens it once, completes the
// capture, and the computer follows to the finished screen.

const fx = useCaptureFixtures();
let server: AppServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startAppServer({
    OCR_PROVIDER: "tencent",
    TENCENTCLOUD_SECRET_ID: E2E_TENCENT_SECRET_ID,
    TENCENTCLOUD_SECRET_KEY: E2E_TENCENT_SECRET_KEY,
    TENCENTCLOUD_ENDPOINT: fakeTencentUrl,
    RATE_LIMIT_MAX: "1000",
  });
});

test.afterAll(async () => {
  await server?.dispose();
});

test("a computer hands the session to a phone by QR code; the phone completes it and the computer follows", async ({
  page,
  browser,
}) => {
  const apiKey = await createApiKey(server, "e2e-handoff", "http://127.0.0.1:9/unused");
  const session = await createSession(server, apiKey.key, { reference: "handoff-1", locale: "en" });
  await page.goto(session.url);
  await page.getByRole("button", { name: "Continue on my phone" }).click();
  await expect(page.getByRole("img", { name: "QR code of the link for your phone" })).toBeVisible();
  const handoffUrl = (await page.locator(".handoff-url").textContent()) ?? "";
  expect(handoffUrl).toMatch(/\/h\/[\w-]{40,}$/);
  await expect(page.getByRole("status")).toHaveText("Waiting for your phone…");
  await expectNoSeriousViolations(page, "handoff panel");

  const phone = await browser.newContext(PHONE);
  try {
    const mobile = await phone.newPage();
    await mobile.goto(handoffUrl);
    // The phone goes on in the same session with a token of its own, kept out of the address: a reload keeps going.
    await expect(mobile.getByRole("heading", { name: "Photograph your passport" })).toBeVisible();
    expect(mobile.url()).toBe(handoffUrl);
    const kept = await mobile.evaluate(() => sessionStorage.getItem("passport-kyc.handoff") ?? "");
    expect(kept).not.toContain(session.token);
    expect(kept).toMatch(/"device":"[\w-]{40,}"/);
    await mobile.reload();
    await expect(mobile.getByRole("heading", { name: "Photograph your passport" })).toBeVisible();
    await expect(page.getByRole("status")).toHaveText(/Your phone is connected/, { timeout: 10_000 });

    await scriptFakeTencent([{ type: "success", person: fixturePerson(fx()) }]);
    await mobile.getByLabel("Choose a file").setInputFiles(fx().jpeg);
    await expect(mobile.getByRole("heading", { name: "Is this you?" })).toBeVisible({ timeout: 30_000 });
    await mobile.getByRole("button", { name: "Yes, this is me" }).click();
    await expect(mobile.getByRole("heading", { name: "Thank you, you are done" })).toBeVisible();
    // The computer follows the session to its end.
    await expect(page.getByRole("heading", { name: "Thank you, you are done" })).toBeVisible({ timeout: 10_000 });
    await expect(page.getByText("Your reference: handoff-1")).toBeVisible();

    // The handoff link works once.
    const again = await phone.newPage();
    await again.goto(handoffUrl);
    await expect(again.getByRole("heading", { name: "This phone link cannot be used" })).toBeVisible();
  } finally {
    await phone.close();
  }
});
