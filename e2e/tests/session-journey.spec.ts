import { expect, test } from "@playwright/test";
import { startWebhookReceiver } from "../../server/test/webhook-receiver";
import { type AppServer, startAppServer } from "../support/app-server";
import { fakeCameraLaunch } from "../support/capture-browser";
import { fakeVideoPath } from "../support/capture-fixtures";
import { E2E_TENCENT_SECRET_ID, E2E_TENCENT_SECRET_KEY, fakeTencentUrl, scriptFakeTencent } from "../support/servers";
import { type ApiKey, createApiKey, createSession, getSession } from "../support/sessions";
import { useCaptureFixtures } from "../support/use-capture-fixtures";

// The integrator's whole loop: a key from `pnpm admin`, a session from the API, the customer completing it in
// Chromium with the fake camera, and a signed webhook verified by a receiver as an integrator would write it.

test.use({ launchOptions: fakeCameraLaunch(fakeVideoPath) });
const fx = useCaptureFixtures();

let server: AppServer;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let apiKey: ApiKey;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  receiver = await startWebhookReceiver();
  server = await startAppServer({
    OCR_PROVIDER: "tencent",
    TENCENTCLOUD_SECRET_ID: E2E_TENCENT_SECRET_ID,
    TENCENTCLOUD_SECRET_KEY: E2E_TENCENT_SECRET_KEY,
    TENCENTCLOUD_ENDPOINT: fakeTencentUrl,
    RATE_LIMIT_MAX: "1000",
  });
  apiKey = await createApiKey(server, "e2e-journey", receiver.url);
  receiver.setSecret(apiKey.webhookSecret);
});

test.afterAll(async () => {
  await server?.dispose();
  await receiver?.close();
});

test.beforeEach(async () => {
  const { truth } = fx();
  await scriptFakeTencent([
    {
      type: "success",
      person: {
        documentNumber: truth.document.number,
        surname: truth.document.surname,
        givenNames: truth.document.givenNames,
        expiryDate: "2034-06-30",
        nationality: "ISL",
        issuingCountry: "AUT",
      },
    },
  ]);
});

