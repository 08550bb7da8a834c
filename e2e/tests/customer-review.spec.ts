import { expect, type Page, test } from "@playwright/test";
import type { Locale } from "contract/locales";
import { SESSION_TOKEN_HEADER } from "contract/session";
import { type AppServer, startAppServer } from "../support/app-server";
import { expectNoSeriousViolations } from "../support/capture-axe";
import { PHONE } from "../support/capture-browser";
import {
  E2E_TENCENT_SECRET_ID,
  E2E_TENCENT_SECRET_KEY,
  fakeTencentUrl,
  scriptFakeTencent,
  tencentAppUrl,
} from "../support/servers";
import { type ApiKey, type CreatedSession, createApiKey, createSession, getSession } from "../support/sessions";
import { fixturePerson, useCaptureFixtures } from "../support/use-capture-fixtures";

// After the read, the customer is asked to retake at once for a photo problem (continuing only where the operator
// allows it), and a passport the operator's policy refuses (expired) stops the flow: it cannot be confirmed, and the
// server refuses to submit it while the attempt stays stored for the desk. Every new screen is axe-clean in all three
// languages.

const fx = useCaptureFixtures();
const BLUR = { Warn: [-9108] };
const LANGUAGES: [Locale, string][] = [
  ["en", "English"],
  ["zh-CN", "简体中文"],
  ["zh-TW", "繁體中文"],
];

let server: AppServer;
let apiKey: ApiKey;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // The operator blocks blurred photos outright; everything else keeps its default.
  server = await startAppServer({
    OCR_PROVIDER: "tencent",
    TENCENTCLOUD_SECRET_ID: E2E_TENCENT_SECRET_ID,
    TENCENTCLOUD_SECRET_KEY: E2E_TENCENT_SECRET_KEY,
    TENCENTCLOUD_ENDPOINT: fakeTencentUrl,
    RATE_LIMIT_MAX: "1000",
    OPERATOR_NAME: "Acme Bank",
    PRIVACY_URL: "https://acme.example/privacy",
    CONSENT_TEXT_EN: "Acme Bank checks your passport to open your account, as the law requires.",
    WARNING_POLICY: "tencent_blur=block",
  });
  apiKey = await createApiKey(server, "e2e-review", "http://127.0.0.1:9/unused");
});

test.afterAll(async () => {
  await server?.dispose();
});

async function uploadPhoto(page: Page, url: string) {
  await page.goto(url);
  await page.getByLabel("Choose a file").setInputFiles(fx().jpeg);
}

/** The capture the page read on its session (from the read's answer). */
function captureOf(page: Page): Promise<string> {
  return page
    .waitForResponse((r) => r.url().endsWith("/api/passport") && r.request().method() === "POST")
    .then(async (r) => ((await r.json()) as { capture: { captureId: string } }).capture.captureId);
}

function submitByApi(session: CreatedSession, captureId: string) {
  return fetch(`${server.url}/api/customer/session/submit`, {
    method: "POST",
    headers: { [SESSION_TOKEN_HEADER]: session.token, "content-type": "application/json" },
    body: JSON.stringify({ captureId, confirmed: true }),
  });
}

