import { expect, test } from "@playwright/test";
import { LOCALES } from "contract/locales";
import { type AppServer, startAppServer } from "../support/app-server";
import { expectNoSeriousViolations } from "../support/capture-axe";
import { AGENT_PASSWORD, anyPhoto, createAgent, customerSends, deskServerEnv } from "../support/desk";
import { scriptFakeTencent } from "../support/servers";
import { createApiKey, createSession } from "../support/sessions";

// axe (WCAG 2.1 AA and best practices) on every desk screen, in every language the app ships, each in a browser
// whose language is that one. Controls are found by role and structure, not by their (translated) words.

let server: AppServer;
let apiKey: string;
let photo: Buffer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await scriptFakeTencent([{ type: "success" }]);
  server = await startAppServer(deskServerEnv);
  apiKey = (await createApiKey(server, "acme", "http://127.0.0.1:9/hooks")).key;
  photo = await anyPhoto();
});

test.afterAll(async () => {
  await server?.dispose();
});

for (const locale of LOCALES) {
  test(`desk screens are axe-clean in ${locale}`, async ({ browser }) => {
    test.setTimeout(120_000);
    const email = `a11y-${locale.toLowerCase()}@bank.test`;
    const oneTime = await createAgent(server.dataDir, email, "supervisor");
    const reference = `a11y-${locale}`;
    const session = await createSession(server, apiKey, { reference });
    await customerSends(server, session.token, photo);
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const screen = (name: string) => expectNoSeriousViolations(page, `${name} (${locale})`);

    await page.goto(`${server.url}/desk`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await page.locator('input[type="email"]').fill(email);
    await page.locator('input[type="password"]').fill("not the password");
    await page.locator('button[type="submit"]').click();
    await expect(page.getByRole("alert")).toBeVisible();
    await screen("sign-in with an error");

    await page.locator('input[type="password"]').fill(oneTime);
    await page.locator('button[type="submit"]').click();
    await expect(page.locator('input[autocomplete="new-password"]')).toHaveCount(2);
    await screen("password change");
    await page.locator('input[autocomplete="current-password"]').fill(oneTime);
    await page.locator('input[autocomplete="new-password"]').nth(0).fill(AGENT_PASSWORD);
    await page.locator('input[autocomplete="new-password"]').nth(1).fill(AGENT_PASSWORD);
    await page.locator('button[type="submit"]').click();

    const item = page.locator(`tr[data-session="${session.id}"]`);
    await expect(item).toBeVisible();
    await screen("inbox");

    await item.getByRole("button").first().click();
    await expect(page.locator(".review-fields")).toBeVisible();
    await expect(page.locator(".desk-audit li").first()).toBeVisible();
    await screen("session review");
    await page.locator(".review-fields tbody button").first().click();
    await page.locator(".review-edit input").fill("ERIKSEN");
    await page.locator(".review-ack button").first().click();
    await expect(page.locator(".review-ack textarea")).toBeVisible();
    await screen("session review with an edit and an acknowledgement open");

    await page.locator(".desk-bar nav a").first().click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await screen("leave without saving dialog");
    await page.getByRole("dialog").getByRole("button").last().click();
    await expect(page.locator("tbody tr").first()).toBeVisible();

    await page.locator(".desk-bar nav a").nth(1).click();
    await expect(page.locator(".desk-walk-in input")).toBeVisible();
    await screen("walk-in form");

    await page.locator(".desk-bar nav a").nth(2).click();
    await expect(page.getByRole("checkbox")).toBeVisible();
    await screen("settings");
    await context.close();
  });
}