test("a customer completes a session by camera; the integrator gets a verified webhook and the result", async ({
  page,
}) => {
  const returnUrl = `${receiver.url.replace(/\/hooks$/, "")}/back?from=kyc`;
  const session = await createSession(server, apiKey.key, {
    reference: "order-4711",
    locale: "en",
    redirectUrl: returnUrl,
  });
  const tokenInQuery: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).search.includes(session.token)) tokenInQuery.push(request.url());
  });
  await page.goto(session.url);
  await expect(page.getByRole("heading", { name: "Photograph your passport" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Progress" }).getByRole("listitem").first()).toHaveAttribute(
    "aria-current",
    "step",
  );
  await page.getByRole("button", { name: "Use the camera" }).click();
  await expect(page.getByRole("heading", { name: "Check the photo" })).toBeVisible({ timeout: 30_000 });
  const read = page.waitForResponse((r) => r.url().endsWith("/api/passport") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Use this photo" }).click();
  const readRequest = (await read).request();
  expect(await readRequest.headerValue("x-session-token")).toBe(session.token);
  await expect(page.getByRole("heading", { name: "Is this you?" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(fx().truth.document.number)).toBeVisible();

  const submits: string[] = [];
  page.on("request", (r) => {
    if (r.url().endsWith("/api/customer/session/submit")) submits.push(r.method());
  });
  await page.getByRole("button", { name: "Yes, this is me" }).click();
  await expect(page.getByRole("heading", { name: "Thank you, you are done" })).toBeVisible();
  await expect(page.getByText("Your reference: order-4711")).toBeVisible();
  await expect(page.getByRole("link", { name: /Continue to 127\.0\.0\.1/ })).toBeVisible();
  // The redirect follows by itself, with the session and status added to the integrator's own query.
  await page.waitForURL((url) => url.pathname === "/back", { timeout: 15_000 });
  const back = new URL(page.url());
  expect(Object.fromEntries(back.searchParams)).toEqual({ from: "kyc", session: session.id, status: "submitted" });
  expect(submits).toEqual(["POST"]);
  expect(tokenInQuery).toEqual([]);

  await expect.poll(() => receiver.received.filter((r) => r.verified !== null).length, { timeout: 20_000 }).toBe(1);
  const [hook] = receiver.received.filter((r) => r.verified !== null);
  expect(hook?.verified).toMatchObject({
    type: "session.submitted",
    data: { id: session.id, reference: "order-4711", status: "submitted" },
  });
  expect(hook?.headers["webhook-id"]).toMatch(/^msg_/);
  const stored = await getSession(server, apiKey.key, session.id);
  expect(stored).toMatchObject({ status: "submitted", customerConfirmed: true });
  expect((stored.result as { document: { number: string } }).document.number).toBe(fx().truth.document.number);

  // Reloading the link shows the finished screen again (no new capture possible).
  await page.goto(session.url);
  await expect(page.getByRole("heading", { name: "Thank you, you are done" })).toBeVisible();
  await expect(page.getByText("Your reference: order-4711")).toBeVisible();
  // The token never reached the server's log, only its pattern.
  expect(server.output()).not.toContain(session.token);
  expect(server.output()).toContain('"path":"/s/:token"');
});

test("a confirmation lost to a network error is sent again by itself, and submits once", async ({ page }) => {
  const session = await createSession(server, apiKey.key, { reference: "flaky-net", locale: "en" });
  let submits = 0;
  // The first submission never reaches the server (as on a train going into a tunnel); the page repeats it.
  await page.route("**/api/customer/session/submit", async (route) => {
    submits++;
    if (submits === 1) await route.abort("internetdisconnected");
    else await route.continue();
  });
  await page.goto(session.url);
  await page.getByLabel("Choose a file").setInputFiles(fx().jpeg);
  await expect(page.getByRole("heading", { name: "Is this you?" })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Yes, this is me" }).click();
  await expect(page.getByRole("heading", { name: "Thank you, you are done" })).toBeVisible({ timeout: 15_000 });
  expect(submits).toBe(2);
  expect(await getSession(server, apiKey.key, session.id)).toMatchObject({ status: "submitted" });
  // One submission, one event.
  const events = () =>
    receiver.received.filter((r) => (r.verified as { data?: { id?: string } } | null)?.data?.id === session.id);
  await expect.poll(() => events().length, { timeout: 20_000 }).toBe(1);
  await page.waitForTimeout(1000);
  expect(events().map((r) => (r.verified as { type: string }).type)).toEqual(["session.submitted"]);
});

test("the session's locale applies from the first screen", async ({ page }) => {
  const session = await createSession(server, apiKey.key, { reference: "tw-1", locale: "zh-TW" });
  await page.goto(session.url);
  await expect(page.getByRole("heading", { name: "拍攝您的護照" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-TW");
  await expect(page.getByRole("combobox", { name: "語言" })).toHaveValue("zh-TW");
});

test("unknown and erased links get a clear page, not a stack trace", async ({ page }) => {
  await page.goto(`${server.url}/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Use the camera" })).toHaveCount(0);

  const session = await createSession(server, apiKey.key, { reference: "erase-me" });
  const erased = await fetch(`${server.url}/api/v1/sessions/${session.id}`, {
    method: "DELETE",
    headers: { authorization: `Bearer ${apiKey.key}` },
  });
  expect(erased.status).toBe(204);
  await page.goto(session.url);
  await expect(page.getByRole("heading", { name: "This verification is closed" })).toBeVisible();
  await expect(page.getByText(/erased/)).toBeVisible();
  await expect(page.getByText(/Error|at \w+ \(/)).toHaveCount(0);
});