async function everyLanguage(page: Page, screen: string, heading: Record<Locale, string>) {
  for (const [locale, name] of LANGUAGES) {
    await page.getByRole("combobox", { name: /Language|语言|語言/ }).selectOption({ label: name });
    await expect(page.getByRole("heading", { level: 2, name: heading[locale] })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expectNoSeriousViolations(page, `${screen} (${locale})`);
  }
  await page.getByRole("combobox", { name: "語言" }).selectOption({ label: "English" });
}

test("a photo with a retake-worthy warning asks for a retake at once; by default the customer may go on", async ({
  page,
}) => {
  await scriptFakeTencent([{ type: "success", person: fixturePerson(fx()), response: BLUR }]);
  await uploadPhoto(page, `${tencentAppUrl}/`);
  await expect(page.getByRole("heading", { name: "Please take the photo again" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Blurred")).toBeVisible();
  await expect(page.getByText("Hold still and retake once the camera has focused")).toBeVisible();
  await expect(page.getByRole("list", { name: "Progress" }).getByRole("listitem").nth(2)).toHaveAttribute(
    "aria-current",
    "step",
  );
  await page.getByRole("button", { name: "Continue with this photo" }).click();
  await expect(page.getByRole("heading", { name: "Is this you?" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Is this you?" })).toBeFocused();
  await page.getByRole("button", { name: "No, take the photo again" }).click();
  await expect(page.getByRole("region", { name: "Camera" })).toBeVisible();
});

test("where the operator blocks a warning there is no going on, and the server refuses to submit it", async ({
  page,
}) => {
  const session = await createSession(server, apiKey.key, { reference: "blocked-1", locale: "en" });
  await scriptFakeTencent([{ type: "success", person: fixturePerson(fx()), response: BLUR }]);
  const capture = captureOf(page);
  await uploadPhoto(page, session.url);
  await expect(page.getByRole("heading", { name: "Please take the photo again" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("This service needs a new photo to continue.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Continue with this photo" })).toHaveCount(0);
  await everyLanguage(page, "retake prompt", {
    en: "Please take the photo again",
    "zh-CN": "请重新拍摄",
    "zh-TW": "請重新拍攝",
  });
  const refused = await submitByApi(session, await capture);
  expect(refused.status).toBe(422);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("retake_required");
});

test("an expired passport stops the flow and cannot be confirmed; the attempt stays stored", async ({ page }) => {
  const session = await createSession(server, apiKey.key, { reference: "expired-1", locale: "en" });
  await scriptFakeTencent([{ type: "success", person: { ...fixturePerson(fx()), expiryDate: "2020-01-01" } }]);
  const capture = captureOf(page);
  await uploadPhoto(page, session.url);
  await expect(page.getByRole("heading", { name: "This passport cannot be used" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("alert")).toContainText("It expired on 2020-01-01.");
  await expect(page.getByRole("button", { name: "Yes, this is me" })).toHaveCount(0);
  await everyLanguage(page, "policy stop", {
    en: "This passport cannot be used",
    "zh-CN": "无法使用此护照",
    "zh-TW": "無法使用此護照",
  });
  const refused = await submitByApi(session, await capture);
  expect(refused.status).toBe(422);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("document_expired");
  // The desk (and the integrator) still see the attempt: one read used, nothing submitted.
  expect(await getSession(server, apiKey.key, session.id)).toMatchObject({
    status: "in_progress",
    readsUsed: 1,
    submittedAt: null,
  });
  // Another passport can still be photographed on the same link.
  await page.getByRole("button", { name: "Photograph another passport" }).click();
  await expect(page.getByRole("region", { name: "Camera" })).toBeVisible();
});

test.describe("on a phone", () => {
  test.use(PHONE);

  test("the consent intro, the finished screen and a dead link are axe-clean in every language", async ({ page }) => {
    const session = await createSession(server, apiKey.key, { reference: "axe-1", locale: "en" });
    await page.goto(session.url);
    await expect(page.getByText("Acme Bank asks you to confirm your identity with your passport.")).toBeVisible();
    await expect(page.getByText("Acme Bank checks your passport to open your account")).toBeVisible();
    await expect(page.getByRole("link", { name: /privacy notice/ })).toHaveAttribute(
      "href",
      "https://acme.example/privacy",
    );
    // No operator text in Chinese: the app's own words, in the reader's language.
    await page.getByRole("combobox", { name: "Language" }).selectOption({ label: "繁體中文" });
    await expect(page.getByText(/我們會拍攝您護照的照片頁/)).toBeVisible();
    await everyLanguage(page, "consent intro", {
      en: "Photograph your passport",
      "zh-CN": "拍摄您的护照",
      "zh-TW": "拍攝您的護照",
    });

    await scriptFakeTencent([{ type: "success", person: fixturePerson(fx()) }]);
    const capture = captureOf(page);
    await page.getByLabel("Choose a file").setInputFiles(fx().jpeg);
    await expect(page.getByRole("heading", { name: "Is this you?" })).toBeVisible({ timeout: 30_000 });
    await capture;
    await page.getByRole("button", { name: "Yes, this is me" }).click();
    await expect(page.getByRole("heading", { name: "Thank you, you are done" })).toBeVisible();
    await everyLanguage(page, "finished", {
      en: "Thank you, you are done",
      "zh-CN": "谢谢，您已完成",
      "zh-TW": "謝謝，您已完成",
    });

    await page.goto(`${server.url}/s/not-a-real-link-token-at-all`);
    await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
    await everyLanguage(page, "dead link", {
      en: "This link does not work",
      "zh-CN": "此链接无法使用",
      "zh-TW": "此連結無法使用",
    });
  });
});
